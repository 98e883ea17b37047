"""Read-only representations of the compendium. Fields of /api/v1/ are stable: additions only."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from .. import geography
from ..models import (
    GcmObjective,
    InstrumentFamily,
    InstrumentType,
    KeyFigure,
    Organisation,
    Pillar,
    Practice,
    PracticeCountry,
    PracticeOrganisation,
    PracticeRelation,
    Source,
    SourceReference,
    TargetGroup,
    Theme,
)


def api_url(serializer, view_name: str, **kwargs) -> str:
    """Return the absolute API address of an item linked from a serialized one."""
    return reverse(view_name, kwargs=kwargs, request=serializer.context.get("request"))


class TermSerializer(serializers.ModelSerializer):
    """A vocabulary term as it appears inside a practice."""

    class Meta:
        fields = ["slug", "name"]


class PillarSerializer(TermSerializer):
    class Meta(TermSerializer.Meta):
        model = Pillar


class ThemeSerializer(TermSerializer):
    class Meta(TermSerializer.Meta):
        model = Theme


class TargetGroupSerializer(TermSerializer):
    class Meta(TermSerializer.Meta):
        model = TargetGroup


class InstrumentFamilySerializer(TermSerializer):
    class Meta(TermSerializer.Meta):
        model = InstrumentFamily


class InstrumentSerializer(serializers.ModelSerializer):
    family = serializers.SlugRelatedField(
        slug_field="slug", read_only=True, help_text="Slug of the instrument family."
    )

    class Meta:
        model = InstrumentType
        fields = ["slug", "name", "family"]


class GcmObjectiveSerializer(serializers.ModelSerializer):
    class Meta:
        model = GcmObjective
        fields = ["number", "title"]


class RegionSerializer(serializers.Serializer):
    code = serializers.IntegerField(help_text="UN M49 code.")
    name = serializers.CharField(
        source="label", help_text="Region name, in the language asked for."
    )


class PracticeCountrySerializer(serializers.ModelSerializer):
    code = serializers.CharField(source="country.code", help_text="ISO 3166-1 alpha-2 code.")
    name = serializers.CharField(
        source="country.name", help_text="Country name, in the language asked for."
    )
    role = serializers.ChoiceField(
        choices=PracticeCountry.Role.choices, help_text="The country's role in the practice."
    )

    class Meta:
        model = PracticeCountry
        fields = ["code", "name", "role"]


class PracticeOrganisationSerializer(serializers.ModelSerializer):
    slug = serializers.CharField(source="organisation.slug", help_text="The organisation's slug.")
    name = serializers.CharField(
        source="organisation.local_name", help_text="The organisation's name, in ?lang= if known."
    )
    acronym = serializers.CharField(source="organisation.acronym", help_text="Its acronym, if any.")
    url = serializers.SerializerMethodField(help_text="The organisation in the API.")

    class Meta:
        model = PracticeOrganisation
        fields = ["slug", "name", "acronym", "role", "url"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, link) -> str:
        return api_url(self, "api:organisation-detail", slug=link.organisation.slug)


class KeyFigureSerializer(serializers.ModelSerializer):
    label = serializers.CharField(source="local_label", help_text="What is counted, in ?lang=.")
    value = serializers.SerializerMethodField(
        help_text="The number, exactly as the source gives it."
    )

    class Meta:
        model = KeyFigure
        fields = ["label", "value", "unit", "year"]

    @extend_schema_field(OpenApiTypes.NUMBER)
    def get_value(self, figure) -> int | float:
        value = figure.value
        return int(value) if value == value.to_integral_value() else float(value)


class SourceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = ["slug", "title", "publisher", "year", "url"]


class SourceReferenceSerializer(serializers.ModelSerializer):
    source = SourceSerializer(help_text="The document cited.")

    class Meta:
        model = SourceReference
        fields = ["source", "chapter", "section", "page", "excerpt"]


class RelatedPracticeSerializer(serializers.ModelSerializer):
    slug = serializers.CharField(
        source="to_practice.slug", help_text="The related practice's slug."
    )
    title = serializers.SerializerMethodField(help_text="Its title, in ?lang= where translated.")
    url = serializers.SerializerMethodField(help_text="The related practice in the API.")

    class Meta:
        model = PracticeRelation
        fields = ["slug", "title", "kind", "url"]

    def get_title(self, relation) -> str:
        return relation.to_practice.local_title

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, relation) -> str:
        return api_url(self, "api:practice-detail", slug=relation.to_practice.slug)


class PracticeListSerializer(serializers.HyperlinkedModelSerializer):
    """The essentials of a practice, with links to its full record and its web page."""

    url = serializers.HyperlinkedIdentityField(
        view_name="api:practice-detail", lookup_field="slug", help_text="The full record."
    )
    web_url = serializers.SerializerMethodField(help_text="The practice's public web page.")
    primary_pillar = PillarSerializer(help_text="The one pillar the practice mainly serves.")
    themes = ThemeSerializer(many=True, help_text="Conference themes it belongs to.")
    countries = PracticeCountrySerializer(many=True, help_text="Countries involved, with roles.")
    title = serializers.CharField(
        source="local_title", help_text="In the language asked for (?lang=) where translated."
    )
    summary = serializers.CharField(source="local_summary", help_text="Likewise.")
    language = serializers.CharField(
        source="local_language", help_text="The language the title and texts are given in."
    )
    original_title = serializers.CharField(
        help_text="The English title where `title` is a translation, else empty."
    )

    class Meta:
        model = Practice
        fields = [
            "slug",
            "url",
            "web_url",
            "title",
            "summary",
            "primary_pillar",
            "themes",
            "countries",
            "start_year",
            "implementation_status",
            "first_published_at",
            "updated_at",
            "language",
            "original_title",
        ]

    @extend_schema_field(OpenApiTypes.URI)
    def get_web_url(self, practice) -> str:
        request = self.context.get("request")
        url = practice.get_absolute_url()
        return request.build_absolute_uri(url) if request else url


class PracticeDetailSerializer(PracticeListSerializer):
    """Everything public about a practice."""

    secondary_pillars = PillarSerializer(many=True, help_text="Other pillars it also serves.")
    instruments = InstrumentSerializer(many=True, help_text="Policy instrument types it uses.")
    gcm_objectives = GcmObjectiveSerializer(
        many=True, help_text="Global Compact for Migration objectives it serves."
    )
    target_groups = TargetGroupSerializer(many=True, help_text="Groups of people it reaches.")
    organisations = PracticeOrganisationSerializer(
        source="organisation_roles", many=True, help_text="Organisations involved, with roles."
    )
    key_figures = KeyFigureSerializer(many=True, help_text="Numbers the sources give about it.")
    source_references = SourceReferenceSerializer(
        many=True, help_text="Where the sources speak of it, with short quotations."
    )
    related_practices = RelatedPracticeSerializer(
        source="outgoing_relations", many=True, help_text="Published practices it relates to."
    )
    description = serializers.CharField(source="local_texts.description", help_text="In ?lang=.")
    activities = serializers.CharField(source="local_texts.activities", help_text="In ?lang=.")
    results = serializers.CharField(source="local_texts.results", help_text="In ?lang=.")
    lessons = serializers.CharField(source="local_texts.lessons", help_text="In ?lang=.")
    transferability = serializers.CharField(
        source="local_texts.transferability", help_text="In ?lang=."
    )

    class Meta(PracticeListSerializer.Meta):
        fields = [
            *PracticeListSerializer.Meta.fields,
            "description",
            "activities",
            "results",
            "lessons",
            "transferability",
            "secondary_pillars",
            "instruments",
            "gcm_objectives",
            "target_groups",
            "scope",
            "end_year",
            "organisations",
            "key_figures",
            "evidence_level",
            "evidence_note",
            "source_references",
            "related_practices",
            "last_verified_on",
        ]


class CountedTermSerializer(serializers.ModelSerializer):
    """A vocabulary term with the number of published practices that use it."""

    practice_count = serializers.IntegerField(help_text="Published practices using this term.")

    class Meta:
        fields = ["slug", "name", "description", "practice_count"]


class PillarDetailSerializer(CountedTermSerializer):
    class Meta(CountedTermSerializer.Meta):
        model = Pillar


class ThemeDetailSerializer(CountedTermSerializer):
    class Meta(CountedTermSerializer.Meta):
        model = Theme
        fields = [*CountedTermSerializer.Meta.fields, "chapter"]


class InstrumentDetailSerializer(CountedTermSerializer):
    family = InstrumentFamilySerializer(help_text="The family the type belongs to.")

    class Meta(CountedTermSerializer.Meta):
        model = InstrumentType
        fields = [*CountedTermSerializer.Meta.fields, "family"]


class GcmObjectiveDetailSerializer(serializers.ModelSerializer):
    practice_count = serializers.IntegerField(help_text="Published practices serving it.")

    class Meta:
        model = GcmObjective
        fields = ["number", "title", "description", "practice_count"]


class OrganisationSerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country.code", help_text="ISO code, or empty.")
    practice_count = serializers.IntegerField(help_text="Published practices involving it.")

    class Meta:
        model = Organisation
        fields = ["slug", "name", "acronym", "kind", "country", "website", "practice_count"]


class CountrySerializer(serializers.Serializer):
    """A country with the number of published practices that involve it."""

    code = serializers.CharField(source="country", help_text="ISO 3166-1 alpha-2 code.")
    name = serializers.SerializerMethodField(help_text="Country name, in the language asked for.")
    region = serializers.SerializerMethodField(help_text="UN M49 region.")
    subregion = serializers.SerializerMethodField(help_text="UN M49 sub-region.")
    practice_count = serializers.IntegerField(help_text="Published practices, any role.")
    origin_count = serializers.IntegerField(help_text="...as origin or heritage country.")
    host_count = serializers.IntegerField(help_text="...as host or residence country.")
    url = serializers.SerializerMethodField(help_text="The country in the API.")

    def _country(self, row):
        return PracticeCountry(country=row["country"]).country

    def get_name(self, row) -> str:
        return self._country(row).name

    @extend_schema_field(RegionSerializer(allow_null=True))
    def get_region(self, row):
        region = geography.region_of(self._country(row))
        return {"code": region.code, "name": region.label} if region else None

    @extend_schema_field(RegionSerializer(allow_null=True))
    def get_subregion(self, row):
        region = geography.subregion_of(self._country(row))
        return {"code": region.code, "name": region.label} if region else None

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, row) -> str:
        return api_url(self, "api:country-detail", code=row["country"].lower())


class RegionCountSerializer(serializers.Serializer):
    code = serializers.IntegerField(help_text="UN M49 code.")
    name = serializers.CharField(
        source="label", help_text="Region name, in the language asked for."
    )
    parent = serializers.IntegerField(
        allow_null=True, help_text="M49 code of the region a sub-region belongs to."
    )
    practice_count = serializers.IntegerField(help_text="Published practices involving it.")
