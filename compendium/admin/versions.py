"""Any two saved versions of a practice side by side: its fields, terms, rows and translations.

A version is a historical record of the practice (django-simple-history). Its rows
(countries, organisations, key figures, sources) and translations are read from their own
histories as they stood until the next version: the admin saves the rows of a form right
after the practice itself, so they belong to the version that save made.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone

from ..models import (
    KeyFigure,
    Practice,
    PracticeCountry,
    PracticeOrganisation,
    PracticeTranslation,
    SourceReference,
)

SKIPPED = {"id", "revision", "history_id", "history_date", "history_change_reason", "history_type"}
SKIPPED |= {"history_user", "history_user_id", "is_synthetic"}
ROWS = [
    ("countries", PracticeCountry),
    ("organisations", PracticeOrganisation),
    ("key figures", KeyFigure),
    ("source references", SourceReference),
]


@dataclass
class Line:
    label: str
    old: str
    new: str

    @property
    def changed(self) -> bool:
        return self.old != self.new


def version_end(record) -> datetime:
    """Return the last moment of this version: just before the practice's next one, or now."""
    following = (
        record.instance_type.history.filter(id=record.id, history_date__gt=record.history_date)
        .order_by("history_date")
        .first()
    )
    return following.history_date - timedelta(microseconds=1) if following else timezone.now()


def rows_at(model, key: str, practice_id, at: datetime) -> dict:
    """Return the practice's rows of this model as they stood at the given moment, by id.

    Rows written by load_compendium have no history until they first change (loaddata
    saves raw): before their first record they stood as they stand now, or as they were
    when deleted.
    """
    records = defaultdict(list)
    for record in model.history.filter(**{key: practice_id}).order_by("history_date"):
        records[record.id].append(record)
    current = model.objects.filter(**{key: practice_id}).in_bulk()
    rows = {}
    for pk in current.keys() | records.keys():
        history = records.get(pk, [])
        past = [record for record in history if record.history_date <= at]
        if past:
            if past[-1].history_type != "-":
                rows[pk] = past[-1].instance
        elif not history or history[0].history_type != "+":
            rows[pk] = current.get(pk) or history[0].instance
    return rows


def snapshot(record) -> dict[str, str]:
    """Describe one version of a practice as label -> text."""
    shown = {}
    for field in Practice._meta.concrete_fields:
        if field.attname in SKIPPED or not hasattr(record, field.attname):
            continue
        value = getattr(record, field.name)
        if field.choices:
            value = dict(field.flatchoices).get(value, value)
        shown[str(field.verbose_name)] = "" if value is None else str(value)
    for field in Practice._meta.many_to_many:
        if hasattr(record, field.name):
            target = field.related_model._meta.model_name
            terms = sorted(str(getattr(row, target)) for row in getattr(record, field.name).all())
            shown[str(field.verbose_name)] = ", ".join(terms)
    at = version_end(record)
    for label, model in ROWS:
        rows = rows_at(model, "practice_id", record.id, at).values()
        shown[label] = "\n".join(sorted(str(row) for row in rows))
    translations = rows_at(PracticeTranslation, "practice_id", record.id, at).values()
    for translation in sorted(translations, key=lambda row: row.language):
        for field in ("title", "summary", "description", "status"):
            label = f"{translation.get_language_display()}: {field}"
            shown[label] = str(getattr(translation, field))
    return shown


def compare(old_record, new_record) -> list[Line]:
    """Return every line of the two versions, in a stable order, marking what changed."""
    old, new = snapshot(old_record), snapshot(new_record)
    labels = list(dict.fromkeys([*old, *new]))
    return [Line(label, old.get(label, ""), new.get(label, "")) for label in labels]
