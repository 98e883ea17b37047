from django import forms
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import (
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

# Django 6 will assume https for scheme-less URLs; opt in now rather than warn.
URL_FIELDS_ASSUME_HTTPS = {models.URLField: {"assume_scheme": "https"}}


class TermAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}


admin.site.register([Pillar, TargetGroup], TermAdmin)


@admin.register(Theme)
class ThemeAdmin(TermAdmin):
    list_display = ["name", "slug", "chapter", "position"]


class InstrumentTypeInline(admin.TabularInline):
    model = InstrumentType
    fields = ["name", "slug", "position", "description"]
    prepopulated_fields = {"slug": ["name"]}
    extra = 0


@admin.register(InstrumentFamily)
class InstrumentFamilyAdmin(TermAdmin):
    inlines = [InstrumentTypeInline]


@admin.register(InstrumentType)
class InstrumentTypeAdmin(TermAdmin):
    list_display = ["name", "slug", "family", "position"]
    list_filter = ["family"]
    list_select_related = ["family"]


@admin.register(GcmObjective)
class GcmObjectiveAdmin(admin.ModelAdmin):
    list_display = ["number", "title"]
    search_fields = ["title", "description"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "acronym", "kind", "country"]
    formfield_overrides = URL_FIELDS_ASSUME_HTTPS
    list_filter = ["kind", "country"]
    search_fields = ["name", "acronym", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["title", "publisher", "year"]
    formfield_overrides = URL_FIELDS_ASSUME_HTTPS
    search_fields = ["title", "publisher"]
    prepopulated_fields = {"slug": ["title"]}


class PracticeCountryInline(admin.TabularInline):
    model = PracticeCountry
    extra = 0


class PracticeOrganisationInline(admin.TabularInline):
    model = PracticeOrganisation
    autocomplete_fields = ["organisation"]
    extra = 0


class KeyFigureInline(admin.TabularInline):
    model = KeyFigure
    extra = 0


class SourceReferenceInline(admin.StackedInline):
    model = SourceReference
    autocomplete_fields = ["source"]
    extra = 0


class PracticeRelationInline(admin.TabularInline):
    model = PracticeRelation
    fk_name = "from_practice"
    autocomplete_fields = ["to_practice"]
    extra = 0
    verbose_name = _("related practice")
    verbose_name_plural = _("related practices")


class PracticeAdminForm(forms.ModelForm):
    class Meta:
        model = Practice
        fields = "__all__"  # noqa: DJ007 - the admin picks the fields through its fieldsets

    def clean(self):
        cleaned = super().clean()
        primary = cleaned.get("primary_pillar")
        if primary and primary in (cleaned.get("secondary_pillars") or []):
            self.add_error(
                "secondary_pillars", _("The primary pillar cannot also be a secondary pillar.")
            )
        return cleaned


@admin.register(Practice)
class PracticeAdmin(admin.ModelAdmin):
    form = PracticeAdminForm
    list_display = [
        "title",
        "primary_pillar",
        "editorial_status",
        "implementation_status",
        "updated_at",
        "last_verified_on",
    ]
    list_filter = [
        "editorial_status",
        "primary_pillar",
        "themes",
        "instruments__family",
        "implementation_status",
        "evidence_level",
        "scope",
    ]
    list_select_related = ["primary_pillar"]
    search_fields = ["title", "summary", "description", "organisations__name"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["instruments"]
    filter_horizontal = ["secondary_pillars", "themes", "gcm_objectives", "target_groups"]
    readonly_fields = ["created_at", "updated_at", "first_published_at"]
    date_hierarchy = "updated_at"
    inlines = [
        PracticeCountryInline,
        PracticeOrganisationInline,
        KeyFigureInline,
        SourceReferenceInline,
        PracticeRelationInline,
    ]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "description"]}),
        (
            _("Details"),
            {"fields": ["activities", "results", "lessons", "transferability"]},
        ),
        (
            _("Classification"),
            {
                "fields": [
                    "primary_pillar",
                    "secondary_pillars",
                    "themes",
                    "instruments",
                    "gcm_objectives",
                    "target_groups",
                    "scope",
                ]
            },
        ),
        (
            _("Time and status"),
            {"fields": ["start_year", "end_year", "implementation_status"]},
        ),
        (_("Evidence"), {"fields": ["evidence_level", "evidence_note"]}),
        (
            _("Editorial"),
            {
                "fields": [
                    "editorial_status",
                    "last_verified_on",
                    "created_at",
                    "updated_at",
                    "first_published_at",
                ]
            },
        ),
    ]
