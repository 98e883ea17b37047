"""A publisher's decision carries its reason; the trail is kept; the right people hear of it."""

import pytest
from django.core import mail

from compendium.models import ReviewEvent
from compendium.workflow import TransitionRefused, apply_transition

pytestmark = pytest.mark.django_db(transaction=True)  # mails go out when the commit is done

CHANGELIST = "/admin/compendium/practice/"


@pytest.fixture
def addressed(editor, publisher):
    editor.email, publisher.email = "editor@example.org", "publisher@example.org"
    editor.save()
    publisher.save()
    return editor, publisher


def test_submission_tells_the_publishers_and_a_decision_tells_the_editor(
    addressed, complete_draft, settings
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    editor, publisher = addressed

    apply_transition(complete_draft, "submit", user=editor)
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["publisher@example.org"], f"Waiting for your review: {complete_draft.title}")
    ]
    apply_transition(complete_draft, "send_back", user=publisher, note="Add the start year.")
    apply_transition(complete_draft, "submit", user=editor)
    apply_transition(complete_draft, "publish", user=publisher, note="Thank you.")

    sent = [(m.to, m.subject.split(":")[0]) for m in mail.outbox]
    assert sent == [
        (["publisher@example.org"], "Waiting for your review"),
        (["editor@example.org"], "Sent back to you"),
        (["publisher@example.org"], "Waiting for your review"),
        (["editor@example.org"], "Published"),
    ]
    assert "Add the start year." in mail.outbox[1].body
    assert "/admin/compendium/practice/" in mail.outbox[1].body
    events = ReviewEvent.objects.filter(practice=complete_draft).order_by("created_at", "id")
    trail = [(event.transition, event.user, event.comment) for event in events]
    assert trail == [
        ("submit", editor, ""),
        ("send_back", publisher, "Add the start year."),
        ("submit", editor, ""),
        ("publish", publisher, "Thank you."),
    ]


def test_a_refused_transition_leaves_no_trail_and_sends_nothing(
    addressed, complete_draft, settings
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    editor, _publisher = addressed

    with pytest.raises(TransitionRefused):
        apply_transition(complete_draft, "publish", user=editor)  # an editor cannot publish

    assert not ReviewEvent.objects.exists()
    assert mail.outbox == []


def test_publishing_with_a_comment_from_the_changelist(client, addressed, complete_draft, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    editor, publisher = addressed
    apply_transition(complete_draft, "submit", user=editor)
    client.force_login(publisher)
    selection = {"action": "publish_with_comment", "_selected_action": [complete_draft.pk]}

    asked = client.post(CHANGELIST, selection)
    done = client.post(CHANGELIST, {**selection, "apply": "1", "note": "Well sourced."})

    assert asked.status_code == 200 and "Note to the editor" in asked.content.decode()
    assert done.status_code == 302
    complete_draft.refresh_from_db()
    assert complete_draft.is_published
    assert ReviewEvent.objects.filter(transition="publish", comment="Well sourced.").exists()
    history = client.get(f"{CHANGELIST}{complete_draft.pk}/history/").content.decode()
    assert "Review trail" in history and "Well sourced." in history
    client.force_login(editor)
    change = client.get(f"{CHANGELIST}{complete_draft.pk}/change/").content.decode()
    assert "Well sourced." in change  # the editor sees the reason on the entry
