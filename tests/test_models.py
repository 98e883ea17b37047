import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from compendium.admin.practice import PracticeAdminForm
from compendium.models import Pillar, Practice, PracticeCountry

from .factories import (
    KeyFigureFactory,
    PillarFactory,
    PracticeCountryFactory,
    PracticeFactory,
    PracticeRelationFactory,
    SourceReferenceFactory,
)

pytestmark = pytest.mark.django_db

EditorialStatus = Practice.EditorialStatus


def assert_rejected_by_database(**fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        PracticeFactory(**fields)


def test_database_rejects_end_year_before_start_year():
    assert_rejected_by_database(start_year=2012, end_year=2010)


@pytest.mark.parametrize("field", ["start_year", "end_year"])
@pytest.mark.parametrize("year", [1850, 2150])
def test_database_rejects_implausible_years(field, year):
    assert_rejected_by_database(**{field: year})


def test_database_accepts_open_ended_and_single_year_practices():
    PracticeFactory(start_year=2002, end_year=None)
    PracticeFactory(start_year=None, end_year=2012)
    PracticeFactory(start_year=2012, end_year=2012)
    assert Practice.objects.count() == 3


def test_database_rejects_duplicate_slug():
    PracticeFactory(slug="mexico-tres-por-uno")
    assert_rejected_by_database(slug="mexico-tres-por-uno")


@pytest.mark.parametrize("status", ["in-review", "published", "archived"])
def test_database_rejects_practice_past_submission_without_primary_pillar(status):
    assert_rejected_by_database(primary_pillar=None, editorial_status=status)


@pytest.mark.parametrize("status", ["draft", "submitted"])
def test_drafts_and_suggestions_may_wait_for_a_pillar(status):
    assert PracticeFactory(primary_pillar=None, editorial_status=status).pk


def test_practice_holds_exactly_one_primary_pillar():
    engage = PillarFactory(slug="engage")
    enable = PillarFactory(slug="enable", name="Enable")
    practice = PracticeFactory(primary_pillar=engage)

    practice.primary_pillar = enable
    practice.save()

    assert list(engage.primary_practices.all()) == []
    assert list(enable.primary_practices.all()) == [practice]


def test_form_rejects_primary_pillar_repeated_as_secondary():
    engage = PillarFactory(slug="engage")
    form = PracticeAdminForm(
        data={
            "title": "Blue Card",
            "slug": "turkey-blue-card",
            "summary": "Turkey gives former citizens a card.",
            "description": "Longer text.",
            "primary_pillar": engage.pk,
            "secondary_pillars": [engage.pk],
            "implementation_status": "unknown",
            "evidence_level": "not-evaluated",
            "editorial_status": "draft",
        }
    )

    assert not form.is_valid()
    assert "secondary_pillars" in form.errors


@pytest.mark.parametrize(
    "status", [status for status in EditorialStatus if status != EditorialStatus.PUBLISHED]
)
def test_published_excludes_every_other_editorial_status(status, published_practice):
    hidden = PracticeFactory(editorial_status=status)

    visible = list(Practice.objects.published())

    assert visible == [published_practice]
    assert hidden not in visible


def test_first_publication_sets_published_date_once(draft_practice):
    assert draft_practice.first_published_at is None

    draft_practice.editorial_status = EditorialStatus.PUBLISHED
    draft_practice.save()
    first = draft_practice.first_published_at
    draft_practice.save()

    assert first is not None
    assert draft_practice.first_published_at == first


def test_database_rejects_same_country_twice_in_same_role(published_practice):
    PracticeCountryFactory(practice=published_practice, country="PH", role="origin")
    with pytest.raises(IntegrityError), transaction.atomic():
        PracticeCountryFactory(practice=published_practice, country="PH", role="origin")
    PracticeCountryFactory(practice=published_practice, country="PH", role="partner")
    assert published_practice.countries.count() == 2


def test_database_rejects_duplicate_key_figure_label(published_practice):
    KeyFigureFactory(practice=published_practice, label="Mobile consulates")
    with pytest.raises(IntegrityError), transaction.atomic():
        KeyFigureFactory(practice=published_practice, label="Mobile consulates")


def test_database_rejects_practice_related_to_itself(published_practice):
    with pytest.raises(IntegrityError), transaction.atomic():
        PracticeRelationFactory(from_practice=published_practice, to_practice=published_practice)


def test_excerpt_longer_than_forty_words_is_invalid():
    reference = SourceReferenceFactory.build(excerpt=" ".join(["word"] * 41))
    with pytest.raises(ValidationError) as error:
        reference.full_clean(exclude=["practice", "source"])
    assert "40 words" in str(error.value)


def test_region_and_subregion_are_derived_from_the_country():
    country = PracticeCountry(country="GT")
    assert country.region.name == "Americas"
    assert country.subregion.name == "Central America"
    assert PracticeCountry(country="MA").subregion.code == 15


def test_natural_keys_find_rows_by_slug(published_practice):
    reference = SourceReferenceFactory(practice=published_practice)

    assert Practice.objects.get_by_natural_key("mexico-tres-por-uno") == published_practice
    assert Pillar.objects.get_by_natural_key("engage") == published_practice.primary_pillar
    found = type(reference).objects.get_by_natural_key(*reference.natural_key())
    assert found == reference
