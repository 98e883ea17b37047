from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ..models import SearchSynonym


class HasCountryFilter(admin.SimpleListFilter):
    title = _("kind")
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        return [("country", _("Country names")), ("wording", _("Wordings"))]

    def queryset(self, request, queryset):
        if self.value() == "country":
            return queryset.exclude(country="")
        if self.value() == "wording":
            return queryset.filter(country="")
        return queryset


@admin.register(SearchSynonym)
class SearchSynonymAdmin(admin.ModelAdmin):
    list_display = ["slug", "wordings", "country", "is_active", "updated_at"]
    list_filter = ["is_active", HasCountryFilter]
    search_fields = ["slug", "terms"]
    fields = ["slug", "terms", "country", "is_active"]
    ordering = ["slug"]

    @admin.display(description=_("wordings"))
    def wordings(self, synonym: SearchSynonym) -> str:
        terms = synonym.term_list
        shown = ", ".join(terms[:6])
        return f"{shown}, … (+{len(terms) - 6})" if len(terms) > 6 else shown
