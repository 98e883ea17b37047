"""No lost update in the admin: a save from a form opened before someone else's is refused.

The change form carries the practice's revision as it was when the form was opened. On
save the stored row is locked (select_for_update; on SQLite the IMMEDIATE transaction
already serialises writers) and its revision compared: if someone saved meanwhile, the
form is shown again with the editor's input and with what the other person changed.
Every admin save of the practice or of its inline rows saves the practice itself, so the
revision covers the inlines too.

Who else has the form open is only a hint, kept in the cache for a few minutes.
"""

import time
from dataclasses import dataclass
from datetime import datetime

from django.core.cache import cache
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from ..models import Practice
from .history import row_changes

PRESENCE_SECONDS = 300


def present_editors(practice_id, username: str) -> list[str]:
    """Note that this user has the practice open; return who else has had it open lately."""
    key = f"compendium:editing:practice:{practice_id}"
    now = time.time()
    seen = {
        name: when for name, when in (cache.get(key) or {}).items() if now - when < PRESENCE_SECONDS
    }
    others = sorted(name for name in seen if name != username)
    seen[username] = now
    cache.set(key, seen, PRESENCE_SECONDS)
    return others


@dataclass
class Conflict:
    users: list[str]
    saved_at: datetime
    fields: list[str]
    rows: list[str]


def stored_revision(practice_id) -> int | None:
    """Read the stored revision, locking the row until this transaction ends."""
    rows = Practice.objects.select_for_update().filter(pk=practice_id)
    return rows.values_list("revision", flat=True).first()


def conflict_since(practice: Practice, revision: int) -> Conflict:
    """Describe what was saved after the given revision of the practice: by whom, what."""
    history = practice.history.select_related("history_user")
    opened = history.filter(revision__lte=revision).order_by("-history_date").first()
    later = list(history.filter(revision__gt=revision).order_by("history_date"))
    fields = []
    if opened is not None and later:
        fields = sorted(
            {
                str(Practice._meta.get_field(change.field).verbose_name)
                for change in later[-1].diff_against(opened).changes
                if change.field not in ("revision", "updated_at")
            }
        )
    # Inline rows are saved right after the practice record of the same save.
    since = later[0].history_date if later else practice.updated_at
    rows = [
        f"{change.kind} “{change.row}” {change.action}"
        for change in row_changes(practice.pk)
        if change.date >= since
    ]
    return Conflict(
        users=sorted({str(record.history_user or _("someone")) for record in later}),
        saved_at=later[-1].history_date if later else practice.updated_at,
        fields=fields,
        rows=rows,
    )


def conflict_message(conflict: Conflict):
    changed = conflict.fields + conflict.rows or [_("nothing visible")]
    return format_html(
        "{} <ul>{}</ul> {}",
        _(
            "%(users)s saved this practice on %(date)s, after you opened this form. "
            "To keep their work, your save was refused. They changed:"
        )
        % {
            "users": ", ".join(conflict.users),
            "date": date_format(conflict.saved_at, "DATETIME_FORMAT"),
        },
        format_html_join("", "<li>{}</li>", ((item,) for item in changed)),
        _(
            "Your changes are still in the form below, not saved. Copy what you need, reload "
            "the page to see their version, and make your changes again."
        ),
    )
