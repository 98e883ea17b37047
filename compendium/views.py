import secrets

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.core.cache import cache
from django.db import transaction
from django.db.models import Prefetch
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.generic import DetailView, FormView, TemplateView

from .forms import SuggestionForm
from .models import (
    InstrumentType,
    Pillar,
    Practice,
    PracticeOrganisation,
    SourceReference,
    Suggestion,
    Theme,
)


class HomeView(TemplateView):
    template_name = "compendium/home.html"

    def get_context_data(self, **kwargs):
        published = Practice.objects.published()
        return super().get_context_data(
            pillars=Pillar.objects.all(),
            themes=Theme.objects.all(),
            practice_count=published.count(),
            recent_practices=published.order_by("-first_published_at", "title")[:6],
            **kwargs,
        )


class PracticeDetailView(DetailView):
    def get_queryset(self):
        return (
            self.practices()
            .select_related("primary_pillar")
            .prefetch_related(
                "secondary_pillars",
                "themes",
                Prefetch("instruments", InstrumentType.objects.select_related("family")),
                "gcm_objectives",
                "target_groups",
                "countries",
                Prefetch(
                    "organisation_roles",
                    PracticeOrganisation.objects.select_related("organisation"),
                ),
                "key_figures",
                Prefetch("source_references", SourceReference.objects.select_related("source")),
            )
        )

    def practices(self):
        return Practice.objects.published()


@method_decorator(staff_member_required, name="dispatch")
class PracticePreviewView(PracticeDetailView):
    """Show staff an unpublished practice exactly as the public page would."""

    def practices(self):
        return Practice.objects.all()


class SuggestView(FormView):
    """Let anyone propose a practice; it joins the editors' queue as submitted."""

    form_class = SuggestionForm
    template_name = "compendium/suggest.html"

    def post(self, request, *args, **kwargs):
        key = f"suggestions:{request.META.get('REMOTE_ADDR', '')}"
        cache.add(key, 0, timeout=settings.SUGGESTIONS_WINDOW)
        if cache.incr(key) > settings.SUGGESTIONS_PER_WINDOW:
            form = self.get_form()
            form.add_error(
                None, _("You have sent many suggestions in a short time. Please try again later.")
            )
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        if not form.is_spam():
            record_suggestion(form.cleaned_data)
        return redirect("compendium:suggest-thanks")


def record_suggestion(data: dict) -> Practice:
    """Create the submitted practice and what the visitor told us about it."""
    slug = f"{slugify(data['title'])[:80] or 'suggestion'}-{secrets.token_hex(3)}"
    with transaction.atomic():
        practice = Practice.objects.create(
            title=data["title"],
            slug=slug,
            summary="",
            description=data["description"],
            editorial_status=Practice.EditorialStatus.SUBMITTED,
        )
        Suggestion.objects.create(
            practice=practice,
            countries=data["countries"],
            source_url=data["source_url"],
            contact_email=data["contact_email"],
        )
    return practice


def page_not_found(request, exception):
    """Answer unknown API addresses in JSON, like every other API answer."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Not found."}, status=404)
    return defaults.page_not_found(request, exception)


def server_error(request):
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Server error."}, status=500)
    return defaults.server_error(request)
