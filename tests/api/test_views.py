import pytest
from django.core.cache import cache
from django.test import override_settings

from compendium.models import Practice

from ..factories import (
    GcmObjectiveFactory,
    InstrumentTypeFactory,
    KeyFigureFactory,
    OrganisationFactory,
    PillarFactory,
    PracticeCountryFactory,
    PracticeFactory,
    PracticeOrganisationFactory,
    SourceReferenceFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

# Endpoint and the queries one page of it costs: a count, the page, and one per prefetch.
LIST_ENDPOINTS = {
    "/api/v1/practices/": 4,
    "/api/v1/pillars/": 2,
    "/api/v1/themes/": 2,
    "/api/v1/instruments/": 2,
    "/api/v1/gcm-objectives/": 2,
    "/api/v1/countries/": 2,
    "/api/v1/regions/": 1,
    "/api/v1/organisations/": 2,
}


@override_settings(SIMPLE_HISTORY_ENABLED=False)  # history rows would only slow this down
def full_practices(count: int) -> None:
    """Create published practices with every kind of related row."""
    theme = ThemeFactory()
    instrument = InstrumentTypeFactory()
    objective = GcmObjectiveFactory()
    for index, practice in enumerate(PracticeFactory.create_batch(count)):
        practice.themes.add(theme)
        practice.instruments.add(instrument)
        practice.gcm_objectives.add(objective)
        PracticeCountryFactory(practice=practice, country=["MX", "PH", "MA"][index % 3])
        PracticeOrganisationFactory(practice=practice, organisation=OrganisationFactory())
        KeyFigureFactory(practice=practice)
        SourceReferenceFactory(practice=practice)


@pytest.mark.parametrize(("url", "queries"), LIST_ENDPOINTS.items())
def test_list_endpoints_cost_the_same_queries_at_5_and_200_practices(
    api_client, url, queries, django_assert_num_queries
):
    full_practices(5)
    with django_assert_num_queries(queries):
        assert api_client.get(url, {"page_size": 100}).status_code == 200

    full_practices(195)
    with django_assert_num_queries(queries):
        response = api_client.get(url, {"page_size": 100})

    assert response.status_code == 200
    assert response.json()["count"] >= 1


DETAIL_ENDPOINTS = {
    "/api/v1/practices/{practice.slug}/": 11,
    "/api/v1/pillars/{practice.primary_pillar.slug}/": 1,
    "/api/v1/themes/{theme.slug}/": 1,
    "/api/v1/instruments/{instrument.slug}/": 1,
    "/api/v1/gcm-objectives/{objective.number}/": 1,
    "/api/v1/countries/mx/": 1,
    "/api/v1/regions/19/": 1,
    "/api/v1/organisations/{organisation.slug}/": 1,
}


@pytest.mark.parametrize(("url", "queries"), DETAIL_ENDPOINTS.items())
def test_detail_endpoints_cost_the_same_queries_at_3_and_200_practices(
    api_client, url, queries, django_assert_num_queries
):
    full_practices(3)
    practice = Practice.objects.order_by("pk").first()
    url = url.format(
        practice=practice,
        theme=practice.themes.get(),
        instrument=practice.instruments.get(),
        objective=practice.gcm_objectives.get(),
        organisation=practice.organisations.get(),
    )
    with django_assert_num_queries(queries):
        assert api_client.get(url).status_code == 200

    full_practices(197)
    cache.clear()  # the practice's answer is cached until the compendium changes
    with django_assert_num_queries(queries):
        response = api_client.get(url)

    assert response.status_code == 200
    assert response.json()


def test_hidden_practices_are_404_and_absent_from_lists(
    api_client, published_practice, hidden_practices
):
    listed = api_client.get("/api/v1/practices/").json()

    assert [item["slug"] for item in listed["results"]] == [published_practice.slug]
    for practice in hidden_practices:
        assert api_client.get(f"/api/v1/practices/{practice.slug}/").status_code == 404


def test_hidden_practices_count_nowhere(api_client, published_practice, hidden_practices):
    for practice in [published_practice, *hidden_practices]:
        PracticeCountryFactory(practice=practice, country="GT")

    country = api_client.get("/api/v1/countries/gt/").json()
    pillar = api_client.get("/api/v1/pillars/engage/").json()
    americas = api_client.get("/api/v1/regions/19/").json()

    assert country["practice_count"] == 1
    assert pillar["practice_count"] == 1
    assert americas["practice_count"] == 1


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("url", ["/api/v1/practices/", "/api/v1/practices/mexico-tres-por-uno/"])
def test_writes_are_not_allowed(api_client, published_practice, method, url):
    response = getattr(api_client, method)(url, {"title": "Changed"}, format="json")

    assert response.status_code == 405
    published_practice.refresh_from_db()
    assert published_practice.title == "Tres por Uno"


def test_country_counts_practices_per_role(api_client):
    for role in ["origin", "origin", "host"]:
        PracticeCountryFactory(country="PH", role=role)

    response = api_client.get("/api/v1/countries/ph/")

    assert response.status_code == 200
    assert response.json() == {
        "code": "PH",
        "name": "Philippines",
        "region": {"code": 142, "name": "Asia"},
        "subregion": {"code": 35, "name": "South-eastern Asia"},
        "practice_count": 3,
        "origin_count": 2,
        "host_count": 1,
        "url": "http://testserver/api/v1/countries/ph/",
    }


def test_country_without_published_practices_is_404(api_client, draft_practice):
    PracticeCountryFactory(practice=draft_practice, country="FR")
    assert api_client.get("/api/v1/countries/fr/").status_code == 404
    assert api_client.get("/api/v1/countries/zz/").status_code == 404


def test_regions_list_every_m49_region_with_counts(api_client):
    PracticeCountryFactory(country="MA")
    PracticeCountryFactory(country="SN")

    results = api_client.get("/api/v1/regions/", {"page_size": 100}).json()["results"]
    by_name = {region["name"]: region for region in results}

    assert by_name["Africa"] == {"code": 2, "name": "Africa", "parent": None, "practice_count": 2}
    assert by_name["Northern Africa"]["practice_count"] == 1
    assert by_name["Northern Africa"]["parent"] == 2
    assert by_name["Europe"]["practice_count"] == 0
    assert api_client.get("/api/v1/regions/9999/").status_code == 404


def test_vocabulary_endpoints_are_looked_up_by_slug_or_number(api_client, published_practice):
    PillarFactory(slug="enable", name="Enable", position=2)

    pillars = api_client.get("/api/v1/pillars/").json()["results"]
    gcm = api_client.get("/api/v1/gcm-objectives/19/")

    assert [(p["slug"], p["practice_count"]) for p in pillars] == [("engage", 1), ("enable", 0)]
    assert api_client.get("/api/v1/pillars/engage/").json()["name"] == "Engage"
    assert gcm.status_code == 404  # no objective 19 until one is created
    assert (
        api_client.get(f"/api/v1/pillars/{published_practice.primary_pillar.pk}/").status_code
        == 404
    )


def test_organisations_without_published_practices_are_not_listed(api_client, draft_practice):
    PracticeOrganisationFactory(practice=draft_practice, organisation__slug="hidden-org")
    visible = PracticeOrganisationFactory(organisation__slug="iom", organisation__name="IOM")

    slugs = [o["slug"] for o in api_client.get("/api/v1/organisations/").json()["results"]]

    assert slugs == ["iom"]
    assert api_client.get("/api/v1/organisations/hidden-org/").status_code == 404
    assert visible.organisation.slug == "iom"
