"""Bulk import and export of practices (CSV, XLSX) with django-import-export.

Vocabulary terms are given by slug, GCM objectives by number, countries as ISO codes
with an optional role (``MX:origin|US:host``). Imported practices start as drafts;
existing ones, matched by slug, keep their editorial status.
"""

from django_countries import countries
from import_export import fields, resources, widgets

from .models import (
    GcmObjective,
    InstrumentType,
    Pillar,
    Practice,
    PracticeCountry,
    TargetGroup,
    Theme,
)

SEPARATOR = "|"


class StrictManyToManyWidget(widgets.ManyToManyWidget):
    """Refuse unknown slugs instead of silently dropping them."""

    def clean(self, value, row=None, **kwargs):
        terms = super().clean(value, row, **kwargs)
        wanted = {item.strip() for item in str(value or "").split(self.separator) if item.strip()}
        found = {str(getattr(term, self.field)) for term in terms}
        missing = sorted(wanted - found)
        if missing:
            raise ValueError(f"unknown {self.model._meta.verbose_name}: {', '.join(missing)}")
        return terms


class CountriesWidget(widgets.Widget):
    """Read and write ``MX:origin|US:host``; the role defaults to origin."""

    def clean(self, value, row=None, **kwargs):
        links = []
        roles = PracticeCountry.Role.values
        for item in str(value or "").split(SEPARATOR):
            if not item.strip():
                continue
            code, _sep, role = item.strip().partition(":")
            code, role = code.strip().upper(), (role.strip() or PracticeCountry.Role.ORIGIN)
            if code not in countries:
                raise ValueError(f"unknown ISO country code {code!r}")
            if role not in roles:
                raise ValueError(f"unknown role {role!r}; use one of {', '.join(roles)}")
            links.append((code, role))
        return links

    def render(self, value, obj=None, **kwargs):
        if obj is None:
            return ""
        return SEPARATOR.join(f"{link.country.code}:{link.role}" for link in obj.countries.all())


def terms(model, field="slug"):
    return StrictManyToManyWidget(model, separator=SEPARATOR, field=field)


class PracticeResource(resources.ModelResource):
    primary_pillar = fields.Field(
        attribute="primary_pillar",
        column_name="primary_pillar",
        widget=widgets.ForeignKeyWidget(Pillar, field="slug"),
    )
    secondary_pillars = fields.Field(
        attribute="secondary_pillars", column_name="secondary_pillars", widget=terms(Pillar)
    )
    themes = fields.Field(attribute="themes", column_name="themes", widget=terms(Theme))
    instruments = fields.Field(
        attribute="instruments", column_name="instruments", widget=terms(InstrumentType)
    )
    gcm_objectives = fields.Field(
        attribute="gcm_objectives",
        column_name="gcm_objectives",
        widget=terms(GcmObjective, field="number"),
    )
    target_groups = fields.Field(
        attribute="target_groups", column_name="target_groups", widget=terms(TargetGroup)
    )
    countries = fields.Field(attribute="country_links", column_name="countries", widget=CountriesWidget())

    class Meta:
        model = Practice
        import_id_fields = ["slug"]
        fields = [
            "slug",
            "title",
            "summary",
            "description",
            "activities",
            "results",
            "lessons",
            "transferability",
            "primary_pillar",
            "secondary_pillars",
            "themes",
            "instruments",
            "gcm_objectives",
            "target_groups",
            "countries",
            "scope",
            "start_year",
            "end_year",
            "implementation_status",
            "evidence_level",
            "evidence_note",
            "editorial_status",
            "last_verified_on",
        ]
        export_order = fields
        # Workflow, not imports, decides what is public.
        readonly_fields = ["editorial_status"]
        clean_model_instances = True
        skip_unchanged = False
        use_transactions = True

    def export_field(self, field, instance, **kwargs):
        if field.column_name == "countries":
            return field.widget.render(None, obj=instance)
        return super().export_field(field, instance, **kwargs)

    def get_export_queryset(self, request=None, **kwargs):
        return super().get_export_queryset(request, **kwargs).prefetch_related(
            "countries", "secondary_pillars", "themes", "instruments", "gcm_objectives", "target_groups"
        )

    def before_save_instance(self, instance, row, **kwargs):
        if instance.pk is None:
            instance.editorial_status = Practice.EditorialStatus.DRAFT

    def after_save_instance(self, instance, row, **kwargs):
        links = getattr(instance, "country_links", None)
        if links is None:
            return
        instance.countries.all().delete()
        PracticeCountry.objects.bulk_create(
            PracticeCountry(practice=instance, country=code, role=role) for code, role in links
        )
