"""Switching language in the browser keeps the visitor on the same filtered list."""

from urllib.parse import parse_qs, urlsplit

import pytest

from ..factories import PillarFactory, PracticeCountryFactory, PracticeFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_switching_to_french_keeps_the_filtered_list(live_server, chromium_page):
    enable = PillarFactory(slug="enable", name="Enable", name_fr="Habiliter")
    shown = PracticeFactory(title="Philippine welfare fund", primary_pillar=enable)
    PracticeCountryFactory(practice=shown, country="PH")
    PracticeFactory(title="Mexican matching grants", primary_pillar=enable)

    with chromium_page() as page:
        page.goto(f"{live_server.url}/practices/?pillar=enable&country=PH")
        page.get_by_role("navigation", name="Language").get_by_role("link", name="Français").click()
        page.wait_for_load_state()
        address = urlsplit(page.url)
        language = page.locator("html").get_attribute("lang")
        chips = page.locator(".chips li").all_inner_texts()
        titles = page.locator(".practice-card h3").all_inner_texts()

    assert address.path == "/fr/practices/"
    assert parse_qs(address.query) == {"pillar": ["enable"], "country": ["PH"]}
    assert language == "fr"
    assert any("Habiliter" in chip for chip in chips)
    assert titles == ["Philippine welfare fund"]
