"""When the compendium last changed, and the version number that keys every cached answer.

Both live in the cache rather than the database so that a cached answer costs no query;
any save or delete of a compendium row moves them forward once its transaction commits.

The version errs towards "changed", never towards "unchanged":
- it moves again after a commit, so that whatever a reader computed from the data before
  the commit is stored under a number already retired;
- while the cache fails it is unknown (None), and nothing is cached under it;
- when the cache answers again it moves on, because a change made during the outage
  could not move it.
"""

from contextlib import suppress
from datetime import UTC, datetime

from django.core.cache import cache
from django.db import connection, transaction

from . import cache as cache_module
from .cache import CacheUnavailable, cache_is_off

CACHE_KEY = "compendium:last-modified"
VERSION_KEY = "compendium:version"
_recoveries_seen = 0


def _now() -> datetime:
    # HTTP dates have whole seconds: round down so comparisons with If-Modified-Since hold.
    return datetime.now(UTC).replace(microsecond=0)


def last_modified() -> datetime:
    """Return when the compendium last changed (now, if the cache cannot say)."""
    return _read_or_start(CACHE_KEY, _now) or _now()


def version() -> int | None:
    """Return a number that grows with every change, or None while the cache cannot say."""
    global _recoveries_seen
    value = _read_or_start(VERSION_KEY, lambda: 0)
    if _recoveries_seen != cache_module.recoveries:  # this read found the cache back
        _recoveries_seen = cache_module.recoveries
        _record_change()
        value = _read_or_start(VERSION_KEY, lambda: 0)
    return value


def _read_or_start(key: str, initial):
    """Return the key's value, starting it if missing; None if the cache keeps nothing."""
    # Every cached answer asks: one round trip to a shared cache when the key exists.
    value = cache.get(key)
    if value is None:
        cache.add(key, initial(), timeout=None)
        value = cache.get(key)
    return value


def touch(**_signal_kwargs) -> None:
    """Record that the compendium changes: now, and again once the change is committed.

    The second record retires whatever a reader stored while the change was not yet
    visible to it. A bulk load saves thousands of rows in one transaction: their commit is
    recorded once.
    """
    _record_change()
    if connection.in_atomic_block and not any(
        callback is _record_change for _ids, callback, _robust in connection.run_on_commit
    ):
        transaction.on_commit(_record_change)


def _record_change() -> None:
    """Move the date and the version on, which retires every cached answer."""
    cache.set(CACHE_KEY, _now(), timeout=None)
    # Dates have whole seconds; two changes within one second still need two versions.
    cache.add(VERSION_KEY, 0, timeout=None)
    if cache_is_off():  # a cache that keeps nothing has no counter to increment
        return
    # If the cache is failing (or lost the key meanwhile), the next version() after it
    # answers again moves the version on.
    with suppress(CacheUnavailable, ValueError):
        cache.incr(VERSION_KEY)
