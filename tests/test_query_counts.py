"""Every public page costs the same number of queries with 5 practices as with 200."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from compendium.models import Practice, PracticeTranslation

from .factories import populate

pytestmark = pytest.mark.django_db

# The first practice populate() makes has origin MX, host US, pillar engage, org-0.
PAGES = {
    "/": 5,
    "/about/": 7,
    "/practices/": 4,
    # A search adds two: the synonym groups' version and the query's words in the vocabulary.
    "/practices/?pillar=engage&country=mx&theme=theme-0&q=practice&sort=newest": 8,
    "/practices/?page=1&sort=start-year": 4,
    "/pillars/engage/": 6,
    "/themes/theme-0/": 6,
    "/instruments/instrument-0/": 6,
    "/practices/{slug}/": 12,
    "/practices/{slug}/cite.ris": 10,
    "/countries/": 1,
    "/countries/mx/": 5,
    "/organisations/org-0/": 3,
    "/map/": 1,
    "/compare/?p={slug}&p={other}": 10,
    "/feed/?pillar=engage": 2,
    # One query for the practices, then one per multi-valued field for each chunk of 1,000.
    "/practices/export.csv?country=mx": 9,
    "/practices/export.json": 9,
    "/sitemap.xml": 6,
}


def count_queries(client, url: str) -> int:
    first, second = Practice.objects.order_by("pk")[:2]
    url = url.format(slug=first.slug, other=second.slug)
    cache.clear()  # measure each page cold, before any cached fragment helps it
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200, url
    return len(queries)


def test_every_page_costs_the_same_queries_at_5_and_200_practices(client):
    populate(5)
    small = {url: count_queries(client, url) for url in PAGES}
    populate(200)
    large = {url: count_queries(client, url) for url in PAGES}

    assert small == PAGES
    assert large == PAGES


def translate_all():
    """Give every practice a French translation and its first key figure a French label."""
    PracticeTranslation.objects.bulk_create(
        PracticeTranslation(
            practice=practice, language="fr", title=f"FR {practice.title}", summary="Résumé."
        )
        for practice in Practice.objects.exclude(translations__language="fr")
    )


def test_french_pages_cost_the_same_queries_at_5_and_200_translated_practices(client):
    french = [f"/fr{url}" for url in PAGES if url != "/sitemap.xml"]
    populate(5)
    translate_all()
    small = {url: count_queries(client, url) for url in french}
    populate(200)
    translate_all()
    large = {url: count_queries(client, url) for url in french}

    assert small == large
    # Reading the translations costs one query where a page shows practice texts.
    assert small["/fr/practices/"] == PAGES["/practices/"] + 1
    assert small["/fr/practices/{slug}/"] == PAGES["/practices/{slug}/"] + 1
