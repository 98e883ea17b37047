"""Any two versions of a practice side by side, rows and translations included; revert."""

import pytest
from django.contrib.auth.models import Permission, User

from compendium.admin import versions
from compendium.models import PracticeTranslation
from compendium.workflow import apply_transition

from .factories import (
    KeyFigureFactory,
    PracticeCountryFactory,
    PracticeFactory,
    PracticeOrganisationFactory,
    SourceReferenceFactory,
    ThemeFactory,
)
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


def revert(client, practice, version, **changes):
    url = f"/admin/compendium/practice/{practice.pk}/history/{version.history_id}/"
    page = client.get(url)
    assert page.status_code == 200
    return client.post(
        url,
        edited(form_fields(page.content.decode(), "historicalpractice_form"), **changes),
        follow=True,
    )


def test_reverting_brings_back_the_versions_terms_rows_and_translations_as_a_new_version(
    admin_client, complete_draft
):
    practice = complete_draft
    themes = list(practice.themes.values_list("slug", flat=True))
    figure = KeyFigureFactory(practice=practice, label="Remittances")
    PracticeTranslation.objects.create(practice=practice, language="fr", title="Consulats mobiles")
    admin_client.post(CHANGE.format(practice.pk), edited(opened_form(admin_client, practice)))
    chosen = practice.history.first()
    other_theme = ThemeFactory(slug="other-theme")
    admin_client.post(
        CHANGE.format(practice.pk),
        edited(
            opened_form(admin_client, practice),
            summary="A changed summary.",
            themes=str(other_theme.pk),
            countries__0__role="host",
        ),
    )
    figure.delete()
    PracticeCountryFactory(practice=practice, country="PH")
    PracticeTranslation.objects.filter(practice=practice).update(title="Autre titre")
    practice.translations.first().save()  # a recorded change, as the admin makes it
    versions_before = practice.history.count()

    page = revert(admin_client, practice, chosen).content.decode()

    practice.refresh_from_db()
    assert "is back to the version of" in page and "it is still draft" in page
    assert practice.summary == chosen.summary
    assert list(practice.themes.values_list("slug", flat=True)) == themes
    assert list(practice.countries.values_list("country", "role")) == [("GT", "origin")]
    assert list(practice.key_figures.values_list("label", flat=True)) == ["Remittances"]
    assert practice.translations.get().title == "Consulats mobiles"
    assert practice.editorial_status == "draft"
    latest = practice.history.first()
    assert practice.history.count() > versions_before
    assert latest.history_change_reason.startswith("Reverted to the version of")
    assert [line.label for line in versions.compare(chosen, latest) if line.changed] == []


def test_reverting_never_moves_the_review_state(client, editor, publisher, complete_draft):
    practice = complete_draft
    draft_version = practice.history.first()
    apply_transition(practice, "submit", user=editor)
    apply_transition(practice, "publish", user=publisher)
    practice.refresh_from_db()
    published_at = practice.first_published_at
    client.force_login(editor)
    client.post(
        CHANGE.format(practice.pk),
        edited(opened_form(client, practice), title="A corrected title"),
    )

    revert_page = client.get(
        f"/admin/compendium/practice/{practice.pk}/history/{draft_version.history_id}/"
    ).content.decode()
    assert "The practice stays published: only review changes its state." in revert_page
    assert f"compare/?old={draft_version.history_id}" in revert_page

    revert(client, practice, draft_version)

    practice.refresh_from_db()
    assert practice.title == "Mobile consulates"  # the text of the draft ...
    assert practice.editorial_status == "published"  # ... but not its state
    assert practice.first_published_at == published_at

    apply_transition(practice, "archive", user=publisher)
    published_version = practice.history.filter(editorial_status="published").first()
    revert(client, practice, published_version)
    practice.refresh_from_db()
    assert practice.editorial_status == "archived"  # an editor cannot publish by reverting


def test_a_published_practice_cannot_go_back_to_a_version_that_could_not_be_published(
    admin_client, publisher
):
    practice = PracticeFactory(title="Diaspora bonds", slug="diaspora-bonds")
    practice.themes.add(ThemeFactory())
    PracticeCountryFactory(practice=practice, country="IN")
    unsourced = practice.history.first()
    practice.save()  # a later version, which the source below belongs to
    SourceReferenceFactory(practice=practice)
    admin_client.post(
        CHANGE.format(practice.pk), edited(opened_form(admin_client, practice), title="Bonds")
    )
    versions_before = practice.history.count()

    page = revert(admin_client, practice, unsourced).content.decode()

    assert "is published, and the version of" in page
    assert "it needs a source reference" in page and "Nothing was changed." in page
    practice.refresh_from_db()
    assert practice.title == "Bonds"
    assert practice.source_references.count() == 1
    assert practice.history.count() == versions_before


def test_a_revert_from_a_form_opened_before_another_save_is_refused(admin_client, draft_practice):
    admin_client.post(
        CHANGE.format(draft_practice.pk), edited(opened_form(admin_client, draft_practice))
    )
    chosen = draft_practice.history.last()
    url = f"/admin/compendium/practice/{draft_practice.pk}/history/{chosen.history_id}/"
    revert_form = form_fields(admin_client.get(url).content.decode(), "historicalpractice_form")
    admin_client.post(
        CHANGE.format(draft_practice.pk),
        edited(opened_form(admin_client, draft_practice), summary="Saved meanwhile."),
    )

    refused = admin_client.post(url, edited(revert_form))

    assert refused.status_code == 200
    assert "after you opened this form" in refused.content.decode()
    draft_practice.refresh_from_db()
    assert draft_practice.summary == "Saved meanwhile."


def test_reverting_needs_the_right_to_change_and_a_real_version(
    client, admin_client, draft_practice
):
    viewer = User.objects.create_user("viewer", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_practice"))
    client.force_login(viewer)
    version = draft_practice.history.first()
    url = f"/admin/compendium/practice/{draft_practice.pk}/history/{version.history_id}/"

    assert client.post(url, {"title": "Taken over"}).status_code == 403
    assert (
        admin_client.get(f"/admin/compendium/practice/{draft_practice.pk}/history/x/").status_code
        == 404
    )
    assert (
        admin_client.get(
            f"/admin/compendium/practice/{draft_practice.pk}/history/999999/"
        ).status_code
        == 404
    )
    draft_practice.refresh_from_db()
    assert draft_practice.title == "Unfinished draft"


def test_reverting_brings_back_rows_that_traded_places(admin_client, draft_practice):
    mexico = PracticeCountryFactory(practice=draft_practice, country="MX", role="origin")
    philippines = PracticeCountryFactory(practice=draft_practice, country="PH", role="host")
    draft_practice.save()
    before = draft_practice.history.first()
    draft_practice.save()  # a later version, as an admin save: the practice, then its rows
    for row, country in ((mexico, "US"), (philippines, "MX"), (mexico, "PH")):
        row.country = country
        row.save()

    page = revert(admin_client, draft_practice, before).content.decode()

    assert "is back to the version of" in page
    assert sorted(draft_practice.countries.values_list("pk", "country", "role")) == [
        (mexico.pk, "MX", "origin"),
        (philippines.pk, "PH", "host"),
    ]


def test_a_row_whose_organisation_is_gone_is_named_not_restored(admin_client, draft_practice):
    link = PracticeOrganisationFactory(practice=draft_practice)
    draft_practice.save()
    before = draft_practice.history.first()
    draft_practice.save()
    link.delete()
    link.organisation.delete()  # allowed once no practice names it

    page = revert(admin_client, draft_practice, before).content.decode()

    assert "is back to the version of" in page
    assert "1 row of that version could not come back" in page
    assert not draft_practice.organisation_roles.exists()
