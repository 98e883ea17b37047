"""Two editors open the same practice: the second save is refused, and nothing is lost."""

import pytest

from compendium.models import Practice

from .factories import PracticeCountryFactory
from .fault.servers import form_fields

pytestmark = pytest.mark.django_db

CHANGE = "/admin/compendium/practice/{}/change/"


def opened_form(client, practice) -> list[tuple[str, str]]:
    response = client.get(CHANGE.format(practice.pk))
    assert response.status_code == 200
    return form_fields(response.content.decode(), "practice_form")


def edited(fields, **changes) -> dict:
    data: dict = {}
    for name, value in fields:
        data.setdefault(name, []).append(value)
    for name, value in changes.items():
        data[name.replace("__", "-")] = [value]
    return data


@pytest.fixture
def two_editors(client, editor, publisher, draft_practice):
    from django.test import Client

    other = Client()
    client.force_login(editor)
    other.force_login(publisher)
    return client, other, draft_practice


def test_the_second_of_two_saves_is_refused_with_what_the_first_changed(two_editors):
    first, second, practice = two_editors
    first_form, second_form = opened_form(first, practice), opened_form(second, practice)

    saved = first.post(CHANGE.format(practice.pk), edited(first_form, summary="First summary."))
    refused = second.post(
        CHANGE.format(practice.pk), edited(second_form, description="Second description.")
    )

    assert saved.status_code == 302
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "saved this practice on" in page and "publisher" not in page.split("saved")[0][-60:]
    assert "editor" in page  # who saved first
    assert "<li>summary</li>" in page
    assert "Second description." in page  # the refused input is still in the form
    practice.refresh_from_db()
    assert (practice.summary, practice.description) == (
        "First summary.",
        "A longer description of the practice.",
    )


def test_a_change_to_an_inline_row_refuses_a_form_opened_before_it(two_editors):
    first, second, practice = two_editors
    PracticeCountryFactory(practice=practice, country="MX")
    first_form, second_form = opened_form(first, practice), opened_form(second, practice)

    saved = first.post(CHANGE.format(practice.pk), edited(first_form, countries__0__role="host"))
    refused = second.post(CHANGE.format(practice.pk), edited(second_form, title="Renamed"))

    assert saved.status_code == 302
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "<li>country “Mexico (Host or residence country)” changed</li>" in page
    assert "added" not in page.split("They changed:")[1].split("</ul>")[0]
    practice.refresh_from_db()
    assert practice.title != "Renamed"
    assert practice.countries.get().role == "host"


def test_a_form_saved_after_reloading_goes_through(two_editors):
    first, second, practice = two_editors
    stale = opened_form(second, practice)
    first.post(CHANGE.format(practice.pk), edited(opened_form(first, practice), summary="One."))
    assert second.post(CHANGE.format(practice.pk), edited(stale, summary="Two.")).status_code == 200

    again = second.post(
        CHANGE.format(practice.pk), edited(opened_form(second, practice), summary="Two.")
    )

    assert again.status_code == 302
    practice.refresh_from_db()
    assert practice.summary == "Two."
    assert practice.revision == 3


def test_the_form_says_who_else_has_the_practice_open(two_editors):
    first, second, practice = two_editors
    opened_form(first, practice)

    page = second.get(CHANGE.format(practice.pk)).content.decode()

    assert "editor also has this practice open" in page
    assert (
        "publisher also has this practice open"
        in first.get(CHANGE.format(practice.pk)).content.decode()
    )


def test_every_save_counts_a_revision_and_a_fixture_load_cannot_move_it_back():
    practice = Practice.objects.create(slug="counted", title="Counted", summary="s")
    assert practice.revision == 1
    practice.save()
    practice.save()
    assert Practice.objects.get(pk=practice.pk).revision == 3


def test_an_import_of_a_file_exported_before_a_save_is_refused_by_row(draft_practice):
    from compendium.resources import PracticeResource

    exported = PracticeResource().export(queryset=Practice.objects.filter(pk=draft_practice.pk))
    draft_practice.summary = "Saved in the admin after the export."
    draft_practice.save()
    row = dict(exported.dict[0], summary="Changed in the spreadsheet.")
    exported.dict = [row]

    result = PracticeResource().import_data(exported, dry_run=False)

    assert result.has_validation_errors()
    invalid = result.invalid_rows[0]
    assert invalid.number == 1
    assert "saved again after this file was exported" in " ".join(invalid.error_dict["revision"])
    draft_practice.refresh_from_db()
    assert draft_practice.summary == "Saved in the admin after the export."


def test_an_import_of_a_current_file_goes_through(draft_practice):
    from compendium.resources import PracticeResource

    exported = PracticeResource().export(queryset=Practice.objects.filter(pk=draft_practice.pk))
    exported.dict = [dict(exported.dict[0], summary="Changed in the spreadsheet.")]

    result = PracticeResource().import_data(exported, dry_run=False)

    assert not result.has_validation_errors() and not result.has_errors()
    draft_practice.refresh_from_db()
    assert draft_practice.summary == "Changed in the spreadsheet."
