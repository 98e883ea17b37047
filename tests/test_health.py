import pytest
from django.core.cache import cache

from .factories import PracticeFactory

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_and_cache(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_stays_in_rotation_but_degraded_when_the_cache_fails(client, settings):
    # Nothing listens on port 1: every cache command fails to connect.
    settings.CACHES = {
        "default": {
            "BACKEND": "compendium.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 1},
        }
    }
    cache.close()

    response = client.get("/healthz")

    # Every server loses the same cache at once: 503 would take them all out of rotation.
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "failing"}
    # ...and the pages still answer, uncached.
    assert client.get("/practices/").status_code == 200
    assert client.get("/api/v1/practices/").status_code == 200


def test_healthz_is_healthy_when_the_cache_is_turned_off(client, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}

    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "off"}


def test_the_compendium_can_change_while_the_cache_is_turned_off(client, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    practice = PracticeFactory()

    practice.summary = "Changed with no cache."
    practice.save()

    assert "Changed with no cache." in client.get(practice.get_absolute_url()).content.decode()
