"""Whether caching is turned off, and Django's Redis backend reusing one client per pool.

Django builds a new redis.Redis object for every cache command, and redis-py fills a
table of some 170 response callbacks each time: on a page served from the cache that
cost more than the commands themselves. A client only wraps its pool and is safe to
share between threads, so one per pool is enough.
"""

from django.core.cache import caches
from django.core.cache.backends import redis
from django.core.cache.backends.dummy import DummyCache


def cache_is_off() -> bool:
    """Whether caching is turned off (DJANGO_CACHE=none): the cache keeps nothing."""
    return isinstance(caches["default"], DummyCache)


class RedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        if pool not in self._clients:
            self._clients[pool] = self._client(connection_pool=pool)
        return self._clients[pool]


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
