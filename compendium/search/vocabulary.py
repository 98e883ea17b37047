"""The words of the published practices: which a query knows, and what a strange one may mean.

Exact look-ups, prefixes and parts of words read the vocabulary table on both databases;
near spellings come from a trigram index (pg_trgm on PostgreSQL, an FTS5 trigram table
on SQLite) and are then scored here, the same way for both.
"""

from dataclasses import dataclass

from django.db import connection
from django.db.models import Func, Q, Subquery
from django.db.models.functions import Length
from rapidfuzz.distance import DamerauLevenshtein

from ..models import Practice, SearchWord
from .synonyms import TOKEN_MARK

CANDIDATES = 40
SHORT_WORD = 8


@dataclass(frozen=True)
class Word:
    """A vocabulary word, its stem in the index and how many published practices use it."""

    word: str
    stem: str
    document_count: int


def _rows(queryset) -> list[Word]:
    return [Word(*row) for row in queryset.values_list("word", "stem", "document_count")]


@dataclass
class Lookup:
    """What the vocabulary holds of a query's words, and how many practices are published."""

    entries: list[Word]
    completions: dict[str, list[Word]]
    published: int


def look_up(words: set[str], stems: set[str], prefixes: set[str]) -> Lookup:
    """Return, in one query, the entries with these words or stems and the completions of
    the prefixes (the longer words that begin with each, most used first)."""
    condition = Q(word__in=words) | Q(stem__in=stems)
    for prefix in prefixes:
        condition |= Q(word__startswith=prefix)
    published = Practice.objects.published().order_by().values(n=Func("pk", function="COUNT"))
    rows = (
        SearchWord.objects.filter(condition)
        .annotate(published=Subquery(published))
        .order_by("-document_count", "word")
        .values_list("word", "stem", "document_count", "published")
    )
    lookup = Lookup([], {prefix: [] for prefix in prefixes}, 0)
    for word, stem, count, lookup.published in rows:
        entry = Word(word, stem, count)
        if word in words or stem in stems:
            lookup.entries.append(entry)
        if word.startswith(TOKEN_MARK):
            continue
        for prefix in prefixes:
            if word.startswith(prefix) and word != prefix:
                lookup.completions[prefix].append(entry)
    return lookup


def known(words: set[str], stems: set[str]) -> list[Word]:
    """Return the vocabulary entries that have one of these words or stems."""
    if not words and not stems:
        return []
    return _rows(SearchWord.objects.filter(Q(word__in=words) | Q(stem__in=stems)))


def containing(part: str, limit: int = 8) -> list[Word]:
    """Return the most used words that contain the part (BaLinkBayan for bayan)."""
    matches = SearchWord.objects.filter(word__contains=part).exclude(word__startswith=TOKEN_MARK)
    return _rows(matches.order_by("-document_count", "word")[:limit])


def similar_to(word: str) -> list[Word]:
    """Return the words spelt most like this one, closest first, each within reach of a typo."""
    found = [
        candidate
        for candidate in _neighbours(word)
        if DamerauLevenshtein.distance(word, candidate.word) <= allowed_typos(word)
        and not candidate.word.startswith(TOKEN_MARK)
    ]
    return sorted(found, key=lambda c: (typo_distance(word, c.word), -c.document_count, c.word))


def allowed_typos(word: str) -> int:
    """Return how many slips a word of this length may hold and still be recognised."""
    return 1 if len(word) < 7 else 2 if len(word) < 12 else 3


def typo_distance(typed: str, word: str) -> float:
    """Return the edit distance, a slip in the first letter counting more."""
    return DamerauLevenshtein.distance(typed, word) + (0.5 if typed[:1] != word[:1] else 0)


def _neighbours(word: str) -> list[Word]:
    """Return candidate corrections: words sharing trigrams, and for a short word (whose
    trigrams a single slip breaks) the words of about its length and first letter."""
    found = _trigram_neighbours(word)
    if len(word) < SHORT_WORD:
        nearby = SearchWord.objects.annotate(length=Length("word")).filter(
            word__startswith=word[0], length__gte=len(word) - 1, length__lte=len(word) + 1
        )
        found += _rows(nearby.order_by("-document_count")[:CANDIDATES])
    return found


def _trigram_neighbours(word: str) -> list[Word]:
    if connection.vendor == "postgresql":
        sql = """
            SELECT word, stem, document_count FROM compendium_searchword
            WHERE lower(word) %% %s
            ORDER BY similarity(lower(word), %s) DESC, document_count DESC LIMIT %s
        """
        params = [word, word, CANDIDATES]
    else:
        trigrams = {word[i : i + 3] for i in range(len(word) - 2)}
        if not trigrams:
            return []
        sql = """
            SELECT w.word, w.stem, w.document_count
            FROM compendium_searchword_trigram AS t
            JOIN compendium_searchword AS w ON w.id = t.rowid
            WHERE compendium_searchword_trigram MATCH %s
            ORDER BY bm25(compendium_searchword_trigram), w.document_count DESC LIMIT %s
        """
        params = [" OR ".join(f'"{trigram}"' for trigram in sorted(trigrams)), CANDIDATES]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [Word(*row) for row in cursor.fetchall()]
