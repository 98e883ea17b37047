"""A failing Redis is a cache miss: reads miss, writes do nothing, counts fail closed."""

import logging
import time

import pytest

from compendium import cache as cache_module
from compendium import freshness
from compendium.cache import CacheUnavailable, RedisCache

pytestmark = pytest.mark.django_db


def redis_cache(url: str) -> RedisCache:
    options = {"socket_connect_timeout": 0.25, "socket_timeout": 0.25}
    return RedisCache(url, {"KEY_PREFIX": "units", "OPTIONS": options})


@pytest.mark.timeout(60)
def test_every_command_survives_a_stopped_redis_and_works_when_it_returns(own_redis, caplog):
    client = redis_cache(own_redis.url)
    client.set("kept", "value", 60)
    assert client.get("kept") == "value"

    own_redis.stop()
    with caplog.at_level(logging.WARNING, logger="compendium.cache"):
        assert client.get("kept", "missed") == "missed"
        started = time.monotonic()
        assert client.set("other", 1, 60) is None
        assert client.add("other", 1, 60) is False
        assert client.get_many(["kept", "other"]) == {}
        assert client.has_key("kept") is False
        assert client.delete("kept") is False
        client.set_many({"a": 1}, 60)
        client.delete_many(["a"])
        with pytest.raises(CacheUnavailable):
            client.incr("counter")
        # Left alone after the first failure: no timeout is paid again for a second.
        assert time.monotonic() - started < 0.1
    assert [r.getMessage()[:20] for r in caplog.records] == ["The cache is failing"]

    recoveries = cache_module.recoveries
    own_redis.start()
    time.sleep(cache_module.RETRY_AFTER + 0.1)
    client.set("kept", "again", 60)
    assert client.get("kept") == "again"
    assert cache_module.recoveries == recoveries + 1


@pytest.fixture
def redis_as_default(own_redis, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "compendium.cache.RedisCache",
            "LOCATION": own_redis.url,
            "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.25},
        }
    }
    return own_redis


@pytest.mark.timeout(60)
def test_the_version_is_unknown_while_redis_hangs_and_moves_on_when_it_answers(
    redis_as_default,
):
    freshness.touch()
    before = freshness.version()
    assert isinstance(before, int)

    redis_as_default.pause()  # keeps its keys, answers nothing: every command times out
    try:
        started = time.monotonic()
        assert freshness.version() is None  # nothing may be cached under a guess
        freshness.touch()  # a change Redis never hears of
        assert freshness.last_modified()  # still a date: now
        assert time.monotonic() - started < 1.5  # short timeouts, then left alone
    finally:
        redis_as_default.resume()

    time.sleep(cache_module.RETRY_AFTER + 0.1)
    # Redis still holds the old version: the change made meanwhile must still retire it.
    assert freshness.version() > before


@pytest.mark.timeout(60)
def test_pages_and_api_answer_while_redis_is_stopped(client, redis_as_default, published_practice):
    redis_as_default.stop()

    assert client.get("/practices/").status_code == 200
    assert client.get(published_practice.get_absolute_url()).status_code == 200
    assert client.get("/api/v1/practices/").status_code == 200  # the throttle lets reads in


@pytest.mark.timeout(60)
def test_the_suggestion_form_refuses_while_it_cannot_count(client, redis_as_default):
    redis_as_default.stop()
    data = {
        "title": "A practice",
        "description": "A practice described at enough length to pass.",
        "source_url": "https://example.org/report",
    }

    response = client.post("/suggest/", data)

    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "cannot be received just now" in response.content.decode()
