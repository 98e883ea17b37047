import pytest

from compendium.models import Practice
from compendium.workflow import TransitionRefused, apply_transition, publication_problems

from .factories import PracticeFactory

pytestmark = pytest.mark.django_db

Status = Practice.EditorialStatus


def test_editor_sends_a_draft_to_review(editor, complete_draft):
    apply_transition(complete_draft, "submit", user=editor)
    complete_draft.refresh_from_db()
    assert complete_draft.editorial_status == Status.SUBMITTED


@pytest.mark.parametrize("name", ["publish", "review", "send_back"])
def test_editor_cannot_publish_review_or_send_back(editor, complete_draft, name):
    complete_draft.editorial_status = Status.SUBMITTED
    complete_draft.save()

    with pytest.raises(TransitionRefused, match="You may not"):
        apply_transition(complete_draft, name, user=editor)

    complete_draft.refresh_from_db()
    assert complete_draft.editorial_status == Status.SUBMITTED


def test_editor_cannot_archive(editor, published_practice):
    with pytest.raises(TransitionRefused, match="You may not"):
        apply_transition(published_practice, "archive", user=editor)
    published_practice.refresh_from_db()
    assert published_practice.editorial_status == Status.PUBLISHED


def test_publisher_reviews_publishes_and_archives(publisher, complete_draft):
    for name, expected in [
        ("submit", Status.SUBMITTED),
        ("review", Status.IN_REVIEW),
        ("publish", Status.PUBLISHED),
        ("archive", Status.ARCHIVED),
    ]:
        apply_transition(complete_draft, name, user=publisher)
        complete_draft.refresh_from_db()
        assert complete_draft.editorial_status == expected
    assert complete_draft.first_published_at is not None


def test_publisher_sends_back_with_a_note(publisher, complete_draft):
    apply_transition(complete_draft, "submit", user=publisher)

    apply_transition(complete_draft, "send_back", user=publisher, note="Add the start year.")

    complete_draft.refresh_from_db()
    assert complete_draft.editorial_status == Status.DRAFT
    assert complete_draft.editorial_note == "Add the start year."


@pytest.mark.parametrize(
    ("status", "name"),
    [("draft", "publish"), ("draft", "archive"), ("published", "submit"), ("archived", "publish")],
)
def test_transitions_from_the_wrong_state_are_refused(publisher, complete_draft, status, name):
    complete_draft.editorial_status = status
    complete_draft.save()

    with pytest.raises(TransitionRefused, match="cannot be"):
        apply_transition(complete_draft, name, user=publisher)


def test_incomplete_practice_cannot_be_published(publisher):
    practice = PracticeFactory(
        summary=" ", primary_pillar=None, editorial_status=Status.SUBMITTED, title="Bare"
    )

    with pytest.raises(TransitionRefused) as refusal:
        apply_transition(practice, "publish", user=publisher)

    message = str(refusal.value)
    for need in [
        "a summary",
        "a primary pillar",
        "a theme",
        "a country or an organisation",
        "a source reference",
    ]:
        assert need in message
    practice.refresh_from_db()
    assert practice.editorial_status == Status.SUBMITTED


def test_complete_practice_has_no_publication_problems(complete_draft):
    assert publication_problems(complete_draft) == []
