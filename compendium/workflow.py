"""Editorial workflow: which state changes exist, who may make them, and when.

draft → submitted → in review → published → archived, with "send back" returning a
submitted or reviewed practice to draft with a note. Editors send practices to review;
only publishers publish, send back and archive.
"""

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from .models import Practice, ReviewEvent
from .notifications import notify

Status = Practice.EditorialStatus


class TransitionRefused(Exception):
    """The practice cannot make this change of state; the message says why."""


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    sources: tuple[str, ...]
    target: str
    permission: str

    def refusal(self, practice: Practice, user) -> str | None:
        """Return why the user may not apply this transition to the practice, or None."""
        if not user.has_perm(self.permission):
            return _("You may not %(action)s practices.") % {"action": self.label.lower()}
        if practice.editorial_status not in self.sources:
            return _("“%(title)s” is %(status)s and cannot be %(action)s.") % {
                "title": practice.title,
                "status": practice.get_editorial_status_display().lower(),
                "action": self.past_tense,
            }
        if self.target == Status.PUBLISHED:
            problems = publication_problems(practice)
            if problems:
                return _("“%(title)s” cannot be published yet: %(problems)s.") % {
                    "title": practice.title,
                    "problems": "; ".join(str(problem) for problem in problems),
                }
        return None

    @property
    def past_tense(self) -> str:
        return PAST_TENSE[self.name]


TRANSITIONS = {
    transition.name: transition
    for transition in [
        Transition(
            "submit",
            _("Send to review"),
            (Status.DRAFT,),
            Status.SUBMITTED,
            "compendium.change_practice",
        ),
        Transition(
            "review",
            _("Start review"),
            (Status.SUBMITTED,),
            Status.IN_REVIEW,
            "compendium.publish_practice",
        ),
        Transition(
            "publish",
            _("Publish"),
            (Status.SUBMITTED, Status.IN_REVIEW),
            Status.PUBLISHED,
            "compendium.publish_practice",
        ),
        Transition(
            "send_back",
            _("Send back"),
            (Status.SUBMITTED, Status.IN_REVIEW),
            Status.DRAFT,
            "compendium.publish_practice",
        ),
        Transition(
            "archive",
            _("Archive"),
            (Status.PUBLISHED,),
            Status.ARCHIVED,
            "compendium.archive_practice",
        ),
    ]
}
PAST_TENSE = {
    "submit": _("sent to review"),
    "review": _("taken into review"),
    "publish": _("published"),
    "send_back": _("sent back"),
    "archive": _("archived"),
}


def publication_problems(practice: Practice) -> list[str]:
    """Return what a practice lacks before it may be published."""
    problems = []
    if not practice.summary.strip():
        problems.append(_("a summary"))
    if practice.primary_pillar_id is None:
        problems.append(_("a primary pillar"))
    if not practice.themes.exists():
        problems.append(_("a theme"))
    if not (practice.countries.exists() or practice.organisation_roles.exists()):
        problems.append(_("a country or an organisation"))
    if not practice.source_references.exists():
        problems.append(_("a source reference"))
    return [_("it needs %(what)s") % {"what": problem} for problem in problems]


def apply_transition(practice: Practice, name: str, *, user, note: str = "") -> None:
    """Move the practice to the transition's target state, or raise TransitionRefused.

    The change joins the practice's review trail with its note, and the people it concerns
    are told by e-mail (see notifications).
    """
    transition = TRANSITIONS[name]
    refusal = transition.refusal(practice, user)
    if refusal:
        raise TransitionRefused(refusal)
    with transaction.atomic():
        event = ReviewEvent(
            practice=practice,
            transition=name,
            from_status=practice.editorial_status,
            to_status=transition.target,
            user=user if getattr(user, "pk", None) else None,
            comment=note,
        )
        practice.editorial_status = transition.target
        if name == "send_back":
            practice.editorial_note = note
        elif transition.target == Status.PUBLISHED:
            practice.editorial_note = ""
        practice._change_reason = str(transition.label)
        practice.save()
        event.save()
        notify(event)
