"""Whether caching is turned off, and a Redis cache whose outage costs speed, never answers.

Django builds a new redis.Redis object for every cache command, and redis-py fills a
table of some 170 response callbacks each time: on a page served from the cache that
cost more than the commands themselves. A client only wraps its pool and is safe to
share between threads, so one per pool is enough.

A Redis that refuses, times out or has gone away turns every read into a miss and every
write into a no-op. After a failure the cache is left alone for RETRY_AFTER seconds, so
that an outage costs each request nothing rather than a socket timeout per command, and
the outage is logged once when it starts and once when it ends.
"""

import itertools
import logging
import threading
import time
from functools import wraps

from django.core.cache import caches
from django.core.cache.backends import redis
from django.core.cache.backends.dummy import DummyCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_AFTER = 1.0  # seconds between attempts while the cache is failing


def cache_is_off() -> bool:
    """Whether caching is turned off (DJANGO_CACHE=none): the cache keeps nothing."""
    return isinstance(caches["default"], DummyCache)


class CacheUnavailable(Exception):
    """The cache could not count: raised by incr, whose callers must choose what to do."""


_recoveries = itertools.count(1)
recoveries = 0  # outages of any cache client in this process that have ended


class Outage:
    """A cache client's view of its Redis: failing or not, and when to try it again."""

    def __init__(self):
        self.failing = False
        self._retry_at = 0.0
        self._lock = threading.Lock()

    def may_try(self) -> bool:
        return not self.failing or time.monotonic() >= self._retry_at

    def failed(self, error: Exception) -> None:
        with self._lock:
            self._retry_at = time.monotonic() + RETRY_AFTER
            if not self.failing:
                self.failing = True
                logger.warning("The cache is failing (%s); serving without it.", error)

    def answered(self) -> None:
        global recoveries
        if self.failing:
            with self._lock:
                if self.failing:
                    self.failing = False
                    recoveries = next(_recoveries)
                    logger.warning("The cache answers again.")


_outages: dict[tuple, Outage] = {}
_outages_lock = threading.Lock()


def outage_of(servers) -> Outage:
    """Return the one Outage of these servers in this process, shared by its threads' clients."""
    key = tuple(servers)
    with _outages_lock:
        return _outages.setdefault(key, Outage())


def tolerant(on_failure):
    """Make a cache command return on_failure() instead of raising when Redis fails."""

    def decorate(command):
        @wraps(command)
        def wrapper(self, *args, **kwargs):
            if not self.outage.may_try():
                return on_failure(*args, **kwargs)
            try:
                result = command(self, *args, **kwargs)
            except (RedisError, OSError) as error:
                self.outage.failed(error)
                return on_failure(*args, **kwargs)
            self.outage.answered()
            return result

        return wrapper

    return decorate


def _cannot_count(*args, **kwargs):
    raise CacheUnavailable("the cache is failing")


class RedisCacheClient(redis.RedisCacheClient):
    def __init__(self, servers, **options):
        super().__init__(servers, **options)
        self._clients = {}
        self.outage = outage_of(servers)

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        if pool not in self._clients:
            self._clients[pool] = self._client(connection_pool=pool)
        return self._clients[pool]

    get = tolerant(lambda key, default: default)(redis.RedisCacheClient.get)
    get_many = tolerant(lambda keys: {})(redis.RedisCacheClient.get_many)
    has_key = tolerant(lambda key: False)(redis.RedisCacheClient.has_key)
    add = tolerant(lambda *args: False)(redis.RedisCacheClient.add)
    set = tolerant(lambda *args: None)(redis.RedisCacheClient.set)
    set_many = tolerant(lambda data, timeout: list(data))(redis.RedisCacheClient.set_many)
    touch = tolerant(lambda *args: False)(redis.RedisCacheClient.touch)
    delete = tolerant(lambda key: False)(redis.RedisCacheClient.delete)
    delete_many = tolerant(lambda keys: None)(redis.RedisCacheClient.delete_many)
    clear = tolerant(lambda: False)(redis.RedisCacheClient.clear)
    incr = tolerant(_cannot_count)(redis.RedisCacheClient.incr)


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
