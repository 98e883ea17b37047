"""When the compendium last changed: the Last-Modified of every API answer.

Kept in the cache rather than read from the database so that answering a conditional
request costs no query; any save or delete of a compendium row moves it forward.
"""

from datetime import UTC, datetime

from django.core.cache import cache

CACHE_KEY = "compendium:last-modified"
VERSION_KEY = "compendium:version"


def _now() -> datetime:
    # HTTP dates have whole seconds: round down so comparisons with If-Modified-Since hold.
    return datetime.now(UTC).replace(microsecond=0)


def last_modified() -> datetime:
    """Return when the compendium last changed (or when this cache first heard of it)."""
    cache.add(CACHE_KEY, _now(), timeout=None)
    return cache.get(CACHE_KEY) or _now()


def version() -> int:
    """Return a number that grows with every change: the key of cached fragments."""
    cache.add(VERSION_KEY, 0, timeout=None)
    return cache.get(VERSION_KEY) or 0


def touch(**_signal_kwargs) -> None:
    """Record that the compendium changed now, which also retires every cached fragment."""
    cache.set(CACHE_KEY, _now(), timeout=None)
    # Dates have whole seconds; two changes within one second still need two versions.
    cache.add(VERSION_KEY, 0, timeout=None)
    cache.incr(VERSION_KEY)
