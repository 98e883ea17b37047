"""Changelist filters that Django's field filters cannot express."""

from datetime import timedelta

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from .. import geography
from ..models import PracticeCountry, PracticeTranslation


class CountryFilter(admin.SimpleListFilter):
    title = _("country")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        used = set(PracticeCountry.objects.values_list("country", flat=True).distinct())
        return [(code, name) for code, name in countries if code in used]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(countries__country=self.value()).distinct()
        return queryset


class RegionFilter(admin.SimpleListFilter):
    title = _("region")
    parameter_name = "region"

    def lookups(self, request, model_admin):
        return [
            (str(region.code), f"– {region.label}" if region.is_subregion else region.label)
            for region in geography.all_regions()
        ]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            codes = geography.country_codes_in(int(self.value()))
            return queryset.filter(countries__country__in=codes).distinct()
        return queryset


class VerifiedFilter(admin.SimpleListFilter):
    title = _("last verified")
    parameter_name = "verified"

    def lookups(self, request, model_admin):
        return [
            ("stale", _("Not in the last 12 months")),
            ("recent", _("In the last 12 months")),
        ]

    def queryset(self, request, queryset):
        year_ago = timezone.localdate() - timedelta(days=365)
        if self.value() == "stale":
            return queryset.exclude(last_verified_on__gte=year_ago)
        if self.value() == "recent":
            return queryset.filter(last_verified_on__gte=year_ago)
        return queryset


class TranslationFilter(admin.SimpleListFilter):
    """Find the practices whose French or Spanish texts need a translator."""

    title = _("translation")
    parameter_name = "translation"

    def lookups(self, request, model_admin):
        choices = []
        for language, name in PracticeTranslation.Language.choices:
            choices += [
                (f"{language}-missing", _("%(language)s: missing") % {"language": name}),
                *(
                    (f"{language}-{status}", f"{name}: {label}")
                    for status, label in PracticeTranslation.Status.choices
                ),
            ]
        return choices

    def queryset(self, request, queryset):
        language, _dash, state = (self.value() or "").partition("-")
        if language not in PracticeTranslation.Language.values:
            return queryset
        translations = PracticeTranslation.objects.filter(language=language)
        if state == "missing":
            return queryset.exclude(pk__in=translations.exclude(title="").values("practice"))
        if state in PracticeTranslation.Status.values:
            return queryset.filter(pk__in=translations.filter(status=state).values("practice"))
        return queryset
