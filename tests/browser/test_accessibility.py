"""The public pages pass axe-core's WCAG 2.1 A and AA rules with no serious violation."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from compendium.models import PracticeCountry, PracticeOrganisation

from ..factories import (
    InstrumentTypeFactory,
    KeyFigureFactory,
    OrganisationFactory,
    PillarFactory,
    PracticeCountryFactory,
    PracticeFactory,
    PracticeOrganisationFactory,
    PracticeRelationFactory,
    SourceReferenceFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

# axe's own script travels inside the axe-playwright-python wheel; page.evaluate runs it
# through the DevTools protocol, which the site's script-src policy does not govern.
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
BLOCKING = {"serious", "critical"}
PAGES = [
    "/",
    "/practices/?pillar=enable&country=PH&q=desks&sort=title",
    "/practices/matching-remittances/",
    "/pillars/enable/",
    "/countries/",
    "/countries/mx/",
    "/organisations/ime/",
    "/map/",
    "/compare/?p=matching-remittances&p=balikbayan-desks",
    "/about/",
    "/suggest/",
]


def build_compendium():
    """Create a small compendium that fills every section of the public pages."""
    engage = PillarFactory(slug="engage", name="Engage", position=1)
    enable = PillarFactory(slug="enable", name="Enable", position=2)
    empower = PillarFactory(slug="empower", name="Empower", position=3)
    resources = ThemeFactory(name="Financial and non-financial resources")
    bridges = ThemeFactory(name="Bridges between societies")
    grants = InstrumentTypeFactory(name="Matching grants")
    desks = InstrumentTypeFactory(name="Diaspora desks")
    ime = OrganisationFactory(
        slug="ime", name="Institute of Mexicans Abroad", acronym="IME", country="MX"
    )
    matching = PracticeFactory(
        title="Matching remittances",
        slug="matching-remittances",
        primary_pillar=enable,
        start_year=2002,
        results="Thousands of projects co-funded by migrant clubs.",
    )
    desk = PracticeFactory(title="Balikbayan desks", slug="balikbayan-desks", primary_pillar=enable)
    week = PracticeFactory(title="Diaspora week", slug="diaspora-week", primary_pillar=engage)
    council = PracticeFactory(
        title="Diaspora advisory council", slug="diaspora-council", primary_pillar=empower
    )
    matching.themes.add(resources)
    matching.instruments.add(grants)
    desk.themes.add(bridges)
    desk.instruments.add(desks)
    week.themes.add(bridges)
    for practice, country, role in [
        (matching, "MX", PracticeCountry.Role.ORIGIN),
        (matching, "US", PracticeCountry.Role.HOST),
        (desk, "PH", PracticeCountry.Role.ORIGIN),
        (week, "MX", PracticeCountry.Role.ORIGIN),
        (council, "PH", PracticeCountry.Role.PARTNER),
    ]:
        PracticeCountryFactory(practice=practice, country=country, role=role)
    PracticeOrganisationFactory(practice=matching, organisation=ime)
    PracticeOrganisationFactory(
        practice=week, organisation=ime, role=PracticeOrganisation.Role.FUNDER
    )
    SourceReferenceFactory(practice=matching, excerpt="every dollar sent is matched")
    SourceReferenceFactory(practice=desk)
    KeyFigureFactory(practice=matching, label="projects co-funded", value=2500, year=2012)
    PracticeRelationFactory(from_practice=desk, to_practice=matching)


def serious_violations(page) -> list[dict]:
    results = Axe().run(page, options=AXE_OPTIONS).response
    return [v for v in results["violations"] if v["impact"] in BLOCKING]


def describe(path: str, violation: dict) -> str:
    targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
    return (
        f"{path}: {violation['id']} ({violation['impact']}) {violation['help']}; "
        f"{len(violation['nodes'])} element(s), e.g. {' | '.join(targets)}"
    )


def test_public_pages_have_no_serious_wcag_violations(live_server, chromium_page):
    build_compendium()

    found = []
    with chromium_page() as page:
        for path in PAGES:
            response = page.goto(f"{live_server.url}{path}")
            assert response.status == 200, path
            found += [describe(path, v) for v in serious_violations(page)]
        page.get_by_role("button", name="Send suggestion").click()
        page.wait_for_selector(".errors")
        found += [describe("/suggest/ with errors", v) for v in serious_violations(page)]

    assert found == [], "axe found violations:\n" + "\n".join(found)
