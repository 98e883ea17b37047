import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from compendium.models import Practice, PracticeCountry

from . import factories

pytestmark = pytest.mark.django_db

ADMIN_OBJECTS = {
    "pillar": factories.PillarFactory,
    "theme": factories.ThemeFactory,
    "instrumentfamily": factories.InstrumentFamilyFactory,
    "instrumenttype": factories.InstrumentTypeFactory,
    "targetgroup": factories.TargetGroupFactory,
    "gcmobjective": factories.GcmObjectiveFactory,
    "organisation": factories.OrganisationFactory,
    "source": factories.SourceFactory,
    "practice": factories.PracticeFactory,
}


@pytest.mark.parametrize(("model", "factory"), ADMIN_OBJECTS.items())
def test_admin_pages_of_every_model_open(admin_client, model, factory):
    obj = factory()
    base = f"admin:compendium_{model}"

    changelist = admin_client.get(reverse(f"{base}_changelist"))
    term = getattr(obj, "name", None) or obj.title
    search = admin_client.get(reverse(f"{base}_changelist"), {"q": term})
    add = admin_client.get(reverse(f"{base}_add"))
    change = admin_client.get(reverse(f"{base}_change", args=[obj.pk]))

    assert [changelist.status_code, search.status_code, add.status_code, change.status_code] == [
        200
    ] * 4
    assert str(obj) in changelist.content.decode()
    assert str(obj) in search.content.decode()


def inline_management(prefix, total=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def test_editor_creates_a_complete_practice_in_one_form(admin_client):
    pillar = factories.PillarFactory()
    theme = factories.ThemeFactory()
    organisation = factories.OrganisationFactory(name="Institute of Mexicans Abroad")
    source = factories.SourceFactory()
    data = {
        "title": "Tres por Uno",
        "slug": "mexico-tres-por-uno",
        "summary": "Governments match diaspora funds.",
        "description": "Each dollar is matched three times.",
        "primary_pillar": pillar.pk,
        "themes": [theme.pk],
        "implementation_status": "ongoing",
        "evidence_level": "not-evaluated",
        "editorial_status": "draft",
        **inline_management("countries", 1),
        "countries-0-country": "MX",
        "countries-0-role": "origin",
        **inline_management("organisation_roles", 1),
        "organisation_roles-0-organisation": organisation.pk,
        "organisation_roles-0-role": "lead",
        **inline_management("key_figures", 1),
        "key_figures-0-label": "Dollars added per diaspora dollar",
        "key_figures-0-value": "3",
        **inline_management("source_references", 1),
        "source_references-0-source": source.pk,
        "source_references-0-chapter": "Chapter 3",
        "source_references-0-section": "Grant funding and matching grants",
        "source_references-0-excerpt": "the celebrated Mexican Tres por Uno programme",
        **inline_management("outgoing_relations"),
        **inline_management("translations"),
        **inline_management("suggestion"),
    }

    response = admin_client.post(reverse("admin:compendium_practice_add"), data)

    assert response.status_code == 302, response.context["adminform"].errors
    practice = Practice.objects.get(slug="mexico-tres-por-uno")
    assert list(practice.themes.all()) == [theme]
    assert practice.countries.get().country.code == "MX"
    assert practice.organisation_roles.get().organisation == organisation
    assert practice.key_figures.get().value == 3
    assert practice.source_references.get().section == "Grant funding and matching grants"


CHANGELIST = "/admin/compendium/practice/"


def run_action(client, action, practices, **extra):
    return client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [p.pk for p in practices], **extra},
        follow=True,
    )


def test_editor_sends_to_review_from_the_changelist_but_cannot_publish(
    client, editor, complete_draft
):
    client.force_login(editor)

    offered = client.get(CHANGELIST).content.decode()
    response = run_action(client, "submit", [complete_draft])
    refused = run_action(client, "publish", [complete_draft])

    complete_draft.refresh_from_db()
    assert 'value="submit"' in offered
    assert 'value="publish"' not in offered
    assert 'value="archive"' not in offered
    assert "1 practice sent to review." in response.content.decode()
    assert refused.status_code == 200
    assert complete_draft.editorial_status == Practice.EditorialStatus.SUBMITTED


def test_publisher_publishes_in_bulk_and_sees_refusals(client, publisher, complete_draft):
    incomplete = factories.PracticeFactory(title="No sources yet", editorial_status="submitted")
    complete_draft.editorial_status = "submitted"
    complete_draft.save()
    client.force_login(publisher)

    body = run_action(client, "publish", [complete_draft, incomplete]).content.decode()

    complete_draft.refresh_from_db()
    incomplete.refresh_from_db()
    assert complete_draft.editorial_status == "published"
    assert incomplete.editorial_status == "submitted"
    assert "1 practice published." in body
    assert "“No sources yet” cannot be published yet" in body


def test_send_back_asks_for_a_note_then_applies_it(client, publisher, complete_draft):
    complete_draft.editorial_status = "submitted"
    complete_draft.save()
    client.force_login(publisher)

    page = run_action(client, "send_back", [complete_draft])
    done = run_action(client, "send_back", [complete_draft], apply="1", note="Cite the chapter.")

    complete_draft.refresh_from_db()
    assert "Note to the editor" in page.content.decode()
    assert "1 practice sent back." in done.content.decode()
    assert (complete_draft.editorial_status, complete_draft.editorial_note) == (
        "draft",
        "Cite the chapter.",
    )


def test_editors_cannot_change_the_status_in_the_form(client, editor, complete_draft):
    client.force_login(editor)
    page = client.get(f"{CHANGELIST}{complete_draft.pk}/change/").content.decode()
    assert 'name="editorial_status"' not in page


def test_mark_verified_sets_today_and_stale_filter_finds_old_entries(
    admin_client, published_practice
):
    old = factories.PracticeFactory(title="Checked long ago", last_verified_on="2020-01-01")

    stale = admin_client.get(CHANGELIST, {"verified": "stale"}).content.decode()
    run_action(admin_client, "mark_verified", [old])
    old.refresh_from_db()

    assert "Checked long ago" in stale
    assert old.last_verified_on == timezone.localdate()
    assert (
        "Checked long ago"
        not in admin_client.get(CHANGELIST, {"verified": "stale"}).content.decode()
    )


def test_search_finds_practices_by_country_name(admin_client, published_practice):
    factories.PracticeCountryFactory(practice=published_practice, country="GT")
    factories.PracticeFactory(title="Elsewhere")

    body = admin_client.get(CHANGELIST, {"q": "guatemala"}).content.decode()

    assert "Tres por Uno" in body
    assert "Elsewhere" not in body


def test_region_and_country_filters(admin_client, published_practice):
    factories.PracticeCountryFactory(practice=published_practice, country="SN")
    factories.PracticeFactory(title="Elsewhere")

    by_region = admin_client.get(CHANGELIST, {"region": "11"}).content.decode()
    by_country = admin_client.get(CHANGELIST, {"country": "SN"}).content.decode()

    assert "Tres por Uno" in by_region and "Elsewhere" not in by_region
    assert "Tres por Uno" in by_country and "Elsewhere" not in by_country


def bulk_practices(count: int) -> None:
    pillar = factories.PillarFactory()
    start = Practice.objects.count()
    practices = Practice.objects.bulk_create(
        Practice(
            title=f"Bulk {n}", slug=f"bulk-{n}", summary="s", description="d", primary_pillar=pillar
        )
        for n in range(start, start + count)
    )
    PracticeCountry.objects.bulk_create(
        PracticeCountry(practice=p, country="PH") for p in practices
    )


def test_changelist_costs_the_same_queries_at_20_and_2000_practices(
    admin_client, django_assert_num_queries
):
    bulk_practices(20)
    admin_client.get(CHANGELIST)  # warm the session and content type caches
    with CaptureQueriesContext(connection) as small:
        assert admin_client.get(CHANGELIST).status_code == 200
    bulk_practices(1980)
    with django_assert_num_queries(len(small)):
        response = admin_client.get(CHANGELIST)
    assert "2000 practices" in response.content.decode()


def test_staff_preview_unpublished_practices_with_the_public_template(
    client, admin_client, draft_practice
):
    url = f"/practices/{draft_practice.slug}/preview/"

    preview = admin_client.get(url)
    anonymous = client.get(url)

    assert preview.status_code == 200
    assert draft_practice.title in preview.content.decode()
    assert anonymous.status_code == 302
    assert client.get(f"/practices/{draft_practice.slug}/").status_code == 404


def test_view_on_site_points_to_the_permalink_or_the_preview(
    admin_client, published_practice, draft_practice
):
    published = admin_client.get(f"{CHANGELIST}{published_practice.pk}/change/").content.decode()
    draft = admin_client.get(f"{CHANGELIST}{draft_practice.pk}/change/").content.decode()

    assert f'href="/practices/{published_practice.slug}/" class="viewsitelink">View on site' in (
        published
    )
    assert '/preview/" class="viewsitelink">Preview as public page' in draft
    assert f'href="/admin/compendium/practice/{draft_practice.pk}/compare/"' in draft
