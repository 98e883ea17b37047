"""A new practice much like an existing one is shown its likely duplicates before saving."""

import pytest

from compendium.duplicates import likely_duplicates
from compendium.models import Practice

from .factories import PillarFactory, PracticeFactory
from .test_admin import inline_management

pytestmark = pytest.mark.django_db
ADD = "/admin/compendium/practice/add/"


@pytest.fixture
def tres_por_uno(db):
    return PracticeFactory(
        title="Mexico's Tres por Uno matching grants",
        summary="Federal, state and municipal governments match every dollar of migrants.",
    )


def add_form(**fields) -> dict:
    data = {
        "title": "",
        "slug": "",
        "summary": "A practice of its own.",
        "description": "A description.",
        "primary_pillar": PillarFactory().pk,
        "implementation_status": "unknown",
        "evidence_level": "not-evaluated",
        **fields,
    }
    for prefix in [
        "countries",
        "organisation_roles",
        "key_figures",
        "source_references",
        "outgoing_relations",
        "translations",
        "suggestion",
    ]:
        data.update(inline_management(prefix))
    return data


def test_close_titles_and_summaries_are_found_and_unrelated_ones_are_not(tres_por_uno):
    PracticeFactory(title="Philippine welfare fund", summary="Insurance for workers abroad.")

    assert likely_duplicates("Tres por Uno matching grants of Mexico") == [tres_por_uno]
    assert likely_duplicates(
        "A new title", "Federal, state and municipal governments match every migrant dollar."
    ) == [tres_por_uno]
    assert likely_duplicates("Diaspora bonds in Ethiopia", "Bonds sold to the diaspora.") == []
    assert likely_duplicates(tres_por_uno.title, exclude=tres_por_uno.pk) == []


def test_the_add_form_shows_the_likely_duplicate_then_saves_once_confirmed(
    admin_client, tres_por_uno
):
    data = add_form(title="Tres por Uno matching grants, Mexico", slug="tres-again")

    warned = admin_client.post(ADD, data)
    confirmed = admin_client.post(ADD, {**data, "not_a_duplicate": "on"})

    assert warned.status_code == 200
    page = warned.content.decode()
    assert "may already be in the compendium" in page
    assert f"/admin/compendium/practice/{tres_por_uno.pk}/change/" in page
    assert confirmed.status_code == 302
    assert Practice.objects.filter(slug="tres-again").exists()


def test_a_distinct_new_practice_saves_at_once(admin_client, tres_por_uno):
    response = admin_client.post(ADD, add_form(title="Diaspora bonds", slug="bonds"))

    assert response.status_code == 302
    assert (
        "not_a_duplicate"
        not in admin_client.get(
            f"/admin/compendium/practice/{tres_por_uno.pk}/change/"
        ).content.decode()
    )


def test_an_imported_new_row_much_like_an_existing_practice_is_refused_until_confirmed(
    tres_por_uno,
):
    import tablib

    from compendium.resources import PracticeResource

    PillarFactory(slug="empower")
    headers = ["slug", "title", "summary", "description", "primary_pillar"]
    row = ["tres-copy", "Tres por Uno matching grants, Mexico", "Another summary.", "D.", "empower"]

    refused = PracticeResource().import_data(tablib.Dataset(row, headers=headers))
    confirmed = PracticeResource().import_data(
        tablib.Dataset([*row, "yes"], headers=[*headers, "not_a_duplicate"])
    )

    assert refused.has_validation_errors()
    message = " ".join(refused.invalid_rows[0].error_dict["title"])
    assert "may already be in the compendium" in message and tres_por_uno.slug in message
    assert not confirmed.has_validation_errors() and not confirmed.has_errors()
    assert Practice.objects.filter(slug="tres-copy").exists()


def test_two_new_rows_of_one_file_much_alike_are_refused_whether_or_not_the_first_is_written(db):
    import tablib

    from compendium.resources import PracticeResource

    PillarFactory(slug="empower")
    headers = ["slug", "title", "summary", "description", "primary_pillar"]
    first = ["bonds-a", "Diaspora bonds for railways, India", "S.", "D.", "no-such-pillar"]
    second = ["bonds-b", "India diaspora bonds for railways", "S.", "D.", "empower"]
    third = ["welfare-fund", "Overseas workers' welfare fund", "S.", "D.", "empower"]

    unwritten = PracticeResource().import_data(
        tablib.Dataset(first, second, third, headers=headers)
    )
    first[-1] = "empower"
    written = PracticeResource().import_data(tablib.Dataset(first, second, third, headers=headers))

    for result in (unwritten, written):
        by_row = {row.number: row.error_dict for row in result.invalid_rows}
        assert set(by_row) == ({1, 2} if result is unwritten else {2})
        message = " ".join(by_row[2]["title"])
        assert message.count("bonds-a") == 1 and "bonds-b" not in message
        assert 3 not in by_row  # the distinct row passes
    unwritten_rows = {row.number: row.error_dict for row in unwritten.invalid_rows}
    assert unwritten_rows[1]["primary_pillar"] == ["unknown pillar: no-such-pillar"]
    assert "row 1 of this file" in " ".join(unwritten_rows[2]["title"])
    assert not Practice.objects.filter(slug__in=["bonds-a", "bonds-b", "welfare-fund"]).exists()
