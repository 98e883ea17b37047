"""Every change to a practice and its rows is kept, with who and when, and can be undone."""

import pytest

from compendium.models import Practice
from compendium.workflow import apply_transition

from .test_admin import inline_management

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/compendium/practice/"


def change_form_data(practice, **changes):
    data = {
        "title": practice.title,
        "slug": practice.slug,
        "summary": practice.summary,
        "description": practice.description,
        "primary_pillar": practice.primary_pillar_id,
        "implementation_status": practice.implementation_status,
        "evidence_level": practice.evidence_level,
        **inline_management("countries"),
        **inline_management("organisation_roles"),
        **inline_management("key_figures"),
        **inline_management("source_references"),
        **inline_management("outgoing_relations"),
        **inline_management("translations"),
        **inline_management("suggestion"),
    }
    return {**data, **changes}


def test_edits_are_recorded_with_who_and_what_changed(client, editor, draft_practice):
    client.force_login(editor)

    response = client.post(
        f"{CHANGELIST}{draft_practice.pk}/change/",
        change_form_data(draft_practice, title="Renamed draft", start_year="2012"),
    )

    assert response.status_code == 302
    latest = draft_practice.history.first()
    previous = latest.prev_record
    delta = latest.diff_against(previous)
    assert latest.history_user == editor
    assert sorted(delta.changed_fields) == ["start_year", "title"]
    history_page = client.get(f"{CHANGELIST}{draft_practice.pk}/history/").content.decode()
    assert "Renamed draft" in history_page
    assert "editor" in history_page


def test_changes_to_inline_rows_are_recorded(client, editor, draft_practice):
    client.force_login(editor)
    data = change_form_data(draft_practice)
    data.update(
        {
            **inline_management("countries", 1),
            "countries-0-country": "PH",
            "countries-0-role": "origin",
        }
    )

    client.post(f"{CHANGELIST}{draft_practice.pk}/change/", data)

    link = draft_practice.countries.get()
    added = link.history.get()
    data.update(
        {"countries-INITIAL_FORMS": "1", "countries-0-id": link.pk, "countries-0-role": "host"}
    )
    client.post(f"{CHANGELIST}{draft_practice.pk}/change/", data)

    history_page = client.get(f"{CHANGELIST}{draft_practice.pk}/history/").content.decode()
    assert (added.history_type, added.country.code, added.history_user) == ("+", "PH", editor)
    assert "Country: Philippines (Host or residence country)" in history_page
    assert "role: origin → host" in history_page
    assert "added" in history_page


def test_a_past_version_can_be_restored(client, publisher, draft_practice):
    client.force_login(publisher)
    original = (draft_practice.title, draft_practice.description)
    client.post(
        f"{CHANGELIST}{draft_practice.pk}/change/",
        change_form_data(draft_practice, title="A mistaken title", description="Wrong text."),
    )
    old_version = draft_practice.history.earliest()

    revert_url = f"{CHANGELIST}{draft_practice.pk}/history/{old_version.history_id}/"
    page = client.get(revert_url)
    response = client.post(revert_url, change_form_data(old_version.instance))

    draft_practice.refresh_from_db()
    assert page.status_code == 200
    assert response.status_code == 302
    assert (draft_practice.title, draft_practice.description) == original


def test_transitions_are_recorded_with_their_reason(publisher, complete_draft):
    apply_transition(complete_draft, "submit", user=publisher)
    apply_transition(complete_draft, "publish", user=publisher)

    reasons = list(
        Practice.history.filter(id=complete_draft.pk)
        .exclude(history_change_reason=None)
        .values_list("history_change_reason", flat=True)
    )
    assert "Publish" in reasons
    assert "Send to review" in reasons
