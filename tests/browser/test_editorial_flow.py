"""An editor drafts a practice and sends it to review; a publisher publishes it."""

import pytest
from django.contrib.auth.models import Group, User

from compendium import roles
from compendium.models import Practice

from ..factories import PillarFactory, SourceFactory, ThemeFactory

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct-horse-battery"


def log_in(page, base, username):
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#user-tools")


def log_out(page):
    page.click("#logout-form button")


def pick_in_select2(page, container, text):
    """Choose an option in one of the admin's searchable (select2) selects."""
    page.click(f"{container} .select2-selection")
    page.fill(".select2-container--open .select2-search__field", text)
    page.click(f".select2-results__option:has-text('{text}')")


def run_action(page, base, title, action_label):
    page.goto(f"{base}/admin/compendium/practice/")
    page.check(f"tr:has-text('{title}') input.action-select")
    page.select_option("select[name=action]", label=action_label)
    page.click("button[name=index]")


def make_staff(username, role):
    user = User.objects.create_user(username, password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=role))


def test_editor_drafts_and_publisher_publishes(live_server, chromium_page):
    make_staff("editor", roles.EDITOR)
    make_staff("publisher", roles.PUBLISHER)
    PillarFactory(slug="engage", name="Engage")
    ThemeFactory(name="Bridges between societies")
    SourceFactory(title="Diaspora Ministerial Conference report")
    base = live_server.url

    with chromium_page() as page:
        log_in(page, base, "editor")
        page.goto(f"{base}/admin/compendium/practice/add/")
        page.fill("#id_title", "Mobile consulates")
        page.fill(
            "#id_summary", "Guatemala sends consular staff to its nationals in remote places."
        )
        page.fill("#id_description", "In 2012 Guatemala set up 132 mobile consulates.")
        page.select_option("#id_primary_pillar", label="Engage")
        page.get_by_label("Bridges between societies").check()
        page.click("#countries-group .add-row a")
        pick_in_select2(page, "#countries-group tr.dynamic-countries", "Guatemala")
        page.click("#source_references-group .add-row a")
        pick_in_select2(
            page, "#source_references-group .dynamic-source_references", "Diaspora Ministerial"
        )
        page.fill("#id_source_references-0-chapter", "Chapter 2")
        page.fill("#id_source_references-0-section", "Embassies and consulates at the front line")
        page.fill("#id_source_references-0-excerpt", "in 2012 set up 132 mobile consulates")
        page.click("input[name=_save]")
        page.wait_for_selector(".messagelist .success")
        run_action(page, base, "Mobile consulates", "Send to review")
        sent = page.inner_text(".messagelist")
        offered_publish = page.locator("select[name=action] option", has_text="Publish").count()
        log_out(page)

        log_in(page, base, "publisher")
        run_action(page, base, "Mobile consulates", "Publish")
        published = page.inner_text(".messagelist")

        page.goto(f"{base}/practices/mobile-consulates/")
        heading, article = page.inner_text("h1"), page.inner_text("article")

    assert "1 practice sent to review." in sent
    assert offered_publish == 0
    assert "1 practice published." in published
    assert heading == "Mobile consulates"
    assert "Guatemala" in article
    practice = Practice.objects.get(slug="mobile-consulates")
    assert practice.editorial_status == Practice.EditorialStatus.PUBLISHED
    assert practice.history.filter(history_user__username="editor").exists()
