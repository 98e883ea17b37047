"""The sitemap lists every public page and nothing unpublished."""

import xml.etree.ElementTree as ET

import pytest

from .factories import (
    InstrumentTypeFactory,
    OrganisationFactory,
    PracticeCountryFactory,
    PracticeOrganisationFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def locations(client) -> set[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {loc.text.removeprefix("http://testserver") for loc in root.iter(f"{NS}loc")}


def test_sitemap_lists_every_kind_of_public_page(client, published_practice):
    ThemeFactory(slug="crisis")
    InstrumentTypeFactory(slug="matching-grants")
    PracticeCountryFactory(practice=published_practice, country="MX")
    PracticeOrganisationFactory(practice=published_practice, organisation__slug="sedesol")

    assert {
        "/",
        "/practices/",
        "/countries/",
        "/map/",
        "/about/",
        "/practices/mexico-tres-por-uno/",
        "/pillars/engage/",
        "/themes/crisis/",
        "/instruments/matching-grants/",
        "/countries/mx/",
        "/organisations/sedesol/",
    } <= locations(client)


def test_sitemap_leaves_out_unpublished_practices_and_what_only_they_name(client, hidden_practices):
    for practice in hidden_practices:
        PracticeCountryFactory(practice=practice, country="FR")
        PracticeOrganisationFactory(
            practice=practice, organisation=OrganisationFactory(slug=f"org-{practice.slug}")
        )

    found = locations(client)

    assert not [url for url in found if "hidden-" in url]
    assert "/countries/fr/" not in found
