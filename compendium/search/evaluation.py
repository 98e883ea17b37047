"""How well the search finds what people mean: recall@10, MRR and empty answers on a query set.

A query set is a YAML list of {query, kind, relevant: [slugs]} (tests/search_relevance.yaml).
Queries run through the practice list's own filter, so the order scored is the page's.
"""

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.db import connection
from django.http import QueryDict

from ..filters import PracticeFilter
from ..models import Practice

TOP = 10


@dataclass(frozen=True)
class Judgement:
    query: str
    kind: str
    relevant: tuple[str, ...]


@dataclass
class Scores:
    """Sums over queries, turned into means by the properties."""

    queries: int = 0
    recall: float = 0.0
    reciprocal_rank: float = 0.0
    empty: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, judgement: Judgement, ranked: list[str]) -> None:
        relevant = set(judgement.relevant)
        top = ranked[:TOP]
        self.queries += 1
        self.recall += len(relevant & set(top)) / min(len(relevant), TOP)
        first = next((rank for rank, slug in enumerate(ranked, 1) if slug in relevant), None)
        self.reciprocal_rank += 1 / first if first else 0.0
        self.empty += not ranked
        if not first or first > 3:
            self.misses.append(judgement.query)

    @property
    def recall_at_10(self) -> float:
        return self.recall / self.queries if self.queries else 0.0

    @property
    def mrr(self) -> float:
        return self.reciprocal_rank / self.queries if self.queries else 0.0

    @property
    def zero_result_rate(self) -> float:
        return self.empty / self.queries if self.queries else 0.0


def load_judgements(path: Path) -> list[Judgement]:
    """Read a query set."""
    return [
        Judgement(str(row["query"]), row["kind"], tuple(row["relevant"]))
        for row in yaml.safe_load(path.read_text(encoding="utf-8"))
    ]


def _searched(query: str):
    data = QueryDict(mutable=True)
    data["q"] = query
    return PracticeFilter(data, queryset=Practice.objects.published()).qs


def ranked_slugs(query: str, limit: int = 50) -> list[str]:
    """Return the slugs the practice list shows for a search, in the page's order."""
    return list(_searched(query).values_list("slug", flat=True)[:limit])


def first_page(query: str, size: int = 20) -> tuple[int, list]:
    """Do what the list page does for a search, but facets: count, then fetch one page."""
    practices = _searched(query)
    return practices.count(), list(practices[:size])


def evaluate(judgements: list[Judgement]) -> dict[str, Scores]:
    """Score every query; return the scores of all of them ("all") and of each kind."""
    scores = {"all": Scores()}
    for judgement in judgements:
        ranked = ranked_slugs(judgement.query)
        scores["all"].add(judgement, ranked)
        scores.setdefault(judgement.kind, Scores()).add(judgement, ranked)
    return scores


def report(scores: dict[str, Scores]) -> str:
    """Return the scores as a small table, with the database they were measured on."""
    lines = [
        f"Search relevance on {connection.vendor}",
        f"{'kind':<14} {'queries':>7} {'recall@10':>9} {'MRR':>6} {'empty':>6}",
    ]
    for kind, score in scores.items():
        lines.append(
            f"{kind:<14} {score.queries:>7} {score.recall_at_10:>9.3f} {score.mrr:>6.3f} "
            f"{score.zero_result_rate:>6.1%}"
        )
    misses = scores["all"].misses
    if misses:
        lines.append(f"first relevant answer below 3rd place or absent: {'; '.join(misses)}")
    return "\n".join(lines)
