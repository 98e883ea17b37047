"""Expensive aggregates (facet counts, map, charts) cached until the compendium changes.

The key holds the compendium's version, which every save, delete or bulk load moves on
(see freshness.touch), so a cached value is never older than the data it summarises.
"""

import hashlib
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.utils import translation

from . import freshness

T = TypeVar("T")
TIMEOUT = 24 * 3600


def cached(name: str, compute: Callable[[], T], *parts) -> T:
    """Return compute(), reusing the value cached for this version, language and parts."""
    raw = repr((freshness.version(), translation.get_language(), parts))
    key = f"compendium:fragment:{name}:{hashlib.sha256(raw.encode()).hexdigest()}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value
