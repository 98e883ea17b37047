"""The shared FilterSet, exercised through the API that uses it."""

import pytest

from .factories import (
    InstrumentTypeFactory,
    OrganisationFactory,
    PillarFactory,
    PracticeCountryFactory,
    PracticeFactory,
    PracticeOrganisationFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


def slugs(api_client, **params):
    response = api_client.get("/api/v1/practices/", params)
    assert response.status_code == 200, response.json()
    return sorted(item["slug"] for item in response.json()["results"])


@pytest.fixture
def practices():
    enable = PillarFactory(slug="enable", name="Enable")
    crisis = ThemeFactory(slug="crisis")
    grants = InstrumentTypeFactory(slug="matching-grants")
    iom = OrganisationFactory(slug="iom")
    mexico = PracticeFactory(slug="mexico", start_year=2002, scope="national")
    mexico.instruments.add(grants)
    PracticeCountryFactory(practice=mexico, country="MX", role="origin")
    PracticeCountryFactory(practice=mexico, country="US", role="host")
    philippines = PracticeFactory(
        slug="philippines", primary_pillar=enable, start_year=2011, implementation_status="ongoing"
    )
    philippines.themes.add(crisis)
    PracticeCountryFactory(practice=philippines, country="PH")
    mida = PracticeFactory(slug="mida", start_year=2001, evidence_level="internal-review")
    PracticeOrganisationFactory(practice=mida, organisation=iom)
    PracticeCountryFactory(practice=mida, country="GH")
    PracticeCountryFactory(practice=mida, country="SN")


def test_each_filter_narrows_the_list(api_client, practices):
    assert slugs(api_client, pillar="enable") == ["philippines"]
    assert slugs(api_client, theme="crisis") == ["philippines"]
    assert slugs(api_client, instrument="matching-grants") == ["mexico"]
    assert slugs(api_client, organisation="iom") == ["mida"]
    assert slugs(api_client, scope="national") == ["mexico"]
    assert slugs(api_client, status="ongoing") == ["philippines"]
    assert slugs(api_client, evidence="internal-review") == ["mida"]
    assert slugs(api_client, year_from=2002) == ["mexico", "philippines"]
    assert slugs(api_client, year_to=2002) == ["mexico", "mida"]


def test_country_matches_any_role_in_either_case(api_client, practices):
    assert slugs(api_client, country="US") == ["mexico"]
    assert slugs(api_client, country="mx") == ["mexico"]


def test_repeated_values_are_alternatives_and_parameters_combine(api_client, practices):
    assert slugs(api_client, country=["PH", "GH"]) == ["mida", "philippines"]
    assert slugs(api_client, country=["PH", "GH"], pillar="engage") == ["mida"]
    assert slugs(api_client, country=["PH", "GH"], pillar="engage", year_from=2005) == []


def test_region_matches_countries_in_the_m49_region(api_client, practices):
    assert slugs(api_client, region="2") == ["mida"]  # Africa
    assert slugs(api_client, region="11") == ["mida"]  # Western Africa
    assert slugs(api_client, region=["35", "21"]) == ["mexico", "philippines"]


def test_a_practice_matching_twice_is_listed_once(api_client, practices):
    response = api_client.get("/api/v1/practices/", {"country": ["GH", "SN"]})
    assert response.json()["count"] == 1


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"pillar": "engag"}, "pillar"),
        ({"country": "XX"}, "country"),
        ({"country": "Mexico"}, "country"),
        ({"region": "999"}, "region"),
        ({"gcm": "24"}, "gcm"),
        ({"gcm": "99999999999999999999999"}, "gcm"),
        ({"pillar": "eng\x00age"}, "pillar"),
        ({"q": "bonds\x00"}, "q"),
        ({"year_from": "twenty"}, "year_from"),
        ({"year_from": "1800"}, "year_from"),
        ({"year_from": "2012", "year_to": "2010"}, "year_to"),
        ({"status": "finished"}, "status"),
        ({"q": "x" * 501}, "q"),
        ({"pilar": "engage"}, "pilar"),
        ({"ordering": "popularity"}, "ordering"),
    ],
)
def test_bad_parameters_are_refused_with_a_message_naming_them(
    api_client, practices, params, parameter
):
    response = api_client.get("/api/v1/practices/", params)

    assert response.status_code == 400
    body = response.json()
    assert list(body) == [parameter]
    assert body[parameter][0]


def test_ordering_sorts_and_reverses(api_client, practices):
    def ordered(value):
        results = api_client.get("/api/v1/practices/", {"ordering": value}).json()["results"]
        return [item["slug"] for item in results]

    assert ordered("start_year") == ["mida", "mexico", "philippines"]
    assert ordered("-start_year") == ["philippines", "mexico", "mida"]
    assert ordered("-title") == list(reversed(ordered("title")))
