"""The change log of a practice's own rows, shown on the practice's history page."""

from dataclasses import dataclass
from datetime import datetime

from ..models import PRACTICE_ROWS, ReviewEvent
from ..workflow import TRANSITIONS

ACTIONS = {"+": "added", "~": "changed", "-": "deleted"}


@dataclass
class RowChange:
    date: datetime
    user: object
    kind: str
    row: str
    action: str
    changes: list[str]


def row_changes(practice_id, limit: int = 500) -> list[RowChange]:
    """Return the changes to the practice's rows, newest first, each with what changed."""
    changes = []
    for model, key in PRACTICE_ROWS:
        records = list(
            model.history.filter(**{key: practice_id})
            .select_related("history_user")
            .order_by("id", "history_date")[:limit]
        )
        previous = None
        for record in records:
            changed = []
            if previous is not None and previous.id == record.id and record.history_type == "~":
                delta = record.diff_against(previous)
                changed = [f"{c.field}: {c.old} → {c.new}" for c in delta.changes]
            changes.append(
                RowChange(
                    date=record.history_date,
                    user=record.history_user,
                    kind=str(model._meta.verbose_name),
                    row=str(record.instance),
                    action=ACTIONS[record.history_type],
                    changes=changed,
                )
            )
            previous = record
    return sorted(changes, key=lambda change: change.date, reverse=True)[:limit]


def review_trail(practice_id) -> list[ReviewEvent]:
    """Return the practice's review steps, newest first, each with its label."""
    events = list(ReviewEvent.objects.filter(practice_id=practice_id).select_related("user"))
    for event in events:
        transition = TRANSITIONS.get(event.transition)
        event.label = transition.label if transition else event.transition
    return events
