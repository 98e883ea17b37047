"""Cached aggregates are reused until the compendium changes, and never outlive a change."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from compendium import freshness

from .factories import PracticeCountryFactory, PracticeFactory

pytestmark = pytest.mark.django_db


def queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_a_second_visit_reuses_the_cached_facets_and_map(client, published_practice):
    PracticeCountryFactory(practice=published_practice, country="MX")

    assert queries(client, "/practices/") > queries(client, "/practices/")
    assert queries(client, "/map/") == 1
    assert queries(client, "/map/") == 0


def test_any_change_retires_the_cached_figures(client, published_practice):
    PracticeCountryFactory(practice=published_practice, country="MX")
    assert "<title>Mexico: 1 practice</title>" in client.get("/map/").content.decode()

    PracticeCountryFactory(practice=PracticeFactory(), country="MX")

    assert "<title>Mexico: 2 practices</title>" in client.get("/map/").content.decode()


def test_two_changes_in_one_second_are_two_versions():
    before = freshness.version()
    freshness.touch()
    freshness.touch()
    assert freshness.version() == before + 2


def test_public_pages_are_served_from_the_cache_until_something_changes(client, published_practice):
    url = published_practice.get_absolute_url()
    first = queries(client, url)

    assert queries(client, url) == 0
    published_practice.summary = "A newer summary."
    published_practice.save()
    with CaptureQueriesContext(connection) as captured:
        body = client.get(url).content.decode()
    assert len(captured) == first
    assert "A newer summary." in body


def test_each_language_has_its_own_cached_page(client, published_practice):
    english = client.get("/practices/").content.decode()
    french = client.get("/fr/practices/").content.decode()
    assert '<html lang="en">' in english
    assert '<html lang="fr">' in french
    assert '<html lang="en">' in client.get("/practices/").content.decode()


def test_api_answers_are_served_from_the_cache_until_something_changes(client, published_practice):
    url = f"/api/v1/practices/{published_practice.slug}/"
    first = client.get(url)
    with CaptureQueriesContext(connection) as captured:
        again = client.get(url)

    assert len(captured) == 0
    assert again.content == first.content
    assert again["Content-Type"] == "application/json"
    published_practice.summary = "A newer summary."
    published_practice.save()
    assert client.get(url).json()["summary"] == "A newer summary."
    assert client.get("/api/v1/practices/?page=99").status_code == 404
