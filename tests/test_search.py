import pytest

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


def test_page_and_api_give_the_same_order(client, api_client, practices):
    for query in ("bonds", "diaspora bonds finance", "bnods"):
        page = client.get("/practices/", {"q": query}).content.decode()
        api = api_client.get("/api/v1/practices/", {"q": query}).json()["results"]
        titles_on_page = [t for t in (p.title for p in Practice.objects.all()) if t in page]
        assert sorted(titles_on_page, key=page.index) == [item["title"] for item in api]
