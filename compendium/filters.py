"""The one FilterSet behind the practice list, its exports and the API."""

import re

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import F, Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_filters.fields import ModelMultipleChoiceField
from drf_spectacular.utils import extend_schema_field

from . import geography
from .models import (
    GcmObjective,
    InstrumentType,
    Organisation,
    Pillar,
    Practice,
    PracticeCountry,
    TargetGroup,
    Theme,
)
from .models.practice import EARLIEST_YEAR, LATEST_YEAR
from .search import SearchPlan, analyse
from .search.query import MAX_QUERY_CHARACTERS, clean


def region_choices():
    return [(str(region.code), region.label) for region in geography.all_regions()]


def described(filter_, openapi_type: str):
    """Give the schema a filter's type and text, which it cannot infer through a slug lookup."""
    schema = {"type": openapi_type, "description": str(filter_.extra.get("help_text", ""))}
    return extend_schema_field(schema)(filter_)


class CheckedChoiceField(ModelMultipleChoiceField):
    """Refuse values that cannot be a key before asking the database about them.

    A huge number overflows the database's integers and a NUL byte is refused by
    PostgreSQL: either would turn a bad parameter into a server error.
    """

    pattern = re.compile(r"[-a-zA-Z0-9_]{1,120}")

    def clean(self, value):
        for item in value or []:
            if not self.pattern.fullmatch(str(item)):
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": item},
                )
        return super().clean(value)


class NumberChoiceField(CheckedChoiceField):
    pattern = re.compile(r"[0-9]{1,4}")


class SlugFilter(django_filters.ModelMultipleChoiceFilter):
    """Match any of several vocabulary terms given by slug; repeat the parameter for more."""

    field_class = CheckedChoiceField

    def __init__(self, *args, field_name, **kwargs):
        # to_field_name makes the filter compare the slug, so the lookup must reach it too.
        super().__init__(*args, field_name=f"{field_name}__slug", to_field_name="slug", **kwargs)
        described(self, "string")


class NumberChoiceFilter(django_filters.ModelMultipleChoiceFilter):
    """Match any of several terms given by number; repeat the parameter for more."""

    field_class = NumberChoiceField

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        described(self, "integer")


class YearFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        super().__init__(
            *args, field_name="start_year", min_value=EARLIEST_YEAR, max_value=LATEST_YEAR, **kwargs
        )


SORT_CHOICES = [
    ("relevance", _("Relevance")),
    ("title", _("Title")),
    ("newest", _("Newest in the compendium")),
    ("start-year", _("Start year, latest first")),
]

SORT_ORDERS = {
    "title": ["title"],
    "newest": [F("first_published_at").desc(nulls_last=True), "title"],
    "start-year": [F("start_year").desc(nulls_last=True), "title"],
}


class PracticeFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        year_from, year_to = cleaned.get("year_from"), cleaned.get("year_to")
        if year_from and year_to and year_from > year_to:
            self.add_error("year_to", _("year_to must not be before year_from."))
        return cleaned


class PracticeFilter(django_filters.FilterSet):
    """Filter practices; values of one parameter are alternatives, parameters combine."""

    pillar = SlugFilter(
        field_name="primary_pillar",
        queryset=Pillar.objects.all(),
        help_text=_("Primary pillar: engage, enable or empower."),
    )
    theme = SlugFilter(
        field_name="themes",
        queryset=Theme.objects.all(),
        help_text=_("Conference theme, by slug."),
    )
    instrument = SlugFilter(
        field_name="instruments",
        queryset=InstrumentType.objects.all(),
        help_text=_("Instrument type, by slug."),
    )
    gcm = NumberChoiceFilter(
        field_name="gcm_objectives__number",
        to_field_name="number",
        queryset=GcmObjective.objects.all(),
        help_text=_("Global Compact for Migration objective, by number (1 to 23)."),
    )
    country = django_filters.MultipleChoiceFilter(
        choices=countries,
        method="filter_country",
        help_text=_("Country involved in any role, by ISO 3166-1 alpha-2 code."),
    )
    region = django_filters.MultipleChoiceFilter(
        choices=region_choices,
        method="filter_region",
        help_text=_("UN M49 region or sub-region code of a country involved, e.g. 2 for Africa."),
    )
    organisation = SlugFilter(
        field_name="organisations",
        queryset=Organisation.objects.all(),
        help_text=_("Organisation involved in any role, by slug."),
    )
    scope = django_filters.MultipleChoiceFilter(
        choices=Practice.Scope.choices, help_text=_("Geographic scope.")
    )
    target = SlugFilter(
        field_name="target_groups",
        queryset=TargetGroup.objects.all(),
        help_text=_("Target group, by slug."),
    )
    status = django_filters.MultipleChoiceFilter(
        field_name="implementation_status",
        choices=Practice.ImplementationStatus.choices,
        help_text=_("Implementation status."),
    )
    evidence = django_filters.MultipleChoiceFilter(
        field_name="evidence_level",
        choices=Practice.EvidenceLevel.choices,
        help_text=_("Evidence level."),
    )
    year_from = YearFilter(
        lookup_expr="gte", label=_("Started from"), help_text=_("Started in or after this year.")
    )
    year_to = YearFilter(
        lookup_expr="lte", label=_("Started until"), help_text=_("Started in or before this year.")
    )
    q = django_filters.CharFilter(
        method="filter_search",
        label=_("Search"),
        max_length=MAX_QUERY_CHARACTERS,
        help_text=_(
            "Free-text search over the practices' texts, countries, organisations and terms, "
            "in English, French or Spanish; tolerates misspellings and other wordings."
        ),
    )

    # Declared last so that it orders what the search has already ranked.
    sort = django_filters.ChoiceFilter(
        choices=SORT_CHOICES,
        method="sort_by",
        empty_label=None,
        label=_("Sort by"),
        help_text=_("Order: relevance (when searching), title, newest or start-year."),
    )

    class Meta:
        model = Practice
        fields = []
        form = PracticeFilterForm

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and "country" in data:
            # ISO codes are upper-case, but the site's own country URLs are lower-case.
            data = data.copy()
            data.setlist("country", [code.upper() for code in data.getlist("country")])
        super().__init__(data, *args, **kwargs)

    def filter_country(self, queryset, name, value: str):
        return self._involving(queryset, value)

    def filter_region(self, queryset, name, value: int):
        codes = set().union(*(geography.country_codes_in(int(code)) for code in value))
        return self._involving(queryset, codes)

    def filter_search(self, queryset, name, value: str):
        return queryset.search(self.search_plan(value))

    def search_plan(self, value: str) -> SearchPlan:
        """Return the query's plan, made once however many facets filter with it."""
        if getattr(self, "_plan", None) is None or self._plan.query != clean(value):
            self._plan = analyse(value)
        return self._plan

    def sort_by(self, queryset, name, value: str):
        if value in SORT_ORDERS:
            return queryset.order_by(*SORT_ORDERS[value])
        return queryset  # relevance: the search's own order, or the default one

    def queryset_without(self, name: str) -> QuerySet:
        """Return the practices that every active filter but one lets through.

        A facet counts its values among these, so that choosing a value of one facet
        never hides the other values of that same facet. Call after is_valid().
        """
        queryset = self.queryset
        for filter_name, value in self.form.cleaned_data.items():
            if filter_name not in (name, "sort"):
                queryset = self.filters[filter_name].filter(queryset, value)
        return queryset

    @staticmethod
    def _involving(queryset, codes):
        if not codes:
            return queryset
        return queryset.filter(
            Q(pk__in=PracticeCountry.objects.filter(country__in=codes).values("practice"))
        )
