"""Country index and profiles, organisation pages, the world map."""

import pytest

from ..factories import (
    OrganisationFactory,
    PillarFactory,
    PracticeCountryFactory,
    PracticeFactory,
    PracticeOrganisationFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def mexico():
    enable = PillarFactory(slug="enable", name="Enable", position=2)
    tres = PracticeFactory(title="Tres por Uno")
    PracticeCountryFactory(practice=tres, country="MX", role="origin")
    PracticeCountryFactory(practice=tres, country="US", role="host")
    consulates = PracticeFactory(title="Mobile consulates", primary_pillar=enable)
    PracticeCountryFactory(practice=consulates, country="MX", role="origin")
    welcome = PracticeFactory(title="Welcome centres", primary_pillar=enable)
    PracticeCountryFactory(practice=welcome, country="MX", role="host")
    sedesol = OrganisationFactory(slug="sedesol", name="Secretariat of Social Development")
    PracticeOrganisationFactory(practice=tres, organisation=sedesol)
    PracticeOrganisationFactory(practice=consulates, organisation=sedesol, role="funder")
    return tres


def test_country_index_groups_countries_by_region_with_counts(client, mexico, hidden_practices):
    PracticeCountryFactory(practice=hidden_practices[0], country="FR")

    regions = dict(client.get("/countries/").context["regions"])

    assert [(c.code, n) for c, n in regions["Americas"]] == [("MX", 3), ("US", 1)]
    assert "Europe" not in regions


def test_country_profile_groups_practices_by_role_and_pillar(client, mexico):
    response = client.get("/countries/mx/")

    roles = {role["role"]: role for role in response.context["roles"]}
    assert response.context["total"] == 3
    assert roles["origin"]["count"] == 2
    assert [
        (group["pillar"].slug, [p.title for p in group["practices"]])
        for group in roles["origin"]["groups"]
    ] == [("engage", ["Tres por Uno"]), ("enable", ["Mobile consulates"])]
    assert [p.title for p in roles["host"]["groups"][0]["practices"]] == ["Welcome centres"]
    assert [(o.slug, o.count) for o in response.context["organisations"]] == [("sedesol", 2)]
    assert "3 published practices involve Mexico." in response.content.decode()


def test_country_profile_addresses_are_lower_case_iso_codes(client, mexico, hidden_practices):
    PracticeCountryFactory(practice=hidden_practices[0], country="FR")

    assert client.get("/countries/MX/")["Location"] == "/countries/mx/"
    assert client.get("/countries/zz/").status_code == 404
    assert client.get("/countries/fr/").status_code == 404  # only a hidden practice
    assert client.get("/countries/mex/").status_code == 404


def test_organisation_page_lists_its_published_practices_by_role(client, mexico, draft_practice):
    PracticeOrganisationFactory(practice=draft_practice, organisation=mexico.organisations.get())

    response = client.get("/organisations/sedesol/")

    body = response.content.decode()
    assert response.context["total"] == 2
    assert [(role, [p.title for p in ps]) for role, ps in response.context["roles"]] == [
        ("Lead", ["Tres por Uno"]),
        ("Funder", ["Mobile consulates"]),
    ]
    assert draft_practice.title not in body


def test_organisation_known_only_from_unpublished_entries_has_no_page(client, draft_practice):
    PracticeOrganisationFactory(practice=draft_practice, organisation__slug="secret-agency")
    assert client.get("/organisations/secret-agency/").status_code == 404
    assert client.get("/organisations/no-such-body/").status_code == 404


def test_map_shades_countries_by_count_and_links_them_to_their_profiles(client, mexico):
    response = client.get("/map/")

    shapes = {shape["code"]: shape for shape in response.context["shapes"]}
    body = response.content.decode()
    assert (shapes["MX"]["count"], shapes["MX"]["class"]) == (3, 2)
    assert (shapes["US"]["count"], shapes["US"]["class"]) == (1, 1)
    assert (shapes["FR"]["count"], shapes["FR"]["class"]) == (0, 0)
    assert '<a href="/countries/mx/"><path class="c2"' in body
    assert 'href="/countries/fr/"' not in body
    assert [(c.code, n) for c, n in response.context["table"]] == [("MX", 3), ("US", 1)]
    assert "<title>Mexico: 3 practices</title>" in body
