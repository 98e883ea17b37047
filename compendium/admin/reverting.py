"""Reverting a practice to one of its versions, as a new version.

The texts, terms and rows (countries, organisations, key figures, sources, related
practices, translations) come back as they stood in that version. What belongs to the
review stays as it is now: the editorial status, the dates of creation and publication,
the publisher's note and the last verification. So a revert never publishes, unpublishes
or archives anything, and a published practice may only go back to a version that could
be published.
"""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..models import PRACTICE_ROWS, Practice, PracticeTranslation
from ..workflow import publication_problems
from .versions import rows_at, version_end

KEPT = ["editorial_status", "created_at", "first_published_at", "editorial_note"]
KEPT += ["last_verified_on", "is_synthetic"]
# Translations last: restoring a key figure's label marks them outdated, and the restored
# translations bring back the state they had with those labels.
ROWS = [*PRACTICE_ROWS, (PracticeTranslation, "practice_id")]


class RevertRefused(Exception):
    """The practice cannot go back to this version; the message says why."""


def keep_review_state(practice: Practice) -> None:
    """Give a past version of the practice the review state the practice has now."""
    stored = Practice.objects.filter(pk=practice.pk).values(*KEPT).first() or {}
    for field, value in stored.items():
        setattr(practice, field, value)


def version_terms(version) -> dict[str, list[int]]:
    """Return the version's terms (pillars, themes, instruments, ...), by form field."""
    terms = {}
    for field in Practice._meta.many_to_many:
        if hasattr(version, field.name):
            target = f"{field.related_model._meta.model_name}_id"
            terms[field.name] = [getattr(row, target) for row in getattr(version, field.name).all()]
    return terms


def form_for(version, form_class):
    """Return the practice form, showing the version's terms rather than today's."""

    class VersionForm(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.initial.update(version_terms(version))

    return VersionForm


def restore_rows(version) -> int:
    """Make the practice's rows what they were in the version; return how many could not."""
    at = version_end(version)
    lost_count = 0
    for model, key in ROWS:
        then = rows_at(model, key, version.id, at)
        # A row whose organisation, source or related practice has since been deleted
        # cannot come back; today's row of the same id is left as it is.
        lost = {pk for pk, row in then.items() if refers_to_missing(row)}
        lost_count += len(lost)
        wanted = {pk: row for pk, row in then.items() if pk not in lost}
        current = model.objects.filter(**{key: version.id}).exclude(pk__in=lost).in_bulk()
        # Changed rows are deleted and written again, all deletions first: rows that traded
        # values (two countries swapped) would otherwise collide on their unique keys.
        outdated = {pk for pk, row in current.items() if values(row) != values(wanted.get(pk))}
        for pk in outdated:
            current[pk].delete()
        for pk, row in wanted.items():
            if pk in outdated or pk not in current:
                row.save(force_insert=True)
    return lost_count


def values(row) -> dict | None:
    if row is None:
        return None
    return {field.attname: getattr(row, field.attname) for field in row._meta.concrete_fields}


def refers_to_missing(row) -> bool:
    return any(
        not field.related_model._default_manager.filter(pk=getattr(row, field.attname)).exists()
        for field in row._meta.concrete_fields
        if field.is_relation and getattr(row, field.attname) is not None
    )


def refuse_if_unpublishable(practice: Practice, version) -> None:
    """Refuse to take a published practice back to a version that could not be published."""
    if not practice.is_published:
        return
    problems = publication_problems(practice)
    if problems:
        raise RevertRefused(
            _(
                "“%(title)s” is published, and the version of %(date)s could not be: "
                "%(problems)s. Nothing was changed."
            )
            % {
                "title": practice.title,
                "date": when(version),
                "problems": "; ".join(str(problem) for problem in problems),
            }
        )


def lost_rows_message(count: int) -> str:
    return ngettext(
        "%(count)d row of that version could not come back: its organisation, source or "
        "related practice has been deleted since.",
        "%(count)d rows of that version could not come back: their organisations, sources "
        "or related practices have been deleted since.",
        count,
    ) % {"count": count}


def change_reason(version) -> str:
    return _("Reverted to the version of %(date)s") % {"date": when(version)}


def reverted_message(practice: Practice, version) -> str:
    return _(
        "“%(title)s” is back to the version of %(date)s, as a new version; it is still %(status)s."
    ) % {
        "title": practice.title,
        "date": when(version),
        "status": practice.get_editorial_status_display().lower(),
    }


def when(version) -> str:
    return date_format(timezone.localtime(version.history_date), "DATETIME_FORMAT")
