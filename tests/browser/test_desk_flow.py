"""Through the desk: draft, send to review, send back with a comment, fix, publish."""

import pytest
from django.contrib.auth.models import User
from django.core import mail

from compendium import roles
from compendium.models import Practice, ReviewEvent

from ..factories import (
    PillarFactory,
    PracticeCountryFactory,
    SourceReferenceFactory,
    ThemeFactory,
)
from .test_editorial_flow import log_in, log_out, make_staff

pytestmark = pytest.mark.django_db(transaction=True)


def desk_count(page, base, panel: str) -> int:
    page.goto(f"{base}/admin/")
    return int(page.locator("#desk tr", has_text=panel).locator(".desk-count a").inner_text())


def act_from_desk(page, base, panel: str, title: str, action: str):
    page.goto(f"{base}/admin/")
    page.locator("#desk tr", has_text=panel).get_by_role("link", name=panel, exact=True).click()
    page.check(f"tr:has-text('{title}') input.action-select")
    page.select_option("select[name=action]", label=action)
    page.click("button[name=index]")


def test_a_practice_goes_through_review_and_back_via_the_desk(live_server, chromium_page):
    make_staff("editor", roles.EDITOR)
    make_staff("publisher", roles.PUBLISHER)
    User.objects.filter(username="editor").update(email="editor@example.org")
    User.objects.filter(username="publisher").update(email="publisher@example.org")
    draft = Practice.objects.create(
        slug="mobile-consulates",
        title="Mobile consulates",
        summary="Guatemala sends consular staff to its nationals in remote places.",
        description="Guatemala set up mobile consulates.",
        primary_pillar=PillarFactory(),
    )
    draft.themes.add(ThemeFactory())
    PracticeCountryFactory(practice=draft, country="GT")
    SourceReferenceFactory(practice=draft)
    draft.history.update(history_user=User.objects.get(username="editor"))
    base = live_server.url
    seen = {}

    with chromium_page() as page:
        log_in(page, base, "editor")
        seen["editor drafts"] = desk_count(page, base, "My drafts")
        act_from_desk(page, base, "My drafts", "Mobile consulates", "Send to review")
        seen["sent"] = page.inner_text(".messagelist")
        log_out(page)

        log_in(page, base, "publisher")
        seen["awaiting"] = desk_count(page, base, "Awaiting review")
        act_from_desk(
            page, base, "Awaiting review", "Mobile consulates", "Send back to draft, with a note"
        )
        page.fill("textarea[name=note]", "Please give the year the consulates started.")
        page.click("input[type=submit][value='Send back']")
        seen["sent back"] = page.inner_text(".messagelist")
        log_out(page)

        log_in(page, base, "editor")
        page.goto(f"{base}/admin/")
        page.locator("#desk tr", has_text="My drafts").get_by_role(
            "link", name="My drafts", exact=True
        ).click()
        page.click("a:has-text('Mobile consulates')")
        seen["comment shown"] = page.inner_text(".field-review_trail_table")
        page.fill("#id_start_year", "2012")
        page.click("input[name=_save]")
        page.wait_for_selector(".messagelist .success")
        act_from_desk(page, base, "My drafts", "Mobile consulates", "Send to review")
        log_out(page)

        log_in(page, base, "publisher")
        act_from_desk(page, base, "Awaiting review", "Mobile consulates", "Publish, with a comment")
        page.fill("textarea[name=note]", "Thank you, well sourced.")
        page.click("input[type=submit][value='Publish']")
        seen["published"] = page.inner_text(".messagelist")
        seen["awaiting after"] = desk_count(page, base, "Awaiting review")
        page.goto(f"{base}/practices/mobile-consulates/")
        seen["public"] = page.inner_text("article")

    assert seen["editor drafts"] == 1
    assert "1 practice sent to review." in seen["sent"]
    assert seen["awaiting"] == 1
    assert "1 practice sent back." in seen["sent back"]
    assert "Please give the year the consulates started." in seen["comment shown"]
    assert "1 practice published." in seen["published"]
    assert seen["awaiting after"] == 0
    assert "since 2012" in seen["public"]
    steps = list(
        ReviewEvent.objects.filter(practice__slug="mobile-consulates")
        .order_by("created_at", "id")
        .values_list("transition", "user__username")
    )
    assert steps == [
        ("submit", "editor"),
        ("send_back", "publisher"),
        ("submit", "editor"),
        ("publish", "publisher"),
    ]
    assert [m.to for m in mail.outbox] == [
        ["publisher@example.org"],
        ["editor@example.org"],
        ["publisher@example.org"],
        ["editor@example.org"],
    ]
