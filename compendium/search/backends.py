"""The two databases' ways of asking the index one plan: FTS5 with bm25, or a tsvector.

Both match a practice that holds any phrase of any concept, and both rank by a sum over
the concepts of how rare each is and how often, and in which column, the practice names
it: titles and names count most, then summaries, then the body.
"""

import math

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import BooleanField, Expression, F, FloatField, QuerySet, Value

from ..models import SearchDocument
from .query import Concept, SearchPlan
from .synonyms import Phrase

# Column weights, highest first: names, summary, body (PostgreSQL lists them D, C, B, A).
NAMES, SUMMARY, BODY = 1.0, 0.4, 0.1
# PostgreSQL ranks by at most this many of a query's words, none held by nine in ten.
MAX_RANKED = 8
MIN_WEIGHT = 0.1


class _OnDocuments(Expression):
    """An FTS5 call on the search documents joined to the practices.

    FTS5 addresses a table's full text through a hidden column that has the table's
    name, which the ORM cannot name: join through a real column, then write the call.
    """

    template = ""

    def __init__(self, expression: str = ""):
        super().__init__()
        self.column = F("search_document__names")
        self.expression = expression

    def get_source_expressions(self):
        return [self.column]

    def set_source_expressions(self, expressions):
        (self.column,) = expressions

    def as_sql(self, compiler, connection):
        alias = compiler.quote_name_unless_alias(self.column.alias)
        table = f'{alias}."{SearchDocument._meta.db_table}"'
        return self.template.format(table=table), [self.expression] if self.expression else []


class Fts5Match(_OnDocuments):
    output_field = BooleanField()
    template = "{table} MATCH %s"


class Bm25(_OnDocuments):
    output_field = FloatField()
    # bm25() is lower for better matches; the two unindexed columns weigh nothing.
    template = f"(-bm25({{table}}, {NAMES * 10}, {SUMMARY * 10}, {BODY * 10}, 0.0, 0.0))"


def _fts5(phrase: Phrase) -> str:
    return '"' + " ".join(phrase) + '"'


def sqlite(queryset: QuerySet, plan: SearchPlan) -> QuerySet:
    phrases = sorted({_fts5(phrase) for concept in plan.concepts for phrase in concept.phrases})
    expression = " OR ".join(phrases)
    return (
        queryset.filter(Fts5Match(expression), search_document__isnull=False)
        .annotate(rank=Bm25())
        .order_by("-rank", "title")
    )


def _tsquery(phrases: set[Phrase]) -> str:
    return " | ".join(sorted(" <-> ".join(f"'{stem}'" for stem in phrase) for phrase in phrases))


def _raw(phrases: set[Phrase]) -> SearchQuery:
    return SearchQuery(_tsquery(phrases), search_type="raw", config=Value("simple"))


class TsRankSum(Expression):
    """Sum over weighted tsqueries of a saturated ts_rank_cd of the joined document's vector.

    One expression rather than a tree of them: a search ranks by up to MAX_RANKED queries,
    and the ORM would copy such a tree on every step of building the queryset.
    """

    output_field = FloatField()

    def __init__(self, terms: list[tuple[float, str]]):
        super().__init__()
        self.column = F("search_document__vector")
        self.terms = terms

    def get_source_expressions(self):
        return [self.column]

    def set_source_expressions(self, expressions):
        (self.column,) = expressions

    def as_sql(self, compiler, connection):
        vector, params = compiler.compile(self.column)
        weights = f"'{{0, {BODY}, {SUMMARY}, {NAMES}}}'::float4[]"
        # Cover density (ts_rank_cd) ranked the relevance set best of PostgreSQL's rankings;
        # r / (r + 1), written 1 - 1 / (1 + r) to compute r once, saturates it as bm25
        # saturates a word's frequency: one more word of the query counts for more than
        # the same word again.
        rank = f"ts_rank_cd({weights}, {vector}, to_tsquery('simple', %s))"
        # ts_rank_cd costs as much on a practice that lacks the words as on one that holds
        # them, phrases several times more: ask the far cheaper @@ first.
        term = f"CASE WHEN {vector} @@ to_tsquery('simple', %s) THEN %s * (1 - 1 / (1 + {rank}))"
        parts, values = [], []
        for weight, query in self.terms:
            parts.append(f"{term} ELSE 0 END")
            values += [*params, query, weight, *params, query]
        return "(" + " + ".join(parts) + ")", values


def postgresql(queryset: QuerySet, plan: SearchPlan) -> QuerySet:
    everything = set().union(*(concept.phrases for concept in plan.concepts))
    terms = [(weight, _tsquery(concept.phrases)) for weight, concept in _ranked_concepts(plan)]
    return (
        queryset.filter(search_document__vector=_raw(everything))
        .annotate(rank=TsRankSum(terms))
        .order_by("-rank", "title")
    )


def _ranked_concepts(plan: SearchPlan) -> list[tuple[float, Concept]]:
    """Return the concepts worth ranking by, with their weights, rarest first.

    Each costs a ts_rank_cd per matching practice, and a word that nearly every practice
    holds (diaspora) weighs next to nothing: rank by the rarer ones, at most a handful.
    """
    weighted = sorted(
        (
            (_inverse_document_frequency(plan.document_count(concept), plan.total), concept)
            for concept in plan.concepts
        ),
        key=lambda item: -item[0],
    )
    kept = [item for item in weighted if item[0] >= MIN_WEIGHT][:MAX_RANKED]
    return kept or weighted[:1]


def _inverse_document_frequency(count: int, total: int) -> float:
    """Return BM25's idf: near zero for a word every practice has, high for a rare one."""
    count = min(count, total)
    return math.log(1 + (total - count + 0.5) / (count + 0.5))


def practices_holding(phrases: set[Phrase]) -> list[int]:
    """Return the ids of the practices whose documents hold any of the phrases."""
    if not phrases:
        return []
    if connection.vendor == "postgresql":
        sql = "SELECT rowid FROM compendium_searchdocument WHERE vector @@ to_tsquery('simple', %s)"
        expression = _tsquery(phrases)
    else:
        sql = "SELECT rowid FROM compendium_searchdocument WHERE compendium_searchdocument MATCH %s"
        expression = " OR ".join(sorted(_fts5(phrase) for phrase in phrases))
    with connection.cursor() as cursor:
        cursor.execute(sql, [expression])
        return [row[0] for row in cursor.fetchall()]
