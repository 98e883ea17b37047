"""The search finds what people mean on the shipped compendium (`make search-eval` prints it).

The query set (tests/search_relevance.yaml) was written from the report and the entries,
apart from the synonym files, by kind: topics, other wordings, names and acronyms,
country plus topic, misspellings, French, Spanish and whole questions. The floors are a
little below what both databases reach, so that a change that makes search worse fails.
"""

from pathlib import Path

import pytest
from django.db import connection, transaction

from compendium.content import load_compendium
from compendium.search import evaluation

QUERIES = Path(__file__).parent.parent / "search_relevance.yaml"
FLOORS = {"recall_at_10": 0.87, "mrr": 0.9}
MAX_EMPTY = 0.05

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def scores(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        load_compendium(verbosity=0)
        scores = evaluation.evaluate(evaluation.load_judgements(QUERIES))
        transaction.set_rollback(True)
    print(f"\n{evaluation.report(scores)}")
    return scores


def test_the_query_set_covers_every_kind_of_query():
    judgements = evaluation.load_judgements(QUERIES)
    kinds = {judgement.kind for judgement in judgements}
    assert len(judgements) >= 60
    assert kinds == {
        "topic",
        "wording",
        "name",
        "country-topic",
        "misspelling",
        "french",
        "spanish",
        "question",
    }


@pytest.mark.parametrize("measure", sorted(FLOORS))
def test_search_finds_the_relevant_practices(scores, measure):
    assert getattr(scores["all"], measure) >= FLOORS[measure], connection.vendor


def test_hardly_any_query_with_relevant_practices_finds_nothing(scores):
    assert scores["all"].zero_result_rate <= MAX_EMPTY


@pytest.mark.parametrize("kind", ["misspelling", "french", "spanish"])
def test_misspelt_french_and_spanish_queries_are_understood(scores, kind):
    assert scores[kind].recall_at_10 >= 0.85
    assert scores[kind].zero_result_rate <= 0.1
