import pytest
from django.db import connection

from compendium.models import Practice

from .factories import (
    OrganisationFactory,
    PracticeCountryFactory,
    PracticeFactory,
    PracticeOrganisationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def practices():
    PracticeFactory(
        title="Diaspora bonds for infrastructure",
        description="Bonds sold to emigrants finance roads.",
    )
    PracticeFactory(
        title="Investment forum",
        description="A forum where the diaspora learns about bonds and equities.",
    )
    PracticeFactory(title="Unrelated practice", description="Nothing about finance here.")


def titles(query):
    return [practice.title for practice in Practice.objects.published().search(query)]


def test_title_match_ranks_above_body_match(practices):
    assert titles("bonds") == ["Diaspora bonds for infrastructure", "Investment forum"]


def test_search_finds_practices_by_country_and_organisation_name():
    mexico = PracticeFactory(title="Matching grants")
    PracticeCountryFactory(practice=mexico, country="MX")
    mida = PracticeFactory(title="Return of experts")
    PracticeOrganisationFactory(
        practice=mida,
        organisation=OrganisationFactory(
            name="International Organization for Migration", acronym="IOM"
        ),
    )

    assert titles("Mexico") == ["Matching grants"]
    assert titles("iom") == ["Return of experts"]
    assert titles("organization for migration") == ["Return of experts"]


@pytest.mark.parametrize(
    "query", ["", "   ", "bnods", '"unbalanced', "a & b | !c", "'; DROP TABLE", "ñandú"]
)
def test_odd_queries_never_fail(practices, query):
    result = titles(query)
    assert isinstance(result, list)
    if not query.strip():
        assert len(result) == 3


def test_search_only_returns_published_practices(practices, hidden_practices):
    assert titles("hidden") == []
    assert len(titles("Hidden")) == 0


def test_api_search_orders_by_relevance(api_client, practices):
    response = api_client.get("/api/v1/practices/", {"q": "bonds"})
    assert [item["title"] for item in response.json()["results"]] == [
        "Diaspora bonds for infrastructure",
        "Investment forum",
    ]


on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the stored search vector is PostgreSQL's"
)


@on_postgresql
def test_stored_search_vector_follows_every_kind_of_write():
    practice = PracticeFactory(title="Diaspora bonds")
    bulk = PracticeFactory.build(slug="bulk", title="Bulk-loaded bonds", primary_pillar=None)
    bulk.primary_pillar = practice.primary_pillar
    Practice.objects.bulk_create([bulk])
    assert titles("bonds") == ["Bulk-loaded bonds", "Diaspora bonds"]

    practice.title = "Remittance fund"
    practice.save()
    Practice.objects.filter(slug="bulk").update(summary="Hometown associations")

    assert titles("bonds") == ["Bulk-loaded bonds"]
    assert titles("remittance") == ["Remittance fund"]
    assert titles("hometown associations") == ["Bulk-loaded bonds"]


@on_postgresql
def test_search_vector_has_a_gin_index():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = %s",
            ["compendium_practice_search_vector_gin"],
        )
        (definition,) = cursor.fetchone()
    assert "USING gin (search_vector)" in definition
