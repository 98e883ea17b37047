"""Practices that an entry about to be created may duplicate: very close title or summary.

PostgreSQL measures trigram similarity (pg_trgm) in the database; SQLite has no such
function, so the titles and summaries are compared in Python with rapidfuzz (words in any
order, compared letter by letter), the same measure in spirit: near, not equal.
"""

from functools import partial

from django.contrib.postgres.search import TrigramSimilarity
from django.db import connection
from django.db.models.functions import Greatest
from rapidfuzz import fuzz, utils

from .models import Practice

TRIGRAM_THRESHOLD = 0.6  # pg_trgm similarity, 0 to 1
RATIO_THRESHOLD = 92  # rapidfuzz token-sort ratio, 0 to 100
# A short summary ("Matching.") says too little to make two practices alike.
SUMMARY_MIN_WORDS = 8
LIMIT = 5


def likely_duplicates(title: str, summary: str = "", *, exclude=None) -> list[Practice]:
    """Return up to LIMIT practices whose title or summary is very close, closest first."""
    candidates = Practice.objects.all()
    if exclude is not None:
        candidates = candidates.exclude(pk=exclude)
    title, summary = title.strip(), summary.strip()
    if len(summary.split()) < SUMMARY_MIN_WORDS:
        summary = ""
    if not title and not summary:
        return []
    if connection.vendor == "postgresql":
        scores = [TrigramSimilarity("title", title)] if title else []
        if summary:
            scores.append(TrigramSimilarity("summary", summary))
        score = Greatest(*scores) if len(scores) > 1 else scores[0]
        return list(
            candidates.annotate(closeness=score)
            .filter(closeness__gte=TRIGRAM_THRESHOLD)
            .order_by("-closeness", "title")
            .only("pk", "title", "slug", "editorial_status")[:LIMIT]
        )
    close = []
    for pk, other_title, other_summary in candidates.values_list("pk", "title", "summary"):
        closeness = similarity(title, summary, other_title, other_summary)
        if closeness >= RATIO_THRESHOLD:
            close.append((closeness, other_title, pk))
    close.sort(key=lambda item: (-item[0], item[1]))
    chosen = [pk for _closeness, _title, pk in close[:LIMIT]]
    found = Practice.objects.only("pk", "title", "slug", "editorial_status").in_bulk(chosen)
    return [found[pk] for pk in chosen]


def similarity(title: str, summary: str, other_title: str, other_summary: str) -> float:
    """Return how close two entries are, 0 to 100, by the closer of titles and summaries."""
    title, summary = title.strip(), summary.strip()
    if len(summary.split()) < SUMMARY_MIN_WORDS:
        summary = ""
    # Case and punctuation aside, as pg_trgm sets them aside.
    ratio = partial(fuzz.token_sort_ratio, processor=utils.default_process)
    return max(
        ratio(title, other_title) if title else 0,
        ratio(summary, other_summary) if summary and other_summary else 0,
    )


def alike(title: str, summary: str, other_title: str, other_summary: str) -> bool:
    """Whether two entries not yet in the database look like the same practice."""
    return similarity(title, summary, other_title, other_summary) >= RATIO_THRESHOLD
