"""Review from the practice's own form: save, then send to review, publish or send back.

The buttons sit beside the form's Save and each saves the form first, so that a
publisher can read, correct, comment and publish an entry on one page, and an editor
can finish a draft and hand it on in one step.
"""

from django.contrib import messages
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import Practice
from ..workflow import TRANSITIONS, TransitionRefused, apply_transition

BUTTONS = {
    "submit": gettext_lazy("Save and send to review"),
    "publish": gettext_lazy("Save and publish"),
    "send_back": gettext_lazy("Save and send back"),
}
NOTE_REQUIRED = {"send_back"}


def offered(practice: Practice | None, user) -> list[tuple[str, str]]:
    """Return the steps this user may take from the practice's state, as (name, label)."""
    status = practice.editorial_status if practice else Practice.EditorialStatus.DRAFT
    return [
        (name, label)
        for name, label in BUTTONS.items()
        if user.has_perm(TRANSITIONS[name].permission) and status in TRANSITIONS[name].sources
    ]


def chosen(data) -> str | None:
    name = data.get("_transition")
    return name if name in BUTTONS else None


def take_step(modeladmin, request, practice: Practice, note: str) -> bool:
    """Apply the step chosen with the form's button, and say what came of it."""
    name = chosen(request.POST)
    transition = TRANSITIONS[name]
    try:
        apply_transition(practice, name, user=request.user, note=note)
    except TransitionRefused as refusal:
        modeladmin.message_user(
            request,
            _("“%(title)s” was saved, but not %(action)s. %(why)s")
            % {"title": practice.title, "action": transition.past_tense, "why": refusal},
            messages.ERROR,
        )
        return False
    modeladmin.message_user(
        request,
        _("“%(title)s” was saved and %(action)s.")
        % {"title": practice.title, "action": transition.past_tense},
        messages.SUCCESS,
    )
    return True


def unsent_comment() -> str:
    return _(
        "The review comment was not kept: it goes with a review step. Open the practice "
        "again and press the step's button to send it."
    )
