"""Two app servers share PostgreSQL and Redis: what one publishes, the other serves at once."""

import json
import os

import pytest
from django.contrib.auth.models import Group, User
from django.db import connection

from compendium import roles

from .factories import PracticeCountryFactory, PracticeFactory, SourceReferenceFactory, ThemeFactory
from .fault.servers import AppServer, Browser, database_url, get

pytestmark = pytest.mark.django_db(transaction=True)

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/14")


def redis_available() -> bool:
    import redis

    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False


def get_json(base: str, path: str, **headers):
    status, response_headers, body = get(base, path, **headers)
    return status, response_headers, json.loads(body or "null") if status == 200 else None


@pytest.fixture
def two_servers():
    if connection.vendor != "postgresql" or not redis_available():
        if os.environ.get("CI") and connection.vendor == "postgresql":
            pytest.fail("the two-server test needs Redis at " + REDIS_URL)
        pytest.skip("needs PostgreSQL (DATABASE_URL) and a Redis server")
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    servers = [AppServer(database_url=database_url(), REDIS_URL=REDIS_URL) for _ in range(2)]
    try:
        for server in servers:
            server.start()
        yield [server.base for server in servers]
    finally:
        for server in servers:
            server.stop()


def test_what_one_server_publishes_the_other_serves(two_servers):
    first, second = two_servers
    publisher = User.objects.create_user(
        "publisher", password="correct-horse-battery", is_staff=True
    )
    publisher.groups.add(Group.objects.get(name=roles.PUBLISHER))
    practice = PracticeFactory(
        title="Mobile consulates", slug="guatemala-mobile-consulates", editorial_status="in-review"
    )
    practice.themes.add(ThemeFactory())
    PracticeCountryFactory(practice=practice, country="GT")
    SourceReferenceFactory(practice=practice)

    before_status, before_headers, _ = get_json(second, f"/api/v1/practices/{practice.slug}/")
    _, pillar_headers, pillar = get_json(second, "/api/v1/pillars/engage/")
    assert before_status == 404
    assert pillar["practice_count"] == 0

    browser = Browser(first)
    browser.sign_in("publisher", "correct-horse-battery")
    _status, page = browser.post_form(
        "/admin/compendium/practice/", {"action": "publish", "_selected_action": [practice.pk]}
    )
    assert "1 practice published." in page

    status, _, document = get_json(second, f"/api/v1/practices/{practice.slug}/")
    fresh_status, _, fresh = get_json(
        second, "/api/v1/pillars/engage/", **{"If-None-Match": pillar_headers["ETag"]}
    )
    assert status == 200
    assert document["title"] == "Mobile consulates"
    assert fresh_status == 200
    assert fresh["practice_count"] == 1
