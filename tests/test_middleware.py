"""Caching and cross-origin headers on API answers."""

from datetime import UTC, datetime

import pytest
from django.core.cache import cache
from django.utils.http import http_date

from compendium.freshness import CACHE_KEY, last_modified

from .factories import PracticeFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/practices/mexico-tres-por-uno/"


def test_api_answers_carry_etag_last_modified_and_public_cache_control(client, published_practice):
    response = client.get(URL)

    assert response.status_code == 200
    assert response["ETag"]
    assert response["Last-Modified"] == http_date(last_modified().timestamp())
    assert "public" in response["Cache-Control"]
    assert "max-age=300" in response["Cache-Control"]


def test_conditional_get_with_etag_is_answered_304(client, published_practice):
    etag = client.get(URL)["ETag"]

    response = client.get(URL, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert response.content == b""


def test_conditional_get_with_date_is_answered_304_until_a_change(client, published_practice):
    cache.set(CACHE_KEY, datetime(2020, 1, 1, tzinfo=UTC), timeout=None)
    modified = client.get(URL)["Last-Modified"]
    assert modified == "Wed, 01 Jan 2020 00:00:00 GMT"
    assert client.get(URL, HTTP_IF_MODIFIED_SINCE=modified).status_code == 304

    published_practice.title = "Renamed"
    published_practice.save()

    changed = client.get(URL, HTTP_IF_MODIFIED_SINCE=modified)
    assert changed.status_code == 200
    assert changed.json()["title"] == "Renamed"


def test_changed_content_gets_a_new_etag(client, published_practice):
    before = client.get(URL)["ETag"]
    PracticeFactory(slug="another")
    published_practice.summary = "A new summary."
    published_practice.save()

    after = client.get(URL)

    assert after["ETag"] != before
    assert client.get(URL, HTTP_IF_NONE_MATCH=before).status_code == 200


def test_any_origin_may_read_the_api(client, published_practice):
    response = client.get(URL, HTTP_ORIGIN="https://research.example.org")

    assert response["Access-Control-Allow-Origin"] == "*"


def test_preflight_allows_only_reading(client):
    response = client.options(
        "/api/v1/practices/",
        HTTP_ORIGIN="https://research.example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
    )

    allowed = response["Access-Control-Allow-Methods"]
    assert "GET" in allowed
    assert "POST" not in allowed
    assert "DELETE" not in allowed


def test_pages_outside_the_api_get_no_cors_header(client, published_practice):
    response = client.get("/", HTTP_ORIGIN="https://research.example.org")
    assert "Access-Control-Allow-Origin" not in response
