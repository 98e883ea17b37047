import pytest
from django.urls import reverse

from compendium.models import Practice

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
    }

    response = admin_client.post(reverse("admin:compendium_practice_add"), data)

    assert response.status_code == 302, response.context["adminform"].errors
    practice = Practice.objects.get(slug="mexico-tres-por-uno")
    assert list(practice.themes.all()) == [theme]
    assert practice.countries.get().country.code == "MX"
    assert practice.organisation_roles.get().organisation == organisation
    assert practice.key_figures.get().value == 3
    assert practice.source_references.get().section == "Grant funding and matching grants"
