"""The compendium's shipped content: which fixture files make it up, in loading order."""

import hashlib
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import transaction
from django.db.models.signals import pre_save

from .freshness import touch
from .models import PRACTICE_ROWS, ContentLoad, Practice, SearchSynonym
from .models.links import WebAddressField
from .search import indexing
from .translation_files import load_practice_translations
from .yamlfiles import read_yaml, write_yaml

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"

# The parts of the 2013 conference report, in reading order: the values of a
# source reference's chapter.
REPORT_PARTS = [
    "Foreword",
    "Introduction",
    "Deliberations and recommendations",
    "Chapter 1",
    "Chapter 2",
    "Chapter 3",
    "Chapter 4",
    "Chapter 5",
    "Conclusion",
    "Annex",
]


def fixture_files() -> list[Path]:
    """Return the vocabularies and organisations first, then every practices file in name order."""
    shared = ["vocabularies.yaml", "gcm_objectives.yaml", "organisations.yaml"]
    return [FIXTURES_DIR / name for name in shared] + sorted(
        (FIXTURES_DIR / "practices").glob("*.yaml")
    )


def load_compendium(*, verbosity: int = 1, overwrite_edits: bool = False) -> list[str]:
    """Load every fixture file in one transaction; return the slugs of the practices spared.

    Rows are matched by natural key, so loading again updates them in place instead of
    adding duplicates, and leaves rows that editors added alone. A shipped practice that
    was saved since the last load (edited, imported, published, archived or deleted) is
    left as it is, rows included, unless overwrite_edits.
    """
    digest = content_digest()
    with transaction.atomic(), indexing.batch(rebuild_all=True), web_addresses_checked():
        spared = [] if overwrite_edits else sorted(saved_since_last_load())
        with fixtures_without(spared) as files:
            call_command("loaddata", *map(str, files), verbosity=verbosity)
        apply_vocabulary_translations()
        load_practice_translations(spared=set(spared))
        add_search_synonyms()
        ContentLoad.objects.create(digest=digest, kept=spared)
    touch()  # the translations are written with update(), which sends no signal
    return spared


# Each kind of row in the practices files, and the field naming the practice it belongs to.
FIXTURE_KEYS = {"compendium.practice": "slug"} | {
    model._meta.label_lower: key.removesuffix("_id") for model, key in PRACTICE_ROWS
}


def saved_since_last_load() -> set[str]:
    """Return the slugs of the practices saved since the last load, or whose rows were, and
    of those the last load kept already.

    Every save but loaddata's raw ones leaves a history record, so these are the
    practices that editors, imports and review steps touched.
    """
    last = ContentLoad.objects.values("loaded_at", "kept").first()
    if last is None:
        return set()
    since = {"history_date__gt": last["loaded_at"]}
    # From the history, which still knows the slug of a practice deleted since.
    slugs = set(Practice.history.filter(**since).values_list("slug", flat=True))
    practice_ids = set()
    for model, key in PRACTICE_ROWS:
        practice_ids |= set(model.history.filter(**since).values_list(key, flat=True))
    slugs |= set(Practice.objects.filter(pk__in=practice_ids).values_list("slug", flat=True))
    return slugs | set(last["kept"])


@contextmanager
def fixtures_without(spared: list[str]):
    """Give the fixture files to load, the spared practices' rows taken out of copies."""
    files = fixture_files()
    if not spared:
        yield files
        return
    spared = set(spared)
    with tempfile.TemporaryDirectory(prefix="compendium-load-") as directory:
        kept = []
        for path in files:
            if path.parent.name != "practices":
                kept.append(path)
                continue
            rows = [row for row in read_yaml(path) or [] if not _belongs_to(row, spared)]
            copy = Path(directory) / path.name
            write_yaml(copy, rows)
            kept.append(copy)
        yield kept


def _belongs_to(row: dict, slugs: set[str]) -> bool:
    keys = [FIXTURE_KEYS.get(row.get("model"))]
    if row.get("model") == "compendium.practicerelation":
        keys.append("to_practice")  # which may have been deleted: not to be looked up
    fields = row.get("fields") or {}
    for key in filter(None, keys):
        value = fields.get(key)
        if (value[0] if isinstance(value, list) and value else value) in slugs:
            return True
    return False


def content_digest() -> str:
    """Fingerprint every shipped fixture file: any change to any of them changes it."""
    digest = hashlib.sha256()
    for path in sorted(FIXTURES_DIR.rglob("*.yaml")):
        digest.update(str(path.relative_to(FIXTURES_DIR)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def is_loaded() -> bool:
    """Whether the last load loaded the fixture files exactly as they are now."""
    last = ContentLoad.objects.values_list("digest", flat=True).first()
    return last == content_digest()


class FixtureRowError(Exception):
    """A fixture row holds a value that its field refuses; the message names row and field."""


def _check_web_addresses(sender, instance, raw=False, **kwargs):
    if not raw:
        return  # saved outside loaddata: forms and imports validate the model themselves
    for field in instance._meta.concrete_fields:
        value = getattr(instance, field.attname)
        if isinstance(field, WebAddressField) and value:
            try:
                field.run_validators(value)
            except ValidationError as error:
                row = getattr(instance, "slug", None) or instance.pk
                raise FixtureRowError(
                    f"{sender._meta.label} {row!r}, {field.name} {value!r}: {error.messages[0]}"
                ) from None


def _count_revision(sender, instance, raw=False, **kwargs):
    # loaddata saves without Practice.save(), with the fixture's default revision.
    if raw and instance.pk:
        stored = Practice.objects.filter(pk=instance.pk).values_list("revision", flat=True)
        instance.revision = (stored.first() or 0) + 1


@contextmanager
def web_addresses_checked():
    """Validate the web addresses that loaddata writes, which it saves without validation,
    and count each practice it rewrites as a revision, as any other save is."""
    pre_save.connect(_check_web_addresses, dispatch_uid="load_compendium_web_addresses")
    pre_save.connect(_count_revision, sender=Practice, dispatch_uid="load_compendium_revision")
    try:
        yield
    finally:
        pre_save.disconnect(dispatch_uid="load_compendium_web_addresses")
        pre_save.disconnect(sender=Practice, dispatch_uid="load_compendium_revision")


class TranslationFileError(Exception):
    """A translation file names a term that does not exist; the message says which."""


def apply_vocabulary_translations(*, directory: Path | None = None) -> int:
    """Write each vocabularies.<language>.yaml (and organisations.<language>.yaml) onto the
    terms it names; return the count.

    A file maps a model to its terms (by slug; GCM objectives by number) and each term to
    its translated fields, which land in that language's columns (name_fr, ...).
    """
    directory = directory or FIXTURES_DIR / "translations"
    languages = {code for code, _name in settings.LANGUAGES}
    updated = 0
    for path in sorted(directory.glob("*.*.yaml")):
        language = path.name.split(".")[1]
        if language not in languages:
            raise TranslationFileError(f"{path.name}: {language} is not one of {languages}")
        for label, terms in read_yaml(path).items():
            model = apps.get_model(label)
            key = "number" if label == "compendium.gcmobjective" else "slug"
            for identifier, fields in terms.items():
                values = {f"{field}_{language}": text for field, text in fields.items()}
                if not model.objects.filter(**{key: identifier}).update(**values):
                    raise TranslationFileError(f"{path.name}: no {label} {identifier!r}")
                updated += 1
    return updated


class SynonymFileError(Exception):
    """A synonym file holds a group that cannot be loaded; the message says which."""


def add_search_synonyms(*, directory: Path | None = None) -> int:
    """Add the shipped synonym groups that the database lacks; return how many were added.

    A group already in the database is left as it is, so that a reload never undoes an
    editor's change; to take a shipped group anew, delete it in the admin and reload.
    """
    directory = directory or FIXTURES_DIR / "synonyms"
    existing = set(SearchSynonym.objects.values_list("slug", flat=True))
    added = []
    for path in sorted(directory.glob("*.yaml")):
        for number, group in enumerate(read_yaml(path), 1):
            synonym = _synonym(path, number, group)
            if synonym.slug not in existing:
                existing.add(synonym.slug)
                added.append(synonym)
    SearchSynonym.objects.bulk_create(added)
    return len(added)


def _synonym(path: Path, number: int, group) -> SearchSynonym:
    where = f"{path.name}, group {number}"
    if not isinstance(group, dict) or not isinstance(group.get("terms"), list):
        raise SynonymFileError(f"{where}: give a slug and a list of terms")
    synonym = SearchSynonym(
        slug=group.get("slug", ""),
        country=group.get("country", ""),
        terms="\n".join(str(term).strip() for term in group["terms"]),
    )
    try:
        synonym.full_clean(validate_unique=False)
    except ValidationError as error:
        fields = "; ".join(f"{name}: {' '.join(text)}" for name, text in error.message_dict.items())
        raise SynonymFileError(f"{where} ({group.get('slug')}): {fields}") from None
    return synonym
