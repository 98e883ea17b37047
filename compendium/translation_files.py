"""The shipped French and Spanish practice texts: reading the files and checking them.

`fixtures/translations/practices/<language>/<part>.yaml` translates
`fixtures/practices/<part>.yaml`. It maps each practice slug to its translated fields (only
those filled in English), an optional `key_figures` mapping from each English label to its
translation, and an optional `kept_as_names` list of fields that are proper names and so may
read as in English.
"""

import re
from collections import Counter
from collections.abc import Collection
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Prefetch

from .models import Practice, PracticeTranslation
from .models.translations import TRANSLATED_FIELDS, digest
from .yamlfiles import read_yaml

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"
TRANSLATIONS_DIR = FIXTURES_DIR / "translations" / "practices"
LANGUAGES = ["fr", "es"]

# A thousands separator between digit groups (1,000 / 1 000 / 1.000) is dropped before the
# numbers are compared, so that each language may write figures its own way.
_THOUSANDS = re.compile(r"(?<=\d)[,.\u00a0\u202f ](?=\d{3}(?!\d))")
_NUMBER = re.compile(r"\d+")


def numbers(text: str) -> Counter:
    """Return the digit groups of a text, whatever separators its language writes."""
    return Counter(_NUMBER.findall(_THOUSANDS.sub("", text)))


def english_parts() -> dict[str, dict[str, dict]]:
    """Return, per practices file stem, each practice's English texts and key figure labels."""
    parts = {}
    for path in sorted((FIXTURES_DIR / "practices").glob("*.yaml")):
        practices = {}
        for row in read_yaml(path) or []:
            fields = row["fields"]
            if row["model"] == "compendium.practice":
                practices[fields["slug"]] = {
                    "texts": {name: fields.get(name) or "" for name in TRANSLATED_FIELDS},
                    "key_figures": [],
                }
            elif row["model"] == "compendium.keyfigure":
                practices[fields["practice"][0]]["key_figures"].append(fields["label"])
        if practices:
            parts[path.stem] = practices
    return parts


def translation_path(language: str, part: str) -> Path:
    return TRANSLATIONS_DIR / language / f"{part}.yaml"


def read_translations(language: str, part: str) -> dict[str, dict]:
    path = translation_path(language, part)
    if not path.exists():
        return {}
    return read_yaml(path) or {}


def problems(language: str, part: str, english: dict[str, dict]) -> list[str]:
    """Return what is wrong with one translation file, one message per practice and field."""
    found = []
    translated = read_translations(language, part)
    where = f"{language}/{part}.yaml"
    for slug in translated.keys() - english.keys():
        found.append(f"{where}: {slug}: no such practice in {part}.yaml")
    for slug, source in english.items():
        entry = translated.get(slug)
        if not isinstance(entry, dict):
            found.append(f"{where}: {slug}: missing")
            continue
        kept = set(entry.get("kept_as_names") or [])
        for field, text in source["texts"].items():
            found.extend(
                f"{where}: {slug}: {field}: {message}"
                for message in _text_problems(text, entry.get(field) or "", field in kept)
            )
        labels = entry.get("key_figures") or {}
        for label in source["key_figures"]:
            found.extend(
                f"{where}: {slug}: key figure {label!r}: {message}"
                for message in _text_problems(label, labels.get(label) or "", False)
            )
        for label in labels.keys() - set(source["key_figures"]):
            found.append(f"{where}: {slug}: key figure {label!r}: no such English label")
    return found


def _text_problems(english: str, translated: str, is_name: bool) -> list[str]:
    english, translated = english.strip(), translated.strip()
    if not english:
        return ["English is empty, so leave this out"] if translated else []
    if not translated:
        return ["not translated"]
    messages = []
    if translated == english and not is_name:
        messages.append("identical to the English (list it under kept_as_names if a name)")
    lost = numbers(english) - numbers(translated)
    added = numbers(translated) - numbers(english)
    if lost or added:
        messages.append(
            f"numbers differ: English has {sorted(lost.elements())} more, "
            f"translation has {sorted(added.elements())} more"
        )
    return messages


def all_problems(languages=LANGUAGES, parts=None) -> list[str]:
    english = english_parts()
    return [
        message
        for language in languages
        for part, practices in english.items()
        if parts is None or part in parts
        for message in problems(language, part, practices)
    ]


class PracticeTranslationFileError(Exception):
    """A practice translation file names a practice or key figure that does not exist."""


def load_practice_translations(
    *, directory: Path | None = None, spared: Collection[str] = ()
) -> dict[str, int]:
    """Write the shipped practice texts; return how many were written, kept and unchanged.

    A translation that an editor changed since it was last loaded (its texts no longer
    match `loaded_digest`) is kept as the editor left it, and so are the translations of
    the spared practices (see content.saved_since_last_load), which may be gone.
    """
    counts = {"written": 0, "kept": 0, "unchanged": 0}
    directory = directory or TRANSLATIONS_DIR
    for language in LANGUAGES:
        for path in sorted((directory / language).glob("*.yaml")):
            entries = read_yaml(path) or {}
            practices = Practice.objects.filter(slug__in=list(entries)).prefetch_related(
                "key_figures",
                Prefetch(
                    "translations",
                    PracticeTranslation.objects.filter(language=language),
                    to_attr="shipped_language",
                ),
            )
            by_slug = {practice.slug: practice for practice in practices}
            for slug, entry in entries.items():
                where = f"{language}/{path.name}"
                if slug in spared:
                    counts["kept"] += 1
                    continue
                if slug not in by_slug:
                    raise PracticeTranslationFileError(f"{where}: no practice {slug!r}")
                counts[_load_one(language, where, by_slug[slug], entry)] += 1
    return counts


def _load_one(language: str, where: str, practice: Practice, entry: dict) -> str:
    slug = practice.slug
    figures = {figure.label: figure for figure in practice.key_figures.all()}
    labels = entry.get("key_figures") or {}
    for label in labels.keys() - figures.keys():
        raise PracticeTranslationFileError(f"{where}: {slug}: no key figure {label!r}")
    texts = {field: (entry.get(field) or "").strip() for field in TRANSLATED_FIELDS}
    shipped = _texts_digest(texts, labels)
    row = next(iter(practice.shipped_language), None)
    if row is not None:
        current = _texts_digest(
            {field: getattr(row, field) for field in TRANSLATED_FIELDS},
            {label: getattr(figure, f"label_{language}") for label, figure in figures.items()},
        )
        if current == shipped:
            return "unchanged"
        if current != row.loaded_digest:
            return "kept"
    else:
        row = PracticeTranslation(practice=practice, language=language)
    for field, text in texts.items():
        setattr(row, field, text)
    row.status = entry.get("status", PracticeTranslation.Status.DRAFT)
    row.loaded_digest = shipped
    try:
        row.full_clean(exclude=["practice"], validate_unique=False)
    except ValidationError as error:
        fields = "; ".join(f"{name}: {' '.join(text)}" for name, text in error.message_dict.items())
        raise PracticeTranslationFileError(f"{where}: {slug}: {fields}") from None
    row.save()
    column = f"label_{language}"
    for label, figure in figures.items():
        if getattr(figure, column) != labels.get(label, ""):
            setattr(figure, column, labels.get(label, ""))
            figure.save(update_fields=[column])
    return "written"


def _texts_digest(texts: dict, labels: dict) -> str:
    return digest(
        [texts.get(field) or "" for field in TRANSLATED_FIELDS],
        sorted((label, text or "") for label, text in labels.items() if text),
    )
