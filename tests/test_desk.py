"""The desk: what waits for whom, counted in a fixed number of queries, linked to the list."""

import datetime

import pytest
from django.utils import timezone

from compendium.desk import PANELS, panels_for
from compendium.models import Practice, PracticeTranslation, Suggestion
from compendium.workflow import apply_transition

from .factories import PracticeFactory, SourceReferenceFactory, populate

pytestmark = pytest.mark.django_db
Status = Practice.EditorialStatus


def counts(user) -> dict[str, int]:
    return {item["panel"].slug: item["count"] for item in panels_for(user)}


def test_each_panel_counts_what_waits(editor, publisher, complete_draft):
    mine = PracticeFactory(editorial_status=Status.DRAFT)
    mine.history.update(history_user=editor)
    apply_transition(complete_draft, "submit", user=editor)
    suggested = PracticeFactory(editorial_status=Status.SUBMITTED)
    Suggestion.objects.create(practice=suggested, source_url="https://example.org/")
    stale = PracticeFactory(last_verified_on=timezone.localdate() - datetime.timedelta(days=400))
    SourceReferenceFactory(practice=stale)
    fresh = PracticeFactory(last_verified_on=timezone.localdate())
    SourceReferenceFactory(practice=fresh)
    for practice in (stale, fresh):
        practice.countries.create(country="MX")
        for language in ("fr", "es"):
            PracticeTranslation.objects.create(practice=practice, language=language, title="T")

    editor_desk, publisher_desk = counts(editor), counts(publisher)

    assert editor_desk == {"my-drafts": 1, "due": 1, "attention": 0}
    assert publisher_desk == {
        "awaiting-review": 2,
        "my-drafts": 0,
        "suggestions": 1,
        "due": 1,
        "attention": 0,
    }
    fresh.translations.filter(language="es").update(status=PracticeTranslation.Status.OUTDATED)
    assert counts(editor)["attention"] == 1


def test_the_desk_is_the_admin_index_and_links_into_the_filtered_list(client, publisher):
    PracticeFactory(editorial_status=Status.SUBMITTED, title="Waiting entry")
    PracticeFactory(editorial_status=Status.DRAFT, title="Unrelated draft")
    client.force_login(publisher)

    index = client.get("/admin/").content.decode()
    listed = client.get("/admin/compendium/practice/?desk=awaiting-review").content.decode()

    assert "Editorial desk" in index
    assert 'href="/admin/compendium/practice/?desk=awaiting-review"' in index
    assert "Waiting entry" in listed and "Unrelated draft" not in listed


@pytest.mark.parametrize("size", [5, 60])
def test_the_desk_costs_the_same_queries_at_any_size(size, publisher, django_assert_num_queries):
    populate(size)
    # One per panel, and two for the user's own and group permissions.
    with django_assert_num_queries(len(PANELS) + 2):
        panels_for(publisher)
