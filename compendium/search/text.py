"""Words as the search sees them: folded, split, stripped of stop words and stemmed.

The same functions prepare what is indexed and what is asked, on every database, so a
query finds the same words on SQLite and PostgreSQL. Stemming is Snowball's, the
algorithm behind PostgreSQL's own English, French and Spanish configurations.
"""

import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path

import snowballstemmer

LANGUAGES = ("en", "fr", "es")
_STEMMERS = {
    "en": snowballstemmer.stemmer("english"),
    "fr": snowballstemmer.stemmer("french"),
    "es": snowballstemmer.stemmer("spanish"),
}
# Letters and digits; apostrophes, hyphens and every other sign separate words.
_WORD = re.compile(r"[^\W_]+")
# Inner capitals mark the parts of a compound name: BaLinkBayan, YouLeaD, mandaSoldi.
_COMPOUND_PART = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
# Hyphenated names are also written joined: M-PESA and mpesa, co-development and codevelopment.
_HYPHENATED = re.compile(r"[^\W_]+(?:[-\u2010\u2011][^\W_]+)+")
MAX_WORD_LENGTH = 60


def fold(text: str) -> str:
    """Return the text in lower case without accents: Diáspora and diaspora are one word."""
    # Thorn marks synonym tokens in the index (synonyms.TOKEN_MARK): spell it out.
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("þ", "th"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@cache
def stop_words() -> frozenset[str]:
    """Return the stop words of the three languages, folded: none of them is indexed."""
    words = set()
    for language in LANGUAGES:
        path = Path(__file__).with_name("stopwords") / f"{language}.txt"
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                words.add(fold(line.strip()))
    return frozenset(words)


@lru_cache(maxsize=200_000)
def stem(word: str, language: str) -> str:
    """Return the Snowball stem of a folded word in one of the three languages."""
    return _STEMMERS[language].stemWord(word)


def stems(word: str) -> set[str]:
    """Return the word's stems in all three languages: a query's language is unknown."""
    return {stem(word, language) for language in LANGUAGES}


def raw_words(text: str) -> list[str]:
    """Return the words of a text as written, each compound name followed by its parts,
    and each hyphenated name by its joined form."""
    found = []
    joined = {match.end(): _WORD.findall(match[0]) for match in _HYPHENATED.finditer(text)}
    for match in _WORD.finditer(text):
        word = match[0]
        found.append(word)
        parts = _COMPOUND_PART.findall(word)
        if len(parts) > 1 and "".join(parts) == word:
            found.extend(parts)
        if match.end() in joined:
            found.append("".join(joined[match.end()]))
    return found


def words(text: str) -> list[str]:
    """Return the folded words of a text that carry meaning: no stop words, no single letters.

    A word in capitals (US, IT) is an acronym rather than a stop word and stays.
    """
    kept = []
    for word in raw_words(text):
        folded = fold(word)[:MAX_WORD_LENGTH]
        if len(folded) < 2:
            continue
        if folded in stop_words() and not (word.isupper() and len(word) > 1):
            continue
        kept.append(folded)
    return kept


def tokens(text: str, language: str) -> list[tuple[str, str]]:
    """Return (word, stem) pairs of a text written in the language, in reading order."""
    return [(word, stem(word, language)) for word in words(text)]
