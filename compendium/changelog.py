"""The public change log of a practice: when it changed and which fields, never by whom."""

from dataclasses import dataclass
from datetime import datetime

from .models import Practice
from .models.practice import TRANSLATED_FIELDS

# Staff-only fields (editorial note, workflow status) and editor names stay out of it.
PUBLIC_FIELDS = [
    *TRANSLATED_FIELDS,
    "primary_pillar_id",
    "scope",
    "start_year",
    "end_year",
    "implementation_status",
    "evidence_level",
    "evidence_note",
    "last_verified_on",
]
MAX_ENTRIES = 20


@dataclass
class Change:
    """A dated entry: a publication, or an edit of the public fields it names."""

    date: datetime
    fields: list[str]

    @property
    def is_publication(self) -> bool:
        return not self.fields


def _field_label(attname: str) -> str:
    field = Practice._meta.get_field(attname.removesuffix("_id"))
    return str(field.verbose_name)


def change_log(practice: Practice) -> list[Change]:
    """Return the practice's changes since its first publication, newest first, in one query."""
    records = practice.history.only("history_date", "editorial_status", *PUBLIC_FIELDS).order_by(
        "history_date"
    )
    changes: list[Change] = []
    previous = None
    for record in records:
        if previous is None or not _was_public(previous):
            if record.editorial_status == Practice.EditorialStatus.PUBLISHED:
                changes.append(Change(record.history_date, []))
        else:
            changed = [
                _field_label(name)
                for name in PUBLIC_FIELDS
                if getattr(record, name) != getattr(previous, name)
            ]
            if changed:
                changes.append(Change(record.history_date, changed))
        previous = record
    return changes[::-1][:MAX_ENTRIES]


def _was_public(record) -> bool:
    return record.editorial_status == Practice.EditorialStatus.PUBLISHED
