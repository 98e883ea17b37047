"""From what a reader typed to what the index is asked: concepts, synonyms, corrections.

Each meaningful word of the query becomes a concept: the stems under which the index
holds it, in any of the three languages, plus what its synonym groups add. A word the
index does not know is read as the beginning of a word (remit), a part of a longer one
(bayan) or a misspelling (remmitances), in that order. A result needs to match one
concept, and ranks by how many it matches and how well, so a long question never
empties the list.
"""

import re
from dataclasses import dataclass, field

from . import indexing, synonyms, text, vocabulary
from .synonyms import Phrase

MAX_QUERY_CHARACTERS = 500
MAX_QUERY_WORDS = 24
MAX_CORRECTED_WORDS = 6
MIN_PREFIX = 3
MAX_COMPLETIONS = 6
MIN_PART = 4
# Control characters, NUL included, are never part of what someone means to search.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_WORD = re.compile(r"[^\W_]+")


@dataclass
class Concept:
    """One thing the query asks for, as the index may hold it."""

    label: str
    phrases: set[Phrase] = field(default_factory=set)

    def stems(self) -> set[str]:
        return {stem for phrase in self.phrases for stem in phrase}


@dataclass
class SearchPlan:
    """What a query asks of the index, and the corrected query if it had to guess."""

    query: str
    concepts: list[Concept] = field(default_factory=list)
    corrections: dict[str, str] = field(default_factory=dict)
    # How many published practices hold each stem that the concepts use, and in all.
    counts: dict[str, int] = field(default_factory=dict)
    published: int = 0
    # Stems of the synonyms the query matched, which the index holds as group tokens:
    # what a snippet marks besides the query's own words.
    synonym_stems: set[str] = field(default_factory=set)

    def learn(self, entries: list[vocabulary.Word]) -> list[vocabulary.Word]:
        """Note the document counts of vocabulary entries; return the entries."""
        for entry in entries:
            self.counts[entry.stem] = max(self.counts.get(entry.stem, 0), entry.document_count)
        return entries

    @property
    def total(self) -> int:
        """Return the number of published practices, or a floor of it if no word was known."""
        return max(self.published, *self.counts.values(), 1)

    def document_count(self, concept: Concept) -> int:
        """Return about how many practices hold the concept: its most common phrase's count."""
        return max(
            (min(self.counts.get(stem, 0) for stem in phrase) for phrase in concept.phrases),
            default=0,
        )

    @property
    def is_empty(self) -> bool:
        return not any(concept.phrases for concept in self.concepts)

    @property
    def suggestion(self) -> str:
        """Return the query with its misspelt words corrected, or "" if none was."""
        if not self.corrections:
            return ""
        return _WORD.sub(
            lambda match: self.corrections.get(text.fold(match[0]), match[0]), self.query
        )

    def stems(self) -> set[str]:
        return set().union(*(concept.stems() for concept in self.concepts))


def clean(query: str) -> str:
    """Return the query without control characters, trimmed to a length worth reading."""
    return " ".join(_CONTROL.sub(" ", query)[:MAX_QUERY_CHARACTERS].split())


def analyse(query: str) -> SearchPlan:
    """Return the plan of a query: at most a handful of database look-ups."""
    indexing.flush()  # the vocabulary must include this thread's own last writes
    plan = SearchPlan(clean(query))
    words = text.words(plan.query)[:MAX_QUERY_WORDS]
    if not words:
        return plan
    index = synonyms.current()
    matches = index.find(words)
    for _start, _end, groups in matches:
        for group in groups:
            plan.synonym_stems |= {stem for phrase in group.phrases for stem in phrase}
    candidates = [_own_phrases(word) for word in words]
    expansions = [
        (start, end, {(group.token,) for group in groups}) for start, end, groups in matches
    ]
    present = _present_stems(plan, candidates, [phrases for _s, _e, phrases in expansions], words)
    plan.published = present.published
    concepts = [
        Concept(word, _kept(own, present)) for word, own in zip(words, candidates, strict=True)
    ]
    concepts += _synonym_concepts(concepts, words, expansions, present)
    _complete(plan, concepts[: len(words)], present.completions)
    understood = {i for start, end, _groups in matches for i in range(start, end)}
    strange = [i for i, c in enumerate(concepts) if not c.phrases and i not in understood]
    for i in strange[:MAX_CORRECTED_WORDS]:
        _guess(plan, concepts[i], index)
    concepts += _whole_query(words, present)
    plan.concepts = [concept for concept in concepts if concept.phrases]
    return plan


def _synonym_concepts(
    concepts: list[Concept], words: list[str], expansions: list, present: "_Present"
) -> list[Concept]:
    """Add a one-word synonym to its word's concept; return a concept for each longer one."""
    added = []
    for start, end, phrases in expansions:
        kept = _kept(phrases, present)
        if end - start == 1:
            concepts[start].phrases |= kept
        else:
            own = {tuple(text.stem(w, lang) for w in words[start:end]) for lang in text.LANGUAGES}
            added.append(Concept(" ".join(words[start:end]), kept | _kept(own, present)))
    return added


def _whole_query(words: list[str], present: "_Present") -> list[Concept]:
    """Return the query as one phrase, so that a practice that holds it as such ranks first."""
    if not 1 < len(words) <= synonyms.MAX_PHRASE_WORDS:
        return []
    whole = tuple(text.stem(word, "en") for word in words)
    if not all(stem in present.stems for stem in whole):
        return []
    return [Concept(" ".join(words), {whole})]


def _own_phrases(word: str) -> set[Phrase]:
    return {(stem,) for stem in text.stems(word)}


@dataclass
class _Present:
    stems: set[str]
    completions: dict[str, list[vocabulary.Word]]
    published: int


def _present_stems(plan: SearchPlan, candidates, expansions, words) -> _Present:
    """Ask the vocabulary, in one query, which of all these stems the index holds."""
    stems = set().union(*(_stems_of(phrases) for phrases in candidates))
    for phrases in expansions:
        stems |= _stems_of(phrases)
    prefixes = {word for word in words if len(word) >= MIN_PREFIX and not word.isdigit()}
    tokens = set().union(*expansions) if expansions else set()
    lookup = vocabulary.look_up(set(words) | _stems_of(tokens), stems, prefixes)
    entries = plan.learn(lookup.entries)
    by_word: dict[str, set[str]] = {}
    for entry in entries:
        by_word.setdefault(entry.word, set()).add(entry.stem)
    present = _Present({entry.stem for entry in entries}, lookup.completions, lookup.published)
    for word, phrases in zip(words, candidates, strict=True):
        # The index's own stem of the word, should no stemmer give it.
        phrases |= {(stem,) for stem in by_word.get(word, ())}
    return present


def _kept(phrases: set[Phrase], present: _Present) -> set[Phrase]:
    return {phrase for phrase in phrases if all(stem in present.stems for stem in phrase)}


def _complete(plan: SearchPlan, concepts: list[Concept], completions) -> None:
    """Read each word also as the beginning of longer ones, where those are more common.

    "remit" then finds remittances, while "cost" does not find Costa Rica: a word that is
    more common than its completions is taken as it is.
    """
    for concept in concepts:
        own = max((plan.counts.get(stem, 0) for stem in concept.stems()), default=0)
        more_common = [e for e in completions.get(concept.label, ()) if e.document_count > own]
        concept.phrases |= {(entry.stem,) for entry in plan.learn(more_common[:MAX_COMPLETIONS])}


def _guess(plan: SearchPlan, concept: Concept, index: synonyms.SynonymIndex) -> None:
    """Read an unknown word as a part or a misspelling of a known one."""
    word = concept.label
    if len(word) >= MIN_PART:
        concept.phrases |= {(e.stem,) for e in plan.learn(vocabulary.containing(word))}
    if concept.phrases:
        return
    corrected = _closest(word, index)
    if corrected is None:
        return
    plan.corrections[word] = corrected
    tokens = {group.token for group in index.groups_of([corrected])}
    found = plan.learn(vocabulary.known({corrected} | tokens, set()))
    concept.phrases |= {(entry.stem,) for entry in found}


def _stems_of(phrases: set[Phrase]) -> set[str]:
    return {stem for phrase in phrases for stem in phrase}


def _closest(word: str, index: synonyms.SynonymIndex) -> str | None:
    """Return the known word (of the vocabulary or of a synonym group) closest to a typo."""
    if len(word) < MIN_PART or word.isdigit():
        return None
    candidates = [
        (vocabulary.typo_distance(word, w.word), 0, w.word) for w in (vocabulary.similar_to(word))
    ]
    reach = vocabulary.allowed_typos(word)
    for known_word in index.words:
        if abs(len(known_word) - len(word)) <= reach and known_word[:1] == word[:1]:
            distance = vocabulary.typo_distance(word, known_word)
            if distance <= reach:
                candidates.append((distance, 1, known_word))
    return min(candidates)[2] if candidates else None
