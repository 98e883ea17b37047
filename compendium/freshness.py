"""When the compendium last changed: the Last-Modified of every API answer.

Kept in the cache rather than read from the database so that answering a conditional
request costs no query; any save or delete of a compendium row moves it forward.
"""

from datetime import UTC, datetime

from django.core.cache import cache

from .cache import cache_is_off

CACHE_KEY = "compendium:last-modified"
VERSION_KEY = "compendium:version"


def _now() -> datetime:
    # HTTP dates have whole seconds: round down so comparisons with If-Modified-Since hold.
    return datetime.now(UTC).replace(microsecond=0)


def last_modified() -> datetime:
    """Return when the compendium last changed (or when this cache first heard of it)."""
    return _read_or_start(CACHE_KEY, _now) or _now()


def version() -> int:
    """Return a number that grows with every change: the key of cached fragments."""
    return _read_or_start(VERSION_KEY, lambda: 0) or 0


def _read_or_start(key: str, initial):
    # Every cached answer asks: one round trip to a shared cache when the key exists.
    value = cache.get(key)
    if value is None:
        cache.add(key, initial(), timeout=None)
        value = cache.get(key)
    return value


def touch(**_signal_kwargs) -> None:
    """Record that the compendium changed now, which also retires every cached fragment."""
    cache.set(CACHE_KEY, _now(), timeout=None)
    # Dates have whole seconds; two changes within one second still need two versions.
    cache.add(VERSION_KEY, 0, timeout=None)
    if not cache_is_off():  # a cache that keeps nothing has no counter to increment
        cache.incr(VERSION_KEY)
