"""The index follows every way of writing a practice, on SQLite and PostgreSQL alike."""

import pytest
from django.db import connection

from compendium.models import Practice, PracticeTranslation, SearchDocument, SearchWord
from compendium.search import indexing

from ..factories import (
    InstrumentTypeFactory,
    KeyFigureFactory,
    OrganisationFactory,
    PracticeCountryFactory,
    PracticeFactory,
    PracticeOrganisationFactory,
)

pytestmark = pytest.mark.django_db


def slugs(query):
    return [practice.slug for practice in Practice.objects.published().search(query)]


def vocabulary():
    indexing.flush()
    return dict(SearchWord.objects.values_list("word", "document_count"))


def test_a_saved_practice_is_found_by_its_new_words_and_no_longer_by_its_old_ones():
    practice = PracticeFactory(slug="fund", title="Diaspora bonds")
    assert slugs("bonds") == ["fund"]

    practice.title = "Remittance fund"
    practice.save()

    assert slugs("bonds") == []
    assert slugs("remittance") == ["fund"]


def test_queryset_update_and_bulk_create_are_indexed():
    PracticeFactory(slug="one", title="Diaspora bonds")
    template = PracticeFactory.build(slug="bulk", title="Bulk-loaded bonds")
    template.primary_pillar = Practice.objects.get(slug="one").primary_pillar
    Practice.objects.bulk_create([template])
    assert sorted(slugs("bonds")) == ["bulk", "one"]

    Practice.objects.filter(slug="bulk").update(summary="Hometown associations")

    assert slugs("hometown associations") == ["bulk"]


def test_rows_and_links_of_a_practice_are_indexed():
    practice = PracticeFactory(slug="p", title="Outreach")
    PracticeCountryFactory(practice=practice, country="MA")
    PracticeOrganisationFactory(
        practice=practice, organisation=OrganisationFactory(name="Hassan II Foundation")
    )
    KeyFigureFactory(practice=practice, label="Mobile consulates set up")
    practice.instruments.add(InstrumentTypeFactory(name="Matching grants"))

    assert slugs("Morocco") == ["p"]
    assert slugs("Maroc") == ["p"]  # the country's French name
    assert slugs("Marruecos") == ["p"]  # and its Spanish one
    assert slugs("hassan foundation") == ["p"]
    assert slugs("mobile consulates") == ["p"]
    assert slugs("matching grants") == ["p"]


def test_renaming_an_organisation_reindexes_its_practices():
    practice = PracticeFactory(slug="p")
    organisation = OrganisationFactory(name="Old name agency")
    PracticeOrganisationFactory(practice=practice, organisation=organisation)
    organisation.name = "Institute for Mexicans Abroad"
    organisation.save()

    assert slugs("institute mexicans") == ["p"]
    assert slugs("agency") == []


def test_translations_are_indexed_in_their_language():
    practice = PracticeFactory(slug="p", title="Remittance costs")
    PracticeTranslation.objects.create(
        practice=practice, language="fr", title="Coût des transferts de fonds"
    )

    assert slugs("transferts de fonds") == ["p"]


def test_only_published_practices_give_words_to_the_vocabulary():
    practice = PracticeFactory(slug="p", title="Quokkamarker", editorial_status="draft")
    assert "quokkamarker" not in vocabulary()

    Practice.objects.filter(pk=practice.pk).update(editorial_status="published")
    assert vocabulary()["quokkamarker"] == 1

    Practice.objects.filter(pk=practice.pk).update(editorial_status="archived")
    assert "quokkamarker" not in vocabulary()


def test_deleting_a_practice_drops_its_document_and_words():
    practice = PracticeFactory(title="Quokkamarker")
    indexing.flush()
    practice.delete()

    assert not SearchDocument.objects.filter(pk=practice.pk).exists()
    assert "quokkamarker" not in vocabulary()


def test_incremental_counts_equal_a_full_rebuild():
    first = PracticeFactory(title="Diaspora bonds", summary="Bonds for roads.")
    second = PracticeFactory(title="Diaspora investment")
    PracticeCountryFactory(practice=second, country="PH")
    first.title = "Diaspora savings"
    first.save()
    second.delete()
    PracticeFactory(title="Savings groups", editorial_status="draft")
    indexing.flush()
    incremental = vocabulary()

    assert indexing.rebuild() == Practice.objects.count()

    assert vocabulary() == incremental


def test_a_batch_indexes_each_practice_once_at_its_end():
    with indexing.batch():
        practice = PracticeFactory(slug="p", title="Diaspora bonds")
        practice.themes.clear()
        assert not SearchDocument.objects.filter(pk=practice.pk).exists()
    assert slugs("bonds") == ["p"]


def test_the_index_tables_are_native_full_text_indexes():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE tablename IN "
                "('compendium_searchdocument', 'compendium_searchword')"
            )
            definitions = " ".join(row[0] for row in cursor.fetchall())
            assert "USING gin (vector)" in definitions
            assert "gin_trgm_ops" in definitions
        else:
            cursor.execute(
                "SELECT sql FROM sqlite_master WHERE name IN "
                "('compendium_searchdocument', 'compendium_searchword_trigram')"
            )
            definitions = " ".join(row[0] for row in cursor.fetchall())
            assert "USING fts5" in definitions and "trigram" in definitions


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's storage")
def test_postgresql_keeps_the_vector_in_its_row_and_not_the_texts():
    practice = PracticeFactory(title="Diaspora bonds")
    indexing.flush()

    document = SearchDocument.objects.get(pk=practice.pk)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attstorage FROM pg_attribute WHERE attname = 'vector' "
            "AND attrelid = 'compendium_searchdocument'::regclass"
        )
        (storage,) = cursor.fetchone()

    assert (document.names, document.summary, document.body) == ("", "", "")
    assert "'bond':2A" in document.vector
    assert storage == "m"  # main: in the row, compressed only when it must be
