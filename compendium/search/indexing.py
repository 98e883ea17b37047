"""Keep the search documents and the vocabulary in step with every write.

Signals note a practice when it or one of its rows changes; `update()` and
`bulk_create()` on practices do the same (see PracticeQuerySet). A practice is
reindexed once, however many of its rows a save touched: when the transaction commits
(at once outside one), or inside it at the end of a `batch()` (bulk loads use one), or
before the next search in the same thread, whichever is first.
"""

import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import islice

from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import F, Value

from .. import freshness
from ..models import Practice, SearchDocument, SearchWord
from . import documents, synonyms

CHUNK = 500
_pending = threading.local()
# PostgreSQL's weight letters for the document's columns, highest first.
WEIGHTS = dict(zip(documents.COLUMNS, "ABC", strict=True))


def batched(items: Iterable, size: int) -> Iterator[tuple]:
    """Yield the items in tuples of at most `size` (itertools.batched from Python 3.12)."""
    iterator = iter(items)
    while chunk := tuple(islice(iterator, size)):
        yield chunk


@contextmanager
def batch(*, rebuild_all: bool = False) -> Iterator[None]:
    """Collect the practices that change inside the block and reindex each once at its end.

    With rebuild_all, rebuild every document instead, as a load of the whole compendium
    does: it also renames vocabulary terms with update(), which sends no signal.
    """
    outer = getattr(_pending, "ids", None) is None
    if outer:
        _pending.ids = set()
    try:
        yield
        if outer:
            rebuild() if rebuild_all else reindex(_pending.ids | _queued())
            _pending.queued = set()
    finally:
        if outer:
            _pending.ids = None


def practices_changed(ids: Iterable[int]) -> None:
    """Note that these practices changed: reindex them at the end of the batch or transaction."""
    ids = {pk for pk in ids if pk is not None}
    if not ids:
        return
    if getattr(_pending, "ids", None) is not None:
        _pending.ids |= ids
        return
    queued = _queued()
    queued |= ids
    # Outside a transaction this runs at once; after a rollback, the next flush does it.
    # Robust: the data is committed by then, and a failed reindex is logged and retried
    # by the next flush rather than turned into an error page.
    transaction.on_commit(flush, robust=True)


def _queued() -> set[int]:
    if getattr(_pending, "queued", None) is None:
        _pending.queued = set()
    return _pending.queued


def flush() -> None:
    """Reindex the practices noted since the last flush in this thread."""
    queued = _queued()
    if queued:
        ids, _pending.queued = set(queued), set()
        try:
            reindex(ids)
        except Exception:
            _queued().update(ids)
            raise
        # The index is written after the commit that changed the practices, and so after
        # that commit moved the version on: answers cached meanwhile predate the index.
        freshness.touch()


def reindex(ids: Iterable[int]) -> None:
    """Rewrite the documents of these practices and move the vocabulary's counts with them."""
    for chunk in batched(sorted(set(ids)), CHUNK):
        with transaction.atomic():
            _reindex_chunk(list(chunk))


def rebuild() -> int:
    """Rewrite every document and the whole vocabulary; return the number of documents."""
    with transaction.atomic():
        _delete(SearchDocument.objects.all())
        _delete(SearchWord.objects.all())
        vocabulary: Counter[str] = Counter()
        ids = list(Practice.objects.order_by("pk").values_list("pk", flat=True))
        for chunk in batched(ids, CHUNK):
            for entries in _write(list(chunk)):
                vocabulary.update(entries)
        SearchWord.objects.bulk_create(
            (_word(entry, count) for entry, count in vocabulary.items()), batch_size=2000
        )
        _refresh_statistics()
    return len(ids)


def _refresh_statistics() -> None:
    """Tell the planner how large the index is now: without it SQLite runs a search once
    per practice rather than once per query (its default guess is ten rows a table)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("ANALYZE")
        else:
            cursor.execute("ANALYZE compendium_searchdocument, compendium_searchword")


def _reindex_chunk(ids: list[int]) -> None:
    old = SearchDocument.objects.filter(pk__in=ids)
    if connection.vendor == "postgresql":
        old = old.select_for_update()  # two writers of one practice apply their deltas in turn
    before: Counter[str] = Counter()
    for entries in old.values_list("words", flat=True):
        before.update(entries.split())
    _delete(SearchDocument.objects.filter(pk__in=ids))
    after: Counter[str] = Counter()
    for entries in _write(ids):
        after.update(entries)
    _move_vocabulary(after - before, before - after)


def _write(ids: list[int]) -> list[set[str]]:
    """Write the documents of these practices; return the vocabulary entries of each.

    An entry is "word:stem"; only published practices have entries, so that the words
    offered as corrections never come from a draft.
    """
    practices = documents.with_indexed_rows(Practice.objects.filter(pk__in=ids))
    index = synonyms.current()
    rows, entries = [], []
    for practice in practices:
        document = documents.build(practice, index)
        words = set()
        if practice.is_published:
            words = {f"{w}:{s}" for w, s in document.pairs} | {f"{t}:{t}" for t in document.groups}
        texts = {column: document.text(column) for column in documents.COLUMNS}
        if connection.vendor == "postgresql":
            # The vector only: without its texts it fits in its row (migration 0011).
            texts = {"vector": _weighted_vector(texts)}
        rows.append(SearchDocument(practice_id=practice.pk, words=" ".join(sorted(words)), **texts))
        entries.append(words)
    SearchDocument.objects.bulk_create(rows, batch_size=CHUNK)
    return entries


def _delete(rows) -> None:
    # A plain DELETE: the ORM's would fetch every row to send signals nobody needs here.
    rows._raw_delete(rows.db)


def _word(entry: str, count: int = 0) -> SearchWord:
    word, stem = entry.split(":")
    return SearchWord(entry=entry, word=word, stem=stem, document_count=count)


def _weighted_vector(texts: dict[str, str]) -> SearchVector:
    # The texts hold stems already: the 'simple' configuration only splits them.
    vectors = [
        SearchVector(Value(texts[column]), config=Value("simple"), weight=weight)
        for column, weight in WEIGHTS.items()
    ]
    combined = vectors[0]
    for vector in vectors[1:]:
        combined = combined + vector
    return combined


def _move_vocabulary(gained: Counter, lost: Counter) -> None:
    if gained:
        SearchWord.objects.bulk_create(map(_word, gained), ignore_conflicts=True, batch_size=2000)
    by_change: dict[int, list[str]] = {}
    for entry, count in gained.items():
        by_change.setdefault(count, []).append(entry)
    for entry, count in lost.items():
        by_change.setdefault(-count, []).append(entry)
    for change, entries in by_change.items():
        for part in batched(entries, 2000):
            SearchWord.objects.filter(entry__in=part).update(
                document_count=F("document_count") + change
            )
    for part in batched(lost, 2000):
        _delete(SearchWord.objects.filter(entry__in=part, document_count__lte=0))


def delete(ids: Iterable[int]) -> None:
    """Drop the documents of deleted practices and their share of the vocabulary."""
    ids = list(ids)
    with transaction.atomic():
        before: Counter[str] = Counter()
        for entries in SearchDocument.objects.filter(pk__in=ids).values_list("words", flat=True):
            before.update(entries.split())
        _delete(SearchDocument.objects.filter(pk__in=ids))
        _move_vocabulary(Counter(), before)
