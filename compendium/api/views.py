"""Read-only API views. Every practice starts from Practice.objects.published()."""

from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponse
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.response import Response

from .. import fragments, geography
from ..models import (
    GcmObjective,
    InstrumentType,
    Organisation,
    Pillar,
    Practice,
    PracticeCountry,
    PracticeOrganisation,
    PracticeRelation,
    SourceReference,
    Theme,
)
from ..models.practice import translations_prefetch
from . import serializers
from .filters import PracticeApiFilter


def looked_up_by(name: str, kind: type, description: str):
    """Describe the path parameter that identifies one item, for the OpenAPI schema."""
    parameter = OpenApiParameter(name, kind, OpenApiParameter.PATH, description=description)
    return extend_schema_view(retrieve=extend_schema(parameters=[parameter]))


SLUG = "[-a-zA-Z0-9_]+"


def published_count(path: str = "practices") -> Count:
    """Count the published practices reached through a relation, without duplicates."""
    return Count(path, filter=Q(**{f"{path}__in": Practice.objects.published()}), distinct=True)


@looked_up_by("slug", str, "The practice's slug, as in its permalink.")
class CachedReadOnlyModelViewSet(viewsets.ReadOnlyModelViewSet):
    """Keep each rendered answer until the compendium changes; throttling still applies.

    Only successful answers are kept (a 400 or 404 raises before anything is cached), by
    exact address, language and media type, so a cached answer is the one the request
    would get. The rendered bytes are kept rather than the data: serializer output drags
    its serializer into the pickle, and rendering it again costs more than the lookup.
    """

    def list(self, request, *args, **kwargs):
        return self._cached("api-list", super().list, request, *args, **kwargs)

    def retrieve(self, request, *args, **kwargs):
        return self._cached("api-detail", super().retrieve, request, *args, **kwargs)

    def _cached(self, name, answer, request, *args, **kwargs):
        renderer, media_type = request.accepted_renderer, request.accepted_media_type

        def render() -> bytes:
            data = answer(request, *args, **kwargs).data
            return renderer.render(data, media_type, self.get_renderer_context())

        body = fragments.cached(name, render, request.get_full_path(), media_type)
        return HttpResponse(body, content_type=media_type)


class PracticeViewSet(CachedReadOnlyModelViewSet):
    """Published practices: filter them with the public list's parameters."""

    lookup_field = "slug"
    lookup_value_regex = SLUG
    filterset_class = PracticeApiFilter

    def get_queryset(self):
        practices = (
            Practice.objects.published()
            .select_related("primary_pillar")
            .prefetch_related("themes", "countries")
            .localised()
            .order_by("title")
        )
        if self.action == "list":
            return practices
        return practices.prefetch_related(
            "secondary_pillars",
            "gcm_objectives",
            "target_groups",
            "key_figures",
            Prefetch("instruments", InstrumentType.objects.select_related("family")),
            Prefetch(
                "organisation_roles", PracticeOrganisation.objects.select_related("organisation")
            ),
            Prefetch("source_references", SourceReference.objects.select_related("source")),
            Prefetch(
                "outgoing_relations",
                PracticeRelation.objects.filter(
                    to_practice__in=Practice.objects.published()
                ).select_related("to_practice"),
            ),
            *translations_prefetch("outgoing_relations__to_practice__translations"),
        )

    def get_serializer_class(self):
        if self.action == "list":
            return serializers.PracticeListSerializer
        return serializers.PracticeDetailSerializer


@looked_up_by("slug", str, "engage, enable or empower.")
class PillarViewSet(viewsets.ReadOnlyModelViewSet):
    """The three pillars of IOM's diaspora strategy: engage, enable, empower."""

    lookup_field = "slug"
    lookup_value_regex = SLUG
    queryset = Pillar.objects.annotate(
        practice_count=published_count("primary_practices")
    ).order_by("position", "name")
    serializer_class = serializers.PillarDetailSerializer


@looked_up_by("slug", str, "The theme's slug.")
class ThemeViewSet(viewsets.ReadOnlyModelViewSet):
    """The five themes of the 2013 Diaspora Ministerial Conference."""

    lookup_field = "slug"
    lookup_value_regex = SLUG
    queryset = Theme.objects.annotate(practice_count=published_count()).order_by("position")
    serializer_class = serializers.ThemeDetailSerializer


@looked_up_by("slug", str, "The instrument type's slug.")
class InstrumentViewSet(viewsets.ReadOnlyModelViewSet):
    """Policy instrument types, each within a family."""

    lookup_field = "slug"
    lookup_value_regex = SLUG
    queryset = (
        InstrumentType.objects.select_related("family")
        .annotate(practice_count=published_count())
        .order_by("family__position", "position", "name")
    )
    serializer_class = serializers.InstrumentDetailSerializer


@looked_up_by("number", int, "The objective's number, 1 to 23.")
class GcmObjectiveViewSet(viewsets.ReadOnlyModelViewSet):
    """The 23 objectives of the Global Compact for Migration."""

    lookup_field = "number"
    lookup_value_regex = r"\d+"
    queryset = GcmObjective.objects.annotate(practice_count=published_count()).order_by("number")
    serializer_class = serializers.GcmObjectiveDetailSerializer


@looked_up_by("slug", str, "The organisation's slug.")
class OrganisationViewSet(viewsets.ReadOnlyModelViewSet):
    """Organisations involved in published practices."""

    lookup_field = "slug"
    lookup_value_regex = SLUG
    queryset = (
        Organisation.objects.annotate(practice_count=published_count())
        .filter(practice_count__gt=0)
        .order_by("name")
    )
    serializer_class = serializers.OrganisationSerializer


@looked_up_by("code", str, "ISO 3166-1 alpha-2 code, in either case.")
class CountryViewSet(viewsets.ReadOnlyModelViewSet):
    """Countries involved in published practices, with counts per role."""

    lookup_field = "code"
    lookup_value_regex = "[A-Za-z]{2}"
    serializer_class = serializers.CountrySerializer

    def get_queryset(self):
        role = PracticeCountry.Role
        return (
            PracticeCountry.objects.filter(practice__in=Practice.objects.published())
            .values("country")
            .annotate(
                practice_count=Count("practice", distinct=True),
                origin_count=Count("practice", filter=Q(role=role.ORIGIN), distinct=True),
                host_count=Count("practice", filter=Q(role=role.HOST), distinct=True),
            )
            .order_by("country")
        )

    def get_object(self):
        row = self.get_queryset().filter(country=self.kwargs["code"].upper()).first()
        if row is None:
            raise Http404
        return row


@looked_up_by("code", int, "UN M49 code of the region or sub-region.")
class RegionViewSet(viewsets.GenericViewSet):
    """UN M49 regions and sub-regions, with the published practices involving them."""

    lookup_field = "code"
    lookup_value_regex = r"\d+"
    serializer_class = serializers.RegionCountSerializer
    queryset = PracticeCountry.objects.none()  # regions are data, not a table; see list()

    def list(self, request):
        counts = region_practice_counts()
        rows = [counted(region, counts) for region in geography.all_regions()]
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def retrieve(self, request, code=None):
        region = geography.get_region(int(code))
        if region is None:
            raise Http404
        return Response(self.get_serializer(counted(region, region_practice_counts())).data)


def region_practice_counts() -> dict[int, int]:
    """Count the published practices involving each region, in one query."""
    counts = PracticeCountry.objects.filter(practice__in=Practice.objects.published()).aggregate(
        **{
            str(region.code): Count(
                "practice",
                filter=Q(country__in=geography.country_codes_in(region.code)),
                distinct=True,
            )
            for region in geography.all_regions()
        }
    )
    return {int(code): count for code, count in counts.items()}


def counted(region: geography.Region, counts: dict[int, int]) -> dict:
    return {**vars(region), "label": region.label, "practice_count": counts.get(region.code, 0)}
