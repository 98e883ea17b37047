"""A complete practice, from the desk to publication, counting the clicks and page loads.

The editor starts on the desk, creates the practice with a country, a source and a new
organisation made from the form, and sends it to review with the form's own button; the
publisher goes from the desk to the entry and publishes it from the form. Signing in and
out is left out of the counts. The bounds are the counts measured when the form's review
buttons came; a change that adds a step fails here.
"""

import pytest

from compendium import roles
from compendium.models import Practice, ReviewEvent

from ..factories import PillarFactory, SourceFactory, ThemeFactory
from .test_editorial_flow import log_in, log_out, make_staff, pick_in_select2

pytestmark = pytest.mark.django_db(transaction=True)


class CountedPage:
    """A page that counts its user's clicks (a click, a tick, a choice) and its page loads.

    A popup counts as one load: the page it shows after saving closes it at once.
    """

    def __init__(self, page):
        self.page = page
        self.clicks = 0
        self.loads = 0
        page.on("load", self.loaded)
        page.context.on("page", self.loaded)

    def loaded(self, _page):
        self.loads += 1

    def reset(self):
        self.page.wait_for_load_state("load")  # the page signed in to is not counted
        self.clicks = self.loads = 0

    def counts(self) -> tuple[int, int]:
        self.page.wait_for_load_state("load")  # the last page's load, counted
        return self.clicks, self.loads

    def click(self, selector, page=None):
        (page or self.page).click(selector)
        self.clicks += 1

    def check(self, label):
        self.page.get_by_label(label).check()
        self.clicks += 1

    def choose(self, selector, label):
        self.page.select_option(selector, label=label)
        self.clicks += 1

    def pick(self, container, text):
        """Choose in a searchable select: open it, type, choose (two clicks)."""
        pick_in_select2(self.page, container, text)
        self.clicks += 2


def test_an_editor_and_a_publisher_take_a_complete_practice_to_publication(
    live_server, chromium_page
):
    make_staff("editor", roles.EDITOR)
    make_staff("publisher", roles.PUBLISHER)
    PillarFactory(slug="engage", name="Engage")
    ThemeFactory(name="Bridges between societies")
    SourceFactory(title="Diaspora Ministerial Conference report")
    base = live_server.url
    counts = {}

    with chromium_page() as raw_page:
        page = CountedPage(raw_page)
        log_in(raw_page, base, "editor")
        page.reset()
        page.click("a:has-text('Add a practice')")
        raw_page.fill("#id_title", "Mobile consulates")
        raw_page.fill(
            "#id_summary", "Guatemala sends consular staff to nationals in remote places."
        )
        raw_page.fill("#id_description", "In 2012 Guatemala set up 132 mobile consulates.")
        page.choose("#id_primary_pillar", "Engage")
        page.check("Bridges between societies")
        page.click("#countries-group .add-row a")
        page.pick("#countries-group tr.dynamic-countries", "Guatemala")
        page.click("#organisation_roles-group .add-row a")
        with raw_page.expect_popup() as opened:
            page.click("#organisation_roles-group tr.dynamic-organisation_roles .add-related")
        popup = opened.value
        popup.fill("#id_name", "Ministry of Foreign Affairs of Guatemala")
        with popup.expect_event("close"):
            page.click("input[name=_save]", page=popup)
        page.click("#source_references-group .add-row a")
        page.pick("#source_references-group .dynamic-source_references", "Diaspora Ministerial")
        raw_page.fill("#id_source_references-0-chapter", "Chapter 2")
        raw_page.fill("#id_source_references-0-section", "Embassies and consulates")
        page.click("button[value=submit]")
        raw_page.wait_for_selector(".messagelist .success")
        counts["editor"] = page.counts()
        sent = raw_page.inner_text(".messagelist")
        log_out(raw_page)

        log_in(raw_page, base, "publisher")
        page.reset()
        page.click("#desk a:text-is('Awaiting review')")
        page.click("a:has-text('Mobile consulates')")
        page.click("button[value=publish]")
        raw_page.wait_for_selector(".messagelist .success")
        counts["publisher"] = page.counts()
        published = raw_page.inner_text(".messagelist")
        raw_page.goto(f"{base}/practices/mobile-consulates/")
        article = raw_page.inner_text("article")

    assert "“Mobile consulates” was saved and sent to review." in sent
    assert "“Mobile consulates” was saved and published." in published
    assert "Ministry of Foreign Affairs of Guatemala" in article and "Guatemala" in article
    practice = Practice.objects.get(slug="mobile-consulates")
    assert practice.editorial_status == Practice.EditorialStatus.PUBLISHED
    assert practice.organisations.get().name == "Ministry of Foreign Affairs of Guatemala"
    assert list(
        ReviewEvent.objects.filter(practice=practice)
        .order_by("created_at")
        .values_list("transition", "user__username")
    ) == [("submit", "editor"), ("publish", "publisher")]
    # (clicks, page loads): the editor's loads are the form, its popup and the desk.
    assert counts == {"editor": (13, 3), "publisher": (3, 3)}
