"""Whole-compendium backups: one JSON file with every row, in every editorial state.

Rows keep their primary keys, so that relations survive the trip exactly; the import
therefore goes into an empty compendium only, and all at once or not at all.
"""

import json
from pathlib import Path

from django.core import serializers
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, transaction

from .models import (
    GcmObjective,
    InstrumentFamily,
    InstrumentType,
    KeyFigure,
    Organisation,
    Pillar,
    Practice,
    PracticeCountry,
    PracticeOrganisation,
    PracticeRelation,
    PracticeTranslation,
    Source,
    SourceReference,
    Suggestion,
    TargetGroup,
    Theme,
)

# In dependency order: every row comes after the rows it refers to.
MODELS = [
    Pillar,
    Theme,
    InstrumentFamily,
    InstrumentType,
    GcmObjective,
    TargetGroup,
    Organisation,
    Source,
    Practice,
    PracticeCountry,
    PracticeOrganisation,
    KeyFigure,
    SourceReference,
    PracticeRelation,
    PracticeTranslation,
    Suggestion,
]
FORMAT_VERSION = 1


class BackupError(Exception):
    """The backup cannot be restored; the message names the record and the problem."""


def export_compendium(*, path: Path) -> int:
    """Write every row of the compendium to one JSON file; return how many rows."""
    records = []
    for model in MODELS:
        records += json.loads(serializers.serialize("json", model.objects.order_by("pk")))
    document = {"format": "diaspora-compendium", "version": FORMAT_VERSION, "records": records}
    path.write_text(json.dumps(document, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    return len(records)


def import_compendium(*, path: Path) -> int:
    """Restore a backup into an empty compendium, atomically; return how many rows."""
    try:
        document = json.loads(path.read_text())
        records = document["records"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise BackupError(f"{path} is not a compendium backup: {error}") from error
    if document.get("version") != FORMAT_VERSION:
        raise BackupError(
            f"{path} has format version {document.get('version')!r}, not {FORMAT_VERSION}"
        )
    occupied = [model._meta.label for model in MODELS if model.objects.exists()]
    if occupied:
        raise BackupError(
            f"the compendium is not empty ({', '.join(occupied)}); restore into an empty database"
        )
    with transaction.atomic():
        for number, record in enumerate(records, start=1):
            restore_record(number, record)
    return len(records)


def restore_record(number: int, record: dict) -> None:
    label = f"record {number} ({record.get('model')}, pk {record.get('pk')})"
    try:
        [restored] = serializers.deserialize("json", json.dumps([record]))
        restored.object.full_clean(validate_unique=False, validate_constraints=False)
        with transaction.atomic():
            restored.save()
    except (DeserializationError, DatabaseError, ValueError) as error:
        raise BackupError(f"{label}: {error}") from error
    except Exception as error:  # ValidationError and anything a bad file can raise
        raise BackupError(f"{label}: {error}") from error
