"""Expensive aggregates (facet counts, map, charts) cached until the compendium changes.

The key holds the compendium's version, which every save, delete or bulk load moves on
(see freshness.touch), so a cached value is never older than the data it summarises.
"""

import hashlib
from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone, translation

from . import freshness

T = TypeVar("T")
# With Redis every worker sees every change at once. A local-memory cache is each worker's
# own, and another worker's change only reaches it when the entry expires: keep that short.
TIMEOUT = 24 * 3600 if settings.CACHE_IS_SHARED else 60


def _key(name: str, parts) -> str | None:
    """Return the cache key of a fragment, or None when the version is unknown.

    The version is read before the data, so a value computed from data that a commit has
    since changed is stored under the version that commit retired.
    """
    version = freshness.version()
    if version is None:
        return None
    raw = repr((version, translation.get_language(), parts))
    return f"compendium:fragment:{name}:{hashlib.sha256(raw.encode()).hexdigest()}"


def cached(name: str, compute: Callable[[], T], *parts) -> T:
    """Return compute(), reusing the value cached for this version, language and parts."""
    key = _key(name, parts)
    if key is None:
        return compute()
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value


def cache_public_page(view):
    """Serve a public page's HTML from the cache until the compendium changes.

    Only anonymous-safe pages use it: they show nothing that depends on the visitor but
    the address and language, and carry no nonce or CSRF token. Headers are added fresh
    by the middleware on every answer.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "GET":
            return view(request, *args, **kwargs)
        parts = (request.get_host(), request.get_full_path(), timezone.localdate())
        key = _key("page", parts)
        if key is None:
            return view(request, *args, **kwargs)
        html = cache.get(key)
        if html is not None:
            return HttpResponse(html, content_type="text/html; charset=utf-8")
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:
            if hasattr(response, "add_post_render_callback"):
                response.add_post_render_callback(
                    lambda done: cache.set(key, done.content, TIMEOUT)
                )
            else:
                cache.set(key, response.content, TIMEOUT)
        return response

    return wrapper
