"""Two app servers share PostgreSQL and Redis: what one publishes, the other serves at once."""

import http.cookiejar
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.db import connection

from compendium import roles

from .factories import PracticeCountryFactory, PracticeFactory, SourceReferenceFactory, ThemeFactory

pytestmark = pytest.mark.django_db(transaction=True)

PROJECT = Path(__file__).resolve().parent.parent
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/14")


def redis_available() -> bool:
    import redis

    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def start_server(port: int) -> subprocess.Popen:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        "DATABASE_URL": database_url(),
        "REDIS_URL": REDIS_URL,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
    }
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
        ],
        cwd=PROJECT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_until_healthy(base: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:  # not listening yet, or still loading
            time.sleep(0.2)
    raise AssertionError(f"{base} did not become healthy")


def get_json(base: str, path: str, **headers):
    request = urllib.request.Request(f"{base}{path}", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, dict(response.headers), json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), None


class Browser:
    """A client with cookies, able to post Django forms with their CSRF token."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path: str) -> str:
        with self.opener.open(f"{self.base}{path}", timeout=5) as response:
            return response.read().decode()

    def post_form(self, path: str, data: dict) -> str:
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', self.get(path)).group(1)
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}, doseq=True).encode()
        request = urllib.request.Request(
            f"{self.base}{path}", data=body, headers={"Referer": f"{self.base}{path}"}
        )
        with self.opener.open(request, timeout=10) as response:
            return response.read().decode()


@pytest.fixture
def two_servers():
    if connection.vendor != "postgresql" or not redis_available():
        if os.environ.get("CI") and connection.vendor == "postgresql":
            pytest.fail("the two-server test needs Redis at " + REDIS_URL)
        pytest.skip("needs PostgreSQL (DATABASE_URL) and a Redis server")
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    ports = [free_port(), free_port()]
    servers = [start_server(port) for port in ports]
    try:
        bases = [f"http://127.0.0.1:{port}" for port in ports]
        for base in bases:
            wait_until_healthy(base)
        yield bases
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=10)


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
    browser.post_form(
        "/admin/login/?next=/admin/",
        {"username": "publisher", "password": "correct-horse-battery", "next": "/admin/"},
    )
    page = browser.post_form(
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
