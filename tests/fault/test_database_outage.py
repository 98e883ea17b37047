"""Without its database the site answers 503 with Retry-After, quickly, and recovers by itself."""

import json
import time

import pytest
from django.db import connection

from ..factories import populate
from .servers import AppServer, TcpProxy, get, wait_for

pytestmark = [pytest.mark.fault, pytest.mark.django_db(transaction=True)]


@pytest.mark.timeout(120)
def test_a_stopped_database_gives_503_pages_and_json_then_the_site_recovers(postgres):
    populate(10)
    from compendium.models import Practice

    slug = Practice.objects.order_by("pk").first().slug
    db = connection.settings_dict
    proxy = TcpProxy(int(db["PORT"] or 5432))
    proxy.start()
    through_proxy = postgres.replace(f":{db['PORT'] or 5432}/", f":{proxy.port}/")
    app = AppServer(database_url=through_proxy, workers=2)  # local-memory cache
    app.start()
    try:
        assert get(app.base, f"/practices/{slug}/")[0] == 200  # now cached in its worker
        proxy.stop()
        answers = {}
        for path in [
            "/fr/practices/?sort=title",
            "/es/countries/",
            "/api/v1/practices/",
            "/healthz",
        ]:
            started = time.monotonic()
            answers[path] = (*get(app.base, path), time.monotonic() - started)
        proxy.start()
        wait_for(lambda: get(app.base, "/practices/?sort=newest")[0] == 200, "pages again", 15)
        recovered = get(app.base, "/api/v1/practices/?sort=title")
        healthy = get(app.base, "/healthz")
    finally:
        app.stop()
        proxy.stop()

    print(f"\nDatabase down: slowest 503 in {max(a[3] for a in answers.values()):.2f} s")
    status, headers, body, took = answers["/fr/practices/?sort=title"]
    assert (status, headers["Retry-After"]) == (503, "30")
    assert "momentanément indisponible" in body and '<html lang="fr">' in body
    status, headers, body, took = answers["/es/countries/"]
    assert status == 503 and "no está disponible" in body
    status, headers, body, took = answers["/api/v1/practices/"]
    assert (status, headers["Content-Type"], headers["Retry-After"]) == (
        503,
        "application/json",
        "30",
    )
    assert "unavailable" in json.loads(body)["detail"]
    status, _headers, body, took = answers["/healthz"]
    assert status == 503 and json.loads(body)["database"] == "failing"
    assert max(answer[3] for answer in answers.values()) < 5  # no hang
    assert recovered[0] == 200 and healthy[0] == 200
