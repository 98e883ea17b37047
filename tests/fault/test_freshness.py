"""A change is public at once on every surface, even while readers race the save.

A reader that reads the data before a save commits must not store its answer under the
version that follows the save. The writer keeps its transaction open for a moment after
the save, as the admin does while it writes inlines and history, which opens exactly
that window; every surface must show the new text within a second after the save returns.
"""

import time

import pytest
from django.db import transaction

from ..factories import PracticeFactory, populate
from .servers import AppServer, Load, get

pytestmark = [pytest.mark.fault, pytest.mark.django_db(transaction=True)]

SAVES = 8
WITHIN = 1.0  # seconds


def surfaces(slug: str) -> dict[str, str]:
    return {
        "page": f"/practices/{slug}/",
        "French page": f"/fr/practices/{slug}/",
        "API": f"/api/v1/practices/{slug}/",
        "list": "/practices/?sort=newest",
        "search": "/practices/?q=welfare",
        "feed": "/feed/",
        "export": "/practices/export.json",
    }


def seconds_until_shown(base: str, path: str, text: str) -> float:
    started = time.monotonic()
    while time.monotonic() - started < WITHIN * 3:
        status, _headers, body = get(base, path)
        if status == 200 and text in body:
            return time.monotonic() - started
        time.sleep(0.02)
    return float("inf")


@pytest.mark.timeout(240)
def test_after_each_save_every_surface_shows_the_new_text_within_a_second(
    postgres, own_redis, settings
):
    populate(8)
    practice = PracticeFactory(
        slug="migrant-welfare-fund",
        title="Migrant welfare fund",
        summary="Edition 0: the welfare fund pays for repatriation.",
    )
    settings.CACHES = {  # this process's saves move the version the servers read
        "default": {
            "BACKEND": "compendium.cache.RedisCache",
            "LOCATION": own_redis.url,
            "KEY_PREFIX": "compendium",
        }
    }
    app = AppServer(database_url=postgres, REDIS_URL=own_redis.url, workers=2)
    app.start()
    paths = surfaces(practice.slug)
    late, delays = [], []
    try:
        with Load(app.base, list(paths.values()), threads=8) as load:
            time.sleep(2)
            for edition in range(1, SAVES + 1):
                text = f"Edition {edition}: the welfare fund pays for repatriation."
                with transaction.atomic():
                    practice.summary = text
                    practice.save()
                    time.sleep(0.3)  # readers keep reading the old row meanwhile
                for surface, path in paths.items():
                    took = seconds_until_shown(app.base, path, f"Edition {edition}:")
                    delays.append(took)
                    if took > WITHIN:
                        late.append((edition, surface, took))
    finally:
        app.stop()
    print(f"\nFreshness: {load.answers} answers under load {dict(load.statuses)}")
    print(f"new text shown after at most {max(delays):.2f} s ({len(delays)} checks)")

    assert load.failures == []
    assert load.answers > 100
    assert late == []
