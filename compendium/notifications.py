"""E-mails of the editorial workflow: publishers hear of submissions, editors of decisions.

Sent through Django's mail settings once the transition is committed; a mail server that
fails is logged and never undoes or hides the transition.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse

from .models import Practice, ReviewEvent

SUBJECTS = {
    "submit": "Waiting for your review: {title}",
    "publish": "Published: {title}",
    "send_back": "Sent back to you: {title}",
}


def publishers(*, besides=None) -> list[str]:
    """Return the e-mail addresses of the active people who may publish."""
    users = get_user_model().objects.filter(
        Q(is_superuser=True)
        | Q(groups__permissions__codename="publish_practice")
        | Q(user_permissions__codename="publish_practice"),
        is_active=True,
    )
    if besides is not None:
        users = users.exclude(pk=besides.pk)
    return sorted({user.email for user in users if user.email})


def editor_of(practice: Practice):
    """Return who sent the practice to review last, else who first saved it."""
    submitted = practice.review_events.filter(transition="submit").select_related("user").first()
    if submitted and submitted.user:
        return submitted.user
    first = practice.history.order_by("history_date").select_related("history_user").first()
    return first.history_user if first else None


def recipients(event: ReviewEvent) -> list[str]:
    if event.transition == "submit":
        return publishers(besides=event.user)
    if event.transition in ("publish", "send_back"):
        editor = editor_of(event.practice)
        if editor and editor.email and editor != event.user:
            return [editor.email]
    return []


def message(event: ReviewEvent) -> tuple[str, str]:
    practice = event.practice
    link = settings.SITE_URL + reverse("admin:compendium_practice_change", args=[practice.pk])
    who = event.user.get_username() if event.user else "someone"
    lines = [f"{who} {event.transition.replace('_', ' ')}: “{practice.title}”."]
    if event.comment:
        lines += ["", event.comment]
    lines += ["", link]
    return SUBJECTS[event.transition].format(title=practice.title), "\n".join(lines)


def notify(event: ReviewEvent) -> None:
    """Send the transition's e-mail after the transaction commits, if anyone should hear."""
    to = recipients(event)
    if not to or event.transition not in SUBJECTS:
        return
    subject, body = message(event)
    transaction.on_commit(lambda: send_mail(subject, body, None, to), robust=True)
