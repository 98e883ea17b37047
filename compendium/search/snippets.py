"""Why a practice matched: the passage of its texts that holds most of the query, marked."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from . import text
from .query import SearchPlan

_SENTENCE = re.compile(r"(?<=[.!?;])\s+")
_PIECE = re.compile(r"[^\W_]+|[\W_]+")
MAX_WORDS = 40


def _matches(word: str, stems: set[str]) -> bool:
    for part in text.raw_words(word):
        folded = text.fold(part)
        if any(stem in stems for stem in text.stems(folded)):
            return True
    return False


def _score(sentence: str, stems: set[str]) -> tuple[int, int]:
    hits = [w for w in _PIECE.findall(sentence) if w[0].isalnum() and _matches(w, stems)]
    return len({text.fold(w) for w in hits}), len(hits)


def snippet(texts: list[str], plan: SearchPlan) -> SafeString:
    """Return the sentence that matches the query best, escaped, its matching words in <mark>.

    Return "" when no sentence holds a word of the query (a practice found by a name).
    """
    stems = plan.stems() | plan.synonym_stems
    sentences = [s for value in texts if value for s in _SENTENCE.split(value.strip())]
    scored = [(_score(sentence, stems), sentence) for sentence in sentences]
    if not scored:
        return mark_safe("")
    score, best = max(scored, key=lambda item: item[0])
    if score == (0, 0):
        return mark_safe("")
    return _marked(best, stems)


def _marked(sentence: str, stems: set[str]) -> SafeString:
    pieces = _PIECE.findall(sentence)
    words = [i for i, piece in enumerate(pieces) if piece[0].isalnum()]
    hits = [i for i in words if _matches(pieces[i], stems)]
    start = 0
    if len(words) > MAX_WORDS:
        # Keep a few words of context before the first hit.
        first = words.index(hits[0])
        start = words[max(0, min(first - 5, len(words) - MAX_WORDS))]
        end = words[min(len(words) - 1, words.index(start) + MAX_WORDS - 1)] + 1
    else:
        end = len(pieces)
    html = []
    for i in range(start, end):
        piece = escape(pieces[i])
        html.append(f"<mark>{piece}</mark>" if i in hits else piece)
    prefix = "… " if start else ""
    suffix = " …" if end < len(pieces) else ""
    return mark_safe(prefix + "".join(html).strip() + suffix)  # every piece is escaped
