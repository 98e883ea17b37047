import pytest

from compendium.search import analyse
from compendium.search.snippets import snippet

from ..factories import PracticeFactory, SearchSynonymFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed():
    PracticeFactory(
        title="Remittance costs",
        summary="Banks charge too much. Remittances sent home cost less through mobile phones.",
    )


def test_the_best_matching_sentence_is_shown_with_its_words_marked(indexed):
    plan = analyse("remittance mobile")
    found = snippet(["Banks charge too much. Remittances sent home cost less by mobile."], plan)

    assert found == "<mark>Remittances</mark> sent home cost less by <mark>mobile</mark>."


def test_the_snippet_escapes_the_text(indexed):
    plan = analyse("remittance")
    found = snippet(['<script>alert("x")</script> Remittances & <b>costs</b>'], plan)

    assert "<script>" not in found and "&lt;script&gt;" in found
    assert "<mark>Remittances</mark> &amp; &lt;b&gt;" in found


def test_a_long_sentence_is_cut_around_its_first_match(indexed):
    words = " ".join(f"word{n}" for n in range(100))
    found = snippet([f"{words} remittances {words}."], analyse("remittance"))

    assert found.startswith("… ") and found.endswith(" …")
    assert "<mark>remittances</mark>" in found
    assert len(found.split()) < 50


def test_no_snippet_when_no_sentence_holds_a_query_word(indexed):
    assert snippet(["Nothing here."], analyse("remittance")) == ""


def test_a_synonym_that_matched_is_marked_too(indexed):
    SearchSynonymFactory(slug="remittances", terms="remittances\nenvoi d'argent")

    found = snippet(["Remittances sent home cost less."], analyse("envoi d'argent"))

    assert found.startswith("<mark>Remittances</mark>")
