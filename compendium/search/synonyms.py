"""Synonym groups as the query reads them: every wording of a group, stemmed three ways.

Editors change the groups in the admin (SearchSynonym). Each process keeps the groups
ready to match and rebuilds them when the table changes: a query asks for the table's
row count and latest change, one cheap query.
"""

import threading
from dataclasses import dataclass, field
from functools import lru_cache

from django.db.models import Count, Max

from ..models import SearchSynonym
from . import text

Phrase = tuple[str, ...]
MAX_PHRASE_WORDS = 6


@lru_cache(maxsize=50_000)
def phrases(wording: str) -> frozenset[Phrase]:
    """Return the stem sequences a wording may take in the index (one per language)."""
    words = text.words(wording)
    if not words:
        # A wording of stop words only (US, "on"): keep its folded words as they are.
        words = [w for w in map(text.fold, text.raw_words(wording)) if len(w) > 1]
    if not words or len(words) > MAX_PHRASE_WORDS:
        return frozenset()
    return frozenset(
        tuple(text.stem(word, language) for word in words) for language in text.LANGUAGES
    )


# A group's token in the index: "þ" never begins a word of the texts (see text.words),
# and both databases' tokenisers keep "þ12" whole.
TOKEN_MARK = "þ"


def token_of(pk: int) -> str:
    return f"{TOKEN_MARK}{pk}"


@dataclass
class Group:
    """One synonym group: its slug, its token in the index and the phrases of its wordings.

    A practice that holds any wording of the group also holds its token, once per
    occurrence: a search for the group then weighs all its wordings as one word.
    """

    slug: str
    token: str
    phrases: set[Phrase]


@dataclass
class SynonymIndex:
    """The active groups, findable by any phrase of any of their wordings."""

    groups: list[Group] = field(default_factory=list)
    by_phrase: dict[Phrase, list[int]] = field(default_factory=dict)
    # Folded words of every wording: a word that a group knows is not misspelt.
    words: dict[str, str] = field(default_factory=dict)

    longest: int = 1
    # Texts already read with these groups: bulk loads repeat names and texts many times.
    _read: dict[tuple[str, str], tuple] = field(default_factory=dict)

    def add(self, pk: int, slug: str, wordings: list[str]) -> None:
        group = Group(slug, token_of(pk), set())
        for wording in wordings:
            found = phrases(wording)
            group.phrases |= found
            for word in text.words(wording):
                self.words.setdefault(word, wording)
        if not group.phrases:
            return
        self.groups.append(group)
        for phrase in group.phrases:
            self.by_phrase.setdefault(phrase, []).append(len(self.groups) - 1)
            self.longest = max(self.longest, len(phrase))

    def read(self, value: str, language: str) -> tuple[list, list[str], list[str]]:
        """Return a text's (word, stem) pairs, what the index holds of it, and its group tokens."""
        key = (value, language)
        if key not in self._read:
            if len(self._read) > 20_000:
                self._read.clear()
            found = text.tokens(value, language)
            stems = [stem for _word, stem in found]
            tokens = self.tokens_in(stems)
            self._read[key] = (found, stems + tokens, tokens)
        return self._read[key]

    def tokens_in(self, stems: list[str]) -> list[str]:
        """Return the tokens of the groups whose wordings occur in a text's stems, per match."""
        tokens = []
        for start in range(len(stems)):
            for end in range(start + 1, min(len(stems), start + self.longest) + 1):
                for i in self.by_phrase.get(tuple(stems[start:end]), ()):
                    tokens.append(self.groups[i].token)
        return tokens

    def find(self, words: list[str]) -> list[tuple[int, int, list[Group]]]:
        """Return (start, end, groups) for each run of the words that a group names."""
        found = []
        for start in range(len(words)):
            for end in range(min(len(words), start + MAX_PHRASE_WORDS), start, -1):
                groups = self.groups_of(words[start:end])
                if groups:
                    found.append((start, end, groups))
        return found

    def groups_of(self, words: list[str]) -> list[Group]:
        """Return the groups one of whose wordings these folded words are, in any language."""
        indexes: list[int] = []
        for language in text.LANGUAGES:
            phrase = tuple(text.stem(word, language) for word in words)
            indexes += [i for i in self.by_phrase.get(phrase, ()) if i not in indexes]
        return [self.groups[i] for i in indexes]


_lock = threading.Lock()
_cached: tuple[tuple, SynonymIndex] | None = None


def current() -> SynonymIndex:
    """Return the synonym index of the groups as they are now in the database."""
    state = SearchSynonym.objects.aggregate(count=Count("pk"), latest=Max("updated_at"))
    version = (state["count"], state["latest"])
    global _cached
    with _lock:
        if _cached is None or _cached[0] != version:
            index = SynonymIndex()
            rows = SearchSynonym.objects.filter(is_active=True).values_list("pk", "slug", "terms")
            for pk, slug, terms in rows if state["count"] else ():
                index.add(pk, slug, [line.strip() for line in terms.splitlines() if line.strip()])
            _cached = (version, index)
        return _cached[1]
