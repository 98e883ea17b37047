"""The Redis cache backend keeps one client per connection pool, and works as Django's does."""

import pytest

from compendium.cache import RedisCache

from .test_scaling import REDIS_URL, redis_available

pytestmark = pytest.mark.skipif(not redis_available(), reason="needs Redis at " + REDIS_URL)


def test_the_redis_cache_reuses_its_client_and_round_trips_values():
    cache = RedisCache(REDIS_URL, {"KEY_PREFIX": "cache-test"})

    cache.set("answer", {"practices": [1, 2]}, 30)
    assert cache.add("answer", "other", 30) is False

    assert cache.get("answer") == {"practices": [1, 2]}
    assert cache._cache.get_client() is cache._cache.get_client(write=True)
    cache.delete("answer")
    assert cache.get("answer") is None
