"""What a query finds: prefixes, parts of names, misspellings, synonyms, questions, odd input."""

import pytest

from compendium.models import Practice, SearchSynonym
from compendium.search import analyse

from ..factories import PracticeCountryFactory, PracticeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def practices():
    PracticeFactory(
        slug="remittance-costs",
        title="Remittance cost comparison",
        summary="A website compares what banks charge for remittances sent home.",
    )
    PracticeFactory(
        slug="balinkbayan",
        title="BaLinkBayan one-stop online portal",
        summary="A portal for investment and donations by Filipinos abroad.",
    )
    PracticeFactory(
        slug="dual-citizenship",
        title="Dual citizenship for the diaspora",
        summary="Emigrants keep their nationality when they naturalise abroad.",
    )
    PracticeFactory(
        slug="twinning",
        title="Municipal twinning",
        summary="Towns at home and abroad are paired.",
    )
    PracticeFactory(slug="other", title="Unrelated practice", summary="Nothing to see.")


def slugs(query):
    return [practice.slug for practice in Practice.objects.published().search(query)]


def group(slug, *terms, **fields):
    return SearchSynonym.objects.create(slug=slug, terms="\n".join(terms), **fields)


def test_the_beginning_of_a_word_finds_the_word(practices):
    assert slugs("remit") == ["remittance-costs"]
    assert slugs("invest")[0] == "balinkbayan"


def test_a_part_of_a_compound_name_finds_it(practices):
    assert slugs("bayan") == ["balinkbayan"]
    assert slugs("balinkbayan") == ["balinkbayan"]


def test_a_misspelt_word_is_corrected_and_offered(practices):
    plan = analyse("remmitances")
    assert plan.corrections == {"remmitances": "remittances"}
    assert plan.suggestion == "remittances"
    assert slugs("remmitances") == ["remittance-costs"]
    assert slugs("citizenhsip")[0] == "dual-citizenship"
    assert analyse("remittance").suggestion == ""


def test_a_suggestion_keeps_the_rest_of_the_query_as_typed(practices):
    assert analyse("Dual citizenhsip?").suggestion == "Dual citizenship?"


def test_synonyms_from_the_table_widen_a_query(practices):
    assert "dual-citizenship" not in slugs("two passports")
    group("dual-citizenship", "dual citizenship", "two passports", "double nationalité")

    assert slugs("two passports")[0] == "dual-citizenship"
    assert slugs("double nationalité")[0] == "dual-citizenship"


def test_a_synonym_group_unticked_or_deleted_no_longer_widens(practices):
    synonym = group("twins", "twinning", "sister cities")
    assert slugs("sister cities") == ["twinning"]

    synonym.is_active = False
    synonym.save()
    assert slugs("sister cities") == []


def test_a_french_or_spanish_wording_finds_the_english_entry(practices):
    group("remittances", "remittances", "envoi d'argent", "transferts de fonds", "remesas")

    assert slugs("envoi d'argent") == ["remittance-costs"]
    assert slugs("remesas") == ["remittance-costs"]
    assert slugs("REMESAS") == ["remittance-costs"]


def test_a_misspelt_synonym_is_corrected_to_it(practices):
    group("remittances", "remittances", "remesas")

    assert slugs("remesass") == ["remittance-costs"]
    assert analyse("remesass").suggestion == "remesas"


def test_a_country_group_finds_practices_by_demonym(practices):
    mexico = PracticeFactory(slug="mexico", title="Matching grants")
    PracticeCountryFactory(practice=mexico, country="MX")
    group("country-mx", "Mexico", "Mexican", "mexicain", "mexicana", country="MX")

    assert slugs("mexicain") == ["mexico"]
    assert slugs("Mexican matching grants") == ["mexico"]


def test_a_question_ranks_by_how_much_of_it_matches(practices):
    found = slugs("how can a country lower the cost of remittances sent home by migrants?")
    assert found[0] == "remittance-costs"
    assert "other" not in found


def test_only_stop_words_give_an_empty_result_not_an_error(practices):
    assert slugs("the and of") == []
    assert analyse("de la et").is_empty


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '"remittance',
        "remittance*",
        "* - + ^ : ( ) { } [ ]",
        "AND",
        "remittance NEAR cost",
        "a & b | !c <-> d",
        "'; DROP TABLE x; --",
        "remit\x00tance",
        "%_%",
        "x" * 10_000,
        "remittance " * 2_000,
        "ñandú 日本 🙂",
    ],
)
def test_odd_queries_never_fail_nor_match_everything(practices, query):
    found = slugs(query)
    assert "other" not in found
    assert len(found) <= 1


def test_a_query_of_control_characters_only_is_no_query(practices):
    assert len(slugs("\x00\x01")) == Practice.objects.count()
