"""Any two versions of a practice side by side, rows and translations included; revert."""

import pytest

from compendium.models import PracticeTranslation

from .factories import PracticeCountryFactory
from .fault.servers import form_fields
from .test_stale_saves import CHANGE, edited, opened_form

pytestmark = pytest.mark.django_db


def test_compare_shows_a_changed_inline_row_and_text_and_reverting_makes_a_new_version(
    admin_client, draft_practice
):
    PracticeCountryFactory(practice=draft_practice, country="MX")
    PracticeTranslation.objects.create(practice=draft_practice, language="fr", title="Brouillon")
    admin_client.post(
        CHANGE.format(draft_practice.pk), edited(opened_form(admin_client, draft_practice))
    )
    first = draft_practice.history.first()
    form = opened_form(admin_client, draft_practice)
    saved = admin_client.post(
        CHANGE.format(draft_practice.pk),
        edited(form, summary="A changed summary.", countries__0__role="host"),
    )
    assert saved.status_code == 302
    latest = draft_practice.history.first()

    page = admin_client.get(
        f"/admin/compendium/practice/{draft_practice.pk}/compare/"
        f"?old={first.history_id}&new={latest.history_id}"
    ).content.decode()

    changed = page.split('class="changed"')
    assert "2 lines differ." in page
    assert any(
        '<th scope="row">Summary</th>' in row and "A changed summary." in row for row in changed
    )
    assert any("Countries" in row and "Host or residence country" in row for row in changed)
    assert "French: title" in page and "Brouillon" in page  # the translation, unchanged

    revert_url = f"/admin/compendium/practice/{draft_practice.pk}/history/{first.history_id}/"
    reverted = admin_client.post(
        revert_url,
        edited(
            form_fields(admin_client.get(revert_url).content.decode(), "historicalpractice_form")
        ),
    )
    assert reverted.status_code == 302
    draft_practice.refresh_from_db()
    assert draft_practice.summary == first.summary
    assert draft_practice.editorial_status == first.editorial_status  # states move by review only
    assert draft_practice.history.count() == 4  # created, saved twice, reverted: a new version


def test_compare_of_another_practice_or_a_stranger_is_refused(client, draft_practice):
    assert client.get(f"/admin/compendium/practice/{draft_practice.pk}/compare/").status_code == 302
