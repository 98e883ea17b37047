"""Review steps from the practice's own form: save and send to review, publish, send back."""

import pytest
from django.core import mail

from compendium.models import Practice, ReviewEvent

from .factories import PillarFactory, ThemeFactory
from .fault.servers import form_fields
from .test_stale_saves import CHANGE, edited, opened_form

pytestmark = pytest.mark.django_db

ADD = "/admin/compendium/practice/add/"


@pytest.fixture
def submitted(complete_draft):
    complete_draft.editorial_status = Practice.EditorialStatus.SUBMITTED
    complete_draft.save()
    return complete_draft


def buttons(page: str) -> list[str]:
    return [name for name in ("submit", "publish", "send_back") if f'value="{name}"' in page]


def test_each_role_is_offered_only_the_steps_it_may_take(client, editor, publisher, complete_draft):
    client.force_login(editor)
    editor_sees = buttons(client.get(CHANGE.format(complete_draft.pk)).content.decode())
    complete_draft.editorial_status = Practice.EditorialStatus.SUBMITTED
    complete_draft.save()
    editor_then = buttons(client.get(CHANGE.format(complete_draft.pk)).content.decode())
    client.force_login(publisher)
    publisher_sees = buttons(client.get(CHANGE.format(complete_draft.pk)).content.decode())

    assert editor_sees == ["submit"]
    assert editor_then == []
    assert publisher_sees == ["publish", "send_back"]
    assert buttons(client.get(ADD).content.decode()) == ["submit"]
    # A practice made in a popup (a related practice) saves and closes, back to its form.
    assert buttons(client.get(f"{ADD}?_to_field=id&_popup=1").content.decode()) == []


def test_an_editor_saves_a_new_practice_and_sends_it_to_review_in_one_step(
    client, editor, publisher, django_capture_on_commit_callbacks
):
    publisher.email = "publisher@example.org"
    publisher.save()
    client.force_login(editor)
    pillar, theme = PillarFactory(), ThemeFactory()
    add_form = form_fields(client.get(ADD).content.decode(), "practice_form")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            ADD,
            edited(
                add_form,
                title="Consular identity cards",
                slug="consular-identity-cards",
                summary="Consulates issue identity cards to nationals abroad.",
                description="Several paragraphs.",
                primary_pillar=str(pillar.pk),
                themes=str(theme.pk),
                review_comment="Ready, I think.",
                _transition="submit",
            ),
        )

    practice = Practice.objects.get(slug="consular-identity-cards")
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert practice.editorial_status == Practice.EditorialStatus.SUBMITTED
    event = ReviewEvent.objects.get(practice=practice)
    assert (event.transition, event.user, event.comment) == ("submit", editor, "Ready, I think.")
    assert [message.to for message in mail.outbox] == [["publisher@example.org"]]


def test_a_publisher_corrects_comments_and_publishes_on_the_form(client, publisher, submitted):
    client.force_login(publisher)

    response = client.post(
        CHANGE.format(submitted.pk),
        edited(
            opened_form(client, submitted),
            summary="A corrected summary.",
            review_comment="Fixed a typo.",
            _transition="publish",
        ),
        follow=True,
    )

    submitted.refresh_from_db()
    assert "was saved and published." in response.content.decode()
    assert submitted.editorial_status == Practice.EditorialStatus.PUBLISHED
    assert submitted.summary == "A corrected summary."
    assert ReviewEvent.objects.get(practice=submitted).comment == "Fixed a typo."


def test_sending_back_from_the_form_needs_a_comment(client, publisher, submitted):
    client.force_login(publisher)
    form = opened_form(client, submitted)

    refused = client.post(
        CHANGE.format(submitted.pk), edited(form, summary="Changed.", _transition="send_back")
    )
    submitted.refresh_from_db()
    assert refused.status_code == 200
    assert (
        "Say what should change before the practice can be published." in refused.content.decode()
    )
    assert submitted.summary != "Changed."
    assert submitted.editorial_status == Practice.EditorialStatus.SUBMITTED

    client.post(
        CHANGE.format(submitted.pk),
        edited(form, review_comment="Add the year.", _transition="send_back"),
    )
    submitted.refresh_from_db()
    assert submitted.editorial_status == Practice.EditorialStatus.DRAFT
    assert submitted.editorial_note == "Add the year."


def test_an_editor_cannot_publish_with_a_forged_button(client, editor, submitted):
    client.force_login(editor)

    response = client.post(
        CHANGE.format(submitted.pk),
        edited(opened_form(client, submitted), summary="Edited.", _transition="publish"),
        follow=True,
    )

    submitted.refresh_from_db()
    assert "was saved, but not published. You may not publish practices." in (
        response.content.decode()
    )
    assert submitted.editorial_status == Practice.EditorialStatus.SUBMITTED
    assert not ReviewEvent.objects.filter(practice=submitted).exists()


def test_an_incomplete_practice_is_saved_but_not_published(client, publisher, draft_practice):
    draft_practice.editorial_status = Practice.EditorialStatus.SUBMITTED
    draft_practice.save()
    client.force_login(publisher)

    response = client.post(
        CHANGE.format(draft_practice.pk),
        edited(opened_form(client, draft_practice), summary="Kept.", _transition="publish"),
        follow=True,
    )

    draft_practice.refresh_from_db()
    page = response.content.decode()
    assert "was saved, but not published." in page and "it needs a source reference" in page
    assert draft_practice.summary == "Kept."
    assert draft_practice.editorial_status == Practice.EditorialStatus.SUBMITTED


def test_a_comment_without_a_review_step_is_not_lost_silently(client, editor, draft_practice):
    client.force_login(editor)

    response = client.post(
        CHANGE.format(draft_practice.pk),
        edited(opened_form(client, draft_practice), review_comment="Please check the dates."),
        follow=True,
    )

    assert "The review comment was not kept: it goes with a review step." in (
        response.content.decode()
    )
    assert not ReviewEvent.objects.filter(practice=draft_practice).exists()
