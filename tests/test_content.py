"""The shipped compendium: every fixture file loads, twice, and every entry is complete."""

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django_countries import countries

from compendium.content import REPORT_PARTS, fixture_files, load_compendium
from compendium.models import (
    KeyFigure,
    Organisation,
    Practice,
    PracticeCountry,
    PracticeOrganisation,
    PracticeTranslation,
    SourceReference,
)
from compendium.models.details import EXCERPT_MAX_WORDS
from compendium.translation_files import TRANSLATIONS_DIR, all_problems

REPORT = (
    Path(settings.BASE_DIR).parent
    / "shared"
    / "source"
    / "diaspora-ministerial-conference-2013.txt"
)
CHAPTERS = set(REPORT_PARTS)


@pytest.fixture(scope="module")
def compendium(django_db_setup, django_db_blocker):
    """Load the compendium once for the module, and roll it back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        load_compendium(verbosity=0)
        yield Practice.objects.all()
        transaction.set_rollback(True)


pytestmark = pytest.mark.django_db


def practice_rows():
    for path in fixture_files():
        for row in yaml.safe_load(path.read_text()):
            if row["model"] == "compendium.practice":
                yield path.name, row["fields"]


def normalise(text: str) -> str:
    text = text.translate(str.maketrans("‘’“”–—", "''\"\"--"))
    return re.sub(r"\s+", " ", text).strip().lower()


def test_loading_again_adds_nothing(compendium):
    models = [Practice, PracticeCountry, PracticeOrganisation, KeyFigure, SourceReference]
    before = [model.objects.count() for model in models]

    load_compendium(verbosity=0)

    assert [model.objects.count() for model in models] == before
    assert before[0] >= 150


def test_every_practice_is_published_and_verified(compendium):
    assert set(compendium.values_list("editorial_status", flat=True)) == {"published"}
    assert not compendium.filter(last_verified_on__isnull=True).exists()


def test_every_practice_is_classified_and_has_an_actor(compendium):
    practices = compendium.annotate(
        theme_count=Count("themes", distinct=True),
        instrument_count=Count("instruments", distinct=True),
        country_count=Count("countries", distinct=True),
        organisation_count=Count("organisation_roles", distinct=True),
    )
    assert [p.slug for p in practices if p.theme_count == 0] == []
    assert [p.slug for p in practices if p.instrument_count == 0] == []
    assert [p.slug for p in practices if p.country_count + p.organisation_count == 0] == []


def test_every_practice_cites_the_report_with_chapter_section_and_excerpt(compendium):
    uncited = compendium.filter(source_references__isnull=True)
    assert list(uncited.values_list("slug", flat=True)) == []
    for reference in SourceReference.objects.all():
        assert reference.chapter in CHAPTERS, reference
        assert reference.section and reference.excerpt, reference
        assert len(reference.excerpt.split()) <= EXCERPT_MAX_WORDS, reference


@pytest.mark.skipif(not REPORT.exists(), reason="the report is not beside the project")
def test_every_excerpt_is_quoted_verbatim_from_the_report(compendium):
    raw = REPORT.read_text()
    report = normalise(raw) + normalise(re.sub(r"-\s*\n\s*", "-", raw))
    misquoted = [
        (reference.practice.slug, reference.excerpt)
        for reference in SourceReference.objects.select_related("practice")
        if normalise(reference.excerpt) not in report
    ]
    assert misquoted == []


def test_every_country_code_is_a_valid_iso_code(compendium):
    codes = set(PracticeCountry.objects.values_list("country", flat=True))
    codes |= set(Organisation.objects.exclude(country="").values_list("country", flat=True))
    assert codes
    assert {code for code in codes if code not in countries} == set()


def test_every_key_figure_has_a_label_and_a_number(compendium):
    assert KeyFigure.objects.exists()
    assert not KeyFigure.objects.filter(label="").exists()
    assert not KeyFigure.objects.filter(value__isnull=True).exists()


def test_no_two_entries_share_a_slug_or_a_title():
    rows = list(practice_rows())
    slugs = Counter(fields["slug"] for _, fields in rows)
    titles = Counter(normalise(fields["title"]) for _, fields in rows)
    assert [slug for slug, n in slugs.items() if n > 1] == []
    assert [title for title, n in titles.items() if n > 1] == []


def test_no_two_entries_describe_the_same_practice(compendium):
    """Two entries quoting the same passage about the same actors and instruments are one."""
    seen = {}
    for practice in compendium.prefetch_related(
        "countries", "organisation_roles", "source_references"
    ):
        actors = frozenset(str(c.country) for c in practice.countries.all()) | frozenset(
            str(o.organisation_id) for o in practice.organisation_roles.all()
        )
        instruments = frozenset(i.slug for i in practice.instruments.all())
        for reference in practice.source_references.all():
            key = (actors, instruments, normalise(reference.excerpt))
            assert key not in seen, f"{practice.slug} repeats {seen.get(key)}"
            seen[key] = practice.slug


@pytest.mark.parametrize("language", ["fr", "es"])
def test_every_published_practice_has_a_title_summary_and_description_in(compendium, language):
    published = compendium.filter(editorial_status=Practice.EditorialStatus.PUBLISHED)
    translated = (
        PracticeTranslation.objects.filter(practice__in=published, language=language)
        .exclude(title="")
        .exclude(summary="")
        .exclude(description="")
    )

    assert translated.count() == published.count() >= 280


@pytest.mark.parametrize("language", ["fr", "es"])
def test_every_key_figure_label_is_translated_into(compendium, language):
    assert not KeyFigure.objects.filter(**{f"label_{language}": ""}).exists()


def test_the_shipped_translations_keep_every_number_and_leave_no_text_in_english():
    """The checker also finds fields missing or superfluous: see check_translations."""
    assert all_problems() == []


def test_only_titles_may_stay_as_in_english_and_only_when_they_are_names():
    for language in ["fr", "es"]:
        for path in sorted((TRANSLATIONS_DIR / language).glob("*.yaml")):
            for slug, entry in yaml.safe_load(path.read_text(encoding="utf-8")).items():
                assert set(entry.get("kept_as_names") or []) <= {"title"}, (path.name, slug)


def test_loading_again_keeps_the_translations_as_they_were(compendium):
    before = list(PracticeTranslation.objects.order_by("pk").values())
    history = PracticeTranslation.history.count()

    load_compendium(verbosity=0)

    assert list(PracticeTranslation.objects.order_by("pk").values()) == before
    assert PracticeTranslation.history.count() == history


def test_loading_again_spares_the_practices_saved_since_the_last_load(compendium):
    from django.contrib.auth.models import User

    from compendium.workflow import apply_transition

    relations = yaml.safe_load((fixture_files()[-1]).read_text(encoding="utf-8"))
    related_to = relations[0]["fields"]["to_practice"][0]
    edited, archived, trimmed, untouched = compendium.exclude(slug=related_to).order_by("slug")[:4]
    shipped_title = edited.title
    edited.title = "An editor's better title"
    edited.save()
    apply_transition(archived, "archive", user=User.objects.create_superuser("publisher"))
    removed = trimmed.countries.first()
    removed.delete()
    Practice.objects.filter(pk=untouched.pk).update(title="Changed without a trace")
    Practice.objects.get(slug=related_to).delete()  # and another practice's relation with it
    count = Practice.objects.count()

    spared = load_compendium(verbosity=0)

    # Deleting a practice deletes the relations of others with it: they changed too.
    relating = {
        row["fields"]["from_practice"][0]
        for row in relations
        if row["fields"]["to_practice"] == [related_to]
    }
    assert spared == sorted({edited.slug, archived.slug, trimmed.slug, related_to} | relating)
    assert not Practice.objects.filter(slug=related_to).exists()  # not brought back
    edited.refresh_from_db()
    archived.refresh_from_db()
    untouched.refresh_from_db()
    assert edited.title == "An editor's better title"
    assert archived.editorial_status == Practice.EditorialStatus.ARCHIVED  # not published again
    assert not trimmed.countries.filter(country=removed.country).exists()
    assert untouched.title != "Changed without a trace"  # no history: rewritten as shipped
    assert Practice.objects.count() == count
    assert load_compendium(verbosity=0) == spared  # and at every load after, until overwritten

    assert load_compendium(verbosity=0, overwrite_edits=True) == []
    edited.refresh_from_db()
    assert edited.title == shipped_title
