from django.db.models import Prefetch
from django.http import JsonResponse
from django.views import defaults
from django.views.generic import DetailView, TemplateView

from .models import (
    InstrumentType,
    Pillar,
    Practice,
    PracticeOrganisation,
    SourceReference,
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
    queryset = (
        Practice.objects.published()
        .select_related("primary_pillar")
        .prefetch_related(
            "secondary_pillars",
            "themes",
            Prefetch("instruments", InstrumentType.objects.select_related("family")),
            "gcm_objectives",
            "target_groups",
            "countries",
            Prefetch(
                "organisation_roles", PracticeOrganisation.objects.select_related("organisation")
            ),
            "key_figures",
            Prefetch("source_references", SourceReference.objects.select_related("source")),
        )
    )


def page_not_found(request, exception):
    """Answer unknown API addresses in JSON, like every other API answer."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Not found."}, status=404)
    return defaults.page_not_found(request, exception)


def server_error(request):
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Server error."}, status=500)
    return defaults.server_error(request)
