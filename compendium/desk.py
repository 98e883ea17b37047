"""The editorial desk: what waits for whom, as counts that link into the filtered list.

Each panel is one queryset, used both for its count on the admin's index and as a
filter of the practice list (?desk=<panel>), so the two always agree. A count is one
query, whatever the size of the compendium.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib import admin
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Practice, PracticeTranslation, ReviewEvent, SourceReference

Status = Practice.EditorialStatus
VERIFY_EVERY = timedelta(days=365)


def awaiting_review(user):
    return Practice.objects.filter(editorial_status__in=[Status.SUBMITTED, Status.IN_REVIEW])


def my_drafts(user):
    """Drafts the user created or sent to review, including those sent back."""
    created = Practice.history.model.objects.filter(
        id=OuterRef("pk"), history_type="+", history_user=user.pk
    )
    submitted = ReviewEvent.objects.filter(
        practice=OuterRef("pk"), transition="submit", user=user.pk
    )
    return Practice.objects.filter(
        Q(editorial_status=Status.DRAFT) & (Exists(created) | Exists(submitted))
    )


def suggestions(user):
    return Practice.objects.filter(suggestion__isnull=False, editorial_status=Status.SUBMITTED)


def due_for_verification(user):
    year_ago = timezone.localdate() - VERIFY_EVERY
    return Practice.objects.published().filter(
        Q(last_verified_on__isnull=True) | Q(last_verified_on__lt=year_ago)
    )


def needs_attention(user):
    """Published practices without a source, without a country or organisation, or whose
    French or Spanish translation is missing or outdated."""
    current = PracticeTranslation.objects.filter(practice=OuterRef("pk")).exclude(
        status=PracticeTranslation.Status.OUTDATED
    )
    return (
        Practice.objects.published()
        .filter(
            ~Exists(SourceReference.objects.filter(practice=OuterRef("pk")))
            | (Q(countries__isnull=True) & Q(organisation_roles__isnull=True))
            | ~Exists(current.filter(language="fr").exclude(title=""))
            | ~Exists(current.filter(language="es").exclude(title=""))
        )
        .distinct()
    )


@dataclass(frozen=True)
class Panel:
    slug: str
    title: str
    help: str
    practices: object  # user -> queryset
    for_publishers: bool = False


PANELS = [
    Panel(
        "awaiting-review",
        _("Awaiting review"),
        _("Sent to review or in review: yours to publish or send back."),
        awaiting_review,
        for_publishers=True,
    ),
    Panel(
        "my-drafts",
        _("My drafts"),
        _("Drafts you created or sent to review, including those sent back to you."),
        my_drafts,
    ),
    Panel(
        "suggestions",
        _("New public suggestions"),
        _("Practices proposed by visitors, waiting to be looked at."),
        suggestions,
        for_publishers=True,
    ),
    Panel(
        "due",
        _("Due for verification"),
        _("Published, and not checked against their sources for over 12 months."),
        due_for_verification,
    ),
    Panel(
        "attention",
        _("Needs attention"),
        _(
            "Published, but without a source reference, a country or organisation, or a current "
            "French and Spanish translation."
        ),
        needs_attention,
    ),
]
BY_SLUG = {panel.slug: panel for panel in PANELS}


def panels_for(user) -> list[dict]:
    """Return the panels this user works with, each with its count and its list address."""
    changelist = reverse("admin:compendium_practice_changelist")
    publisher = user.has_perm("compendium.publish_practice")
    return [
        {
            "panel": panel,
            "count": panel.practices(user).count(),
            "url": f"{changelist}?desk={panel.slug}",
        }
        for panel in PANELS
        if publisher or not panel.for_publishers
    ]


class DeskFilter(admin.SimpleListFilter):
    """The practice list filtered as one of the desk's panels."""

    title = _("desk")
    parameter_name = "desk"

    def lookups(self, request, model_admin):
        return [(panel.slug, panel.title) for panel in PANELS]

    def queryset(self, request, queryset):
        panel = BY_SLUG.get(self.value())
        if panel is None:
            return queryset
        return queryset.filter(pk__in=panel.practices(request.user).values("pk"))


class DeskAdminSite(admin.AdminSite):
    """The admin, whose index is the editorial desk."""

    index_template = "admin/compendium/desk.html"

    def index(self, request, extra_context=None):
        desk = panels_for(request.user) if request.user.is_active else []
        return super().index(request, {"desk": desk, **(extra_context or {})})
