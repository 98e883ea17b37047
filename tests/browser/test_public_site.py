"""A visitor finds, reads, cites and compares practices on the public site."""

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from compendium.models import PracticeCountry

from ..factories import (
    PillarFactory,
    PracticeCountryFactory,
    PracticeFactory,
    SourceReferenceFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


def practice_in(title, pillar, country, **fields):
    """Create a published practice of the pillar whose country of origin is the country."""
    slug = title.lower().replace(" ", "-")
    practice = PracticeFactory(title=title, slug=slug, primary_pillar=pillar, **fields)
    PracticeCountryFactory(practice=practice, country=country, role=PracticeCountry.Role.ORIGIN)
    return practice


def card_titles(page) -> list[str]:
    return page.locator(".practice-card h3").all_inner_texts()


def facet_link(page, facet, label):
    """Return a facet value's link, opening the facet's folded list first if need be."""
    group = page.locator("details.facet", has=page.locator("summary", has_text=facet))
    if group.get_attribute("open") is None:
        group.locator("summary").click()
    return group.get_by_role("link", name=label)


def test_visitor_narrows_the_list_by_pillar_then_country_and_removes_a_chip(
    live_server, chromium_page
):
    enable = PillarFactory(slug="enable", name="Enable")
    engage = PillarFactory(slug="engage", name="Engage")
    practice_in("Balikbayan desks", enable, "PH")
    practice_in("Overseas voting", enable, "PH")
    practice_in("Matching remittances", enable, "MX")
    practice_in("Diaspora week", engage, "PH")

    with chromium_page() as page:
        page.goto(f"{live_server.url}/practices/")
        all_count = page.inner_text(".result-count")
        facet_link(page, "Pillar", "Enable").click()
        page.wait_for_url("**pillar=enable**")
        pillar_count = page.inner_text(".result-count")
        facet_link(page, "Country", "Philippines").click()
        page.wait_for_url("**country=PH**")
        both_count, both_titles = page.inner_text(".result-count"), card_titles(page)
        both_query = parse_qs(urlsplit(page.url).query)
        chips = page.inner_text(".chips ul")
        page.locator(".chips a", has_text="Enable").click()
        page.wait_for_url(lambda url: "pillar=" not in url)
        country_query = parse_qs(urlsplit(page.url).query)
        country_titles = card_titles(page)

    assert all_count == "4 practices"
    assert pillar_count == "3 practices"
    assert both_count == "2 practices"
    assert sorted(both_titles) == ["Balikbayan desks", "Overseas voting"]
    assert both_query == {"pillar": ["enable"], "country": ["PH"]}
    assert "Enable" in chips and "Philippines" in chips
    assert country_query == {"country": ["PH"]}
    assert sorted(country_titles) == ["Balikbayan desks", "Diaspora week", "Overseas voting"]


def test_search_from_the_home_page_lists_the_title_match_first(live_server, chromium_page):
    pillar = PillarFactory()
    practice_in("Remittance matching fund", pillar, "MX")
    practice_in("Diaspora bonds", pillar, "IN", description="Bonds that attract remittances.")
    practice_in("Diaspora week", pillar, "PH")

    with chromium_page() as page:
        page.goto(f"{live_server.url}/")
        page.get_by_label("Search the practices").fill("remittance")
        page.locator(".big-search button").click()
        page.wait_for_url("**/practices/?q=remittance")
        titles = card_titles(page)

    assert titles == ["Remittance matching fund", "Diaspora bonds"]


def test_visitor_opens_a_practice_from_the_list_and_reads_it(live_server, chromium_page):
    practice = practice_in(
        "Three for one",
        PillarFactory(),
        "MX",
        summary="Every peso a migrant club sends is matched by three levels of government.",
    )
    PracticeCountryFactory(practice=practice, country="US", role=PracticeCountry.Role.HOST)
    SourceReferenceFactory(practice=practice, section="Matching funds", excerpt="one for one")

    with chromium_page() as page:
        page.goto(f"{live_server.url}/practices/")
        page.get_by_role("link", name="Three for one").click()
        page.wait_for_url("**/practices/three-for-one/")
        heading, lead = page.inner_text("h1"), page.inner_text(".practice .lead")
        facts = page.inner_text(".practice > dl.facts")
        sources = page.inner_text("section:has(#sources-heading)")

    assert heading == "Three for one"
    assert lead == practice.summary
    assert "Mexico (Origin or heritage country)" in facts
    assert "United States of America (Host or residence country)" in facts
    assert "Diaspora Ministerial Conference report" in sources
    assert "Chapter 2, “Matching funds”" in sources


def test_visitor_downloads_the_citation_as_bibtex_and_ris(live_server, chromium_page):
    practice_in("Three for one", PillarFactory(), "MX")

    with chromium_page() as page:
        page.goto(f"{live_server.url}/practices/three-for-one/")
        downloads = {}
        for link in ["BibTeX", "RIS (EndNote, Zotero, Mendeley)"]:
            with page.expect_download() as download_info:
                page.get_by_role("link", name=link).click()
            download = download_info.value
            downloads[download.suggested_filename] = Path(download.path()).read_text()

    assert sorted(downloads) == ["three-for-one.bib", "three-for-one.ris"]
    assert downloads["three-for-one.bib"].startswith("@misc{")
    assert "{Three for one}" in downloads["three-for-one.bib"]
    assert "TY  - ELEC" in downloads["three-for-one.ris"]
    assert "TI  - Three for one" in downloads["three-for-one.ris"]


def test_visitor_compares_two_practices_ticked_in_the_list(live_server, chromium_page):
    pillar = PillarFactory()
    practice_in("Balikbayan desks", pillar, "PH", summary="Desks for returning Filipinos.")
    practice_in("Three for one", pillar, "MX", summary="Matched remittances for clubs.")
    practice_in("Diaspora week", pillar, "PH")

    with chromium_page() as page:
        page.goto(f"{live_server.url}/practices/")
        page.get_by_role("checkbox", name="Compare Balikbayan desks").check()
        page.get_by_role("checkbox", name="Compare Three for one").check()
        page.get_by_role("button", name="Compare selected").click()
        page.wait_for_url("**/compare/?p=*")
        query = parse_qs(urlsplit(page.url).query)
        columns = page.locator("table.compare thead th").all_inner_texts()
        summaries = page.locator("table.compare tbody tr").first.inner_text()

    assert sorted(query["p"]) == ["balikbayan-desks", "three-for-one"]
    assert sorted(columns) == ["Balikbayan desks", "Three for one"]
    assert "Desks for returning Filipinos." in summaries
    assert "Matched remittances for clubs." in summaries
    assert "Diaspora week" not in columns


def test_visitor_follows_a_country_on_the_map_to_its_profile(live_server, chromium_page):
    practice_in("Three for one", PillarFactory(), "MX")
    practice_in("Balikbayan desks", PillarFactory(), "PH")

    with chromium_page() as page:
        page.goto(f"{live_server.url}/map/")
        mexico = page.locator('svg a[href="/countries/mx/"]')
        tooltip = mexico.locator("title").text_content()
        mexico.click()
        page.wait_for_url("**/countries/mx/")
        heading, profile = page.inner_text("h1"), page.inner_text("main")

    assert tooltip == "Mexico: 1 practice"
    assert heading == "Mexico"
    assert "Three for one" in profile
    assert "Balikbayan desks" not in profile
