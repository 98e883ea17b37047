from django.contrib import admin
from django.db import models
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from ..models import (
    GcmObjective,
    InstrumentFamily,
    InstrumentType,
    Organisation,
    Pillar,
    Source,
    TargetGroup,
    Theme,
)

# Django 6 will assume https for scheme-less URLs; opt in now rather than warn.
URL_FIELDS_ASSUME_HTTPS = {models.URLField: {"assume_scheme": "https"}}


class TermAdmin(TranslationAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}


admin.site.register([Pillar, TargetGroup], TermAdmin)


@admin.register(Theme)
class ThemeAdmin(TermAdmin):
    list_display = ["name", "slug", "chapter", "position"]


class InstrumentTypeInline(TranslationTabularInline):
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
class GcmObjectiveAdmin(TranslationAdmin):
    list_display = ["number", "title"]
    search_fields = ["title", "description"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "acronym", "kind", "country"]
    formfield_overrides = URL_FIELDS_ASSUME_HTTPS
    list_filter = ["kind", "country"]
    search_fields = ["name", "name_fr", "name_es", "acronym", "slug"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["title", "publisher", "year"]
    formfield_overrides = URL_FIELDS_ASSUME_HTTPS
    search_fields = ["title", "publisher"]
    prepopulated_fields = {"slug": ["title"]}
