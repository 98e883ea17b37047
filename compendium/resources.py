"""Bulk import and export of practices (CSV, XLSX) with django-import-export.

Vocabulary terms are given by slug, GCM objectives by number, countries as ISO codes
with an optional role (``MX:origin|US:host``). Imported practices start as drafts;
existing ones, matched by slug, keep their editorial status: the workflow, not an
import, decides what is public.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django_countries import countries
from import_export import fields, resources, widgets

from .duplicates import alike, likely_duplicates
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
CONFIRMED = {"yes", "y", "true", "1", "oui", "sí", "si"}


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


class StrictForeignKeyWidget(widgets.ForeignKeyWidget):
    """Name the unknown slug, so that the error names its row and column."""

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(value, row, **kwargs)
        except self.model.DoesNotExist:
            raise ValueError(f"unknown {self.model._meta.verbose_name}: {value}") from None


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
        # Previews compare with a practice not saved yet, which has no rows to show.
        links = value.all() if value is not None and value.instance.pk else []
        return SEPARATOR.join(f"{link.country.code}:{link.role}" for link in links)


class CountriesField(fields.Field):
    """Hold the parsed countries until the practice is saved (see after_save_instance)."""

    def save(self, instance, row, is_m2m=False, **kwargs):
        instance._country_links = self.clean(row, **kwargs)


def terms(model, field="slug"):
    return StrictManyToManyWidget(model, separator=SEPARATOR, field=field)


class PracticeResource(resources.ModelResource):
    primary_pillar = fields.Field(
        attribute="primary_pillar",
        column_name="primary_pillar",
        widget=StrictForeignKeyWidget(Pillar, field="slug"),
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
    # Named apart from the model's reverse relation, which import-export would use instead.
    country_roles = CountriesField(
        attribute="countries", column_name="countries", widget=CountriesWidget()
    )
    editorial_status = fields.Field(
        attribute="editorial_status", column_name="editorial_status", readonly=True
    )
    # Exported so that importing the file back refuses rows saved again since the export.
    revision = fields.Field(attribute="revision", column_name="revision", readonly=True)

    # (row number, slug, title, summary) of each new practice so far in the file imported.
    new_rows: tuple = ()

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
            "country_roles",
            "scope",
            "start_year",
            "end_year",
            "implementation_status",
            "evidence_level",
            "evidence_note",
            "editorial_status",
            "last_verified_on",
            "revision",
        ]
        export_order = fields
        clean_model_instances = True
        skip_unchanged = False
        use_transactions = True

    def import_instance(self, instance, row, **kwargs):
        """Check many-to-many columns with the others, so errors name row and column."""
        errors = {}
        stale = self.saved_since_export(instance, row)
        if stale:
            errors["revision"] = [stale]
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        duplicates = self.likely_duplicates_of(instance, row, kwargs.get("row_number"))
        if duplicates:
            errors.setdefault("title", []).append(duplicates)
        for field in self.get_import_fields():
            if isinstance(field.widget, widgets.ManyToManyWidget) and field.column_name in row:
                try:
                    field.clean(row, **kwargs)
                except ValueError as error:
                    errors.setdefault(field.attribute, []).append(str(error))
        if errors:
            raise ValidationError(errors)

    def likely_duplicates_of(self, instance, row, row_number=None) -> str:
        """Name the practices, in the compendium or earlier in the file, that a new row may
        duplicate, unless the row says it does not."""
        if instance.pk is not None:
            return ""
        title, summary = instance.title or "", instance.summary or ""
        earlier = self.new_rows
        self.new_rows = (*earlier, (row_number, instance.slug, title, summary))
        if str(row.get("not_a_duplicate") or "").strip().lower() in CONFIRMED:
            return ""
        close = likely_duplicates(title, summary)
        # An earlier row that was written is already among the close practices.
        written = {practice.slug for practice in close}
        in_file = [
            (number, slug, other_title)
            for number, slug, other_title, other_summary in earlier
            if slug not in written and alike(title, summary, other_title, other_summary)
        ]
        found = [f"{practice.slug} ({practice.title})" for practice in close]
        found += [
            f"{slug} ({other_title}), row {number} of this file"
            for number, slug, other_title in in_file
        ]
        if not found:
            return ""
        return (
            f"this practice may already be in the compendium{' or this file' if in_file else ''}: "
            f"{'; '.join(found)}. If it is a "
            "different practice, put yes in a not_a_duplicate column of this row and import again"
        )

    @staticmethod
    def saved_since_export(instance, row) -> str:
        """Say why a row must not overwrite its practice: saved again since the export."""
        exported = str(row.get("revision") or "").strip()
        if instance.pk is None or not exported:
            return ""  # a new practice, or a file written by hand without revisions
        stored = (
            Practice.objects.select_for_update()
            .filter(pk=instance.pk)
            .values_list("revision", flat=True)
            .first()
        )
        if exported.isdigit() and int(exported) == stored:
            return ""
        return (
            f"the practice was saved again after this file was exported (revision {stored} "
            f"now, {exported} in the file); export it again and redo the changes there, so "
            "that the newer edit is not overwritten"
        )

    def import_data(self, dataset, dry_run=False, raise_errors=False, **kwargs):
        """Import all rows or none: one invalid row rolls back the valid ones too."""
        self.new_rows = ()
        with transaction.atomic():
            result = super().import_data(dataset, dry_run, raise_errors, **kwargs)
            if result.has_validation_errors() or result.has_errors():
                transaction.set_rollback(True)
        return result

    def get_export_queryset(self, request=None, **kwargs):
        return (
            super()
            .get_export_queryset(request, **kwargs)
            .prefetch_related(
                "countries",
                "secondary_pillars",
                "themes",
                "instruments",
                "gcm_objectives",
                "target_groups",
            )
        )

    def before_save_instance(self, instance, row, **kwargs):
        if instance.pk is None:
            instance.editorial_status = Practice.EditorialStatus.DRAFT

    def after_save_instance(self, instance, row, **kwargs):
        links = getattr(instance, "_country_links", None)
        if links is None:
            return
        instance.countries.all().delete()
        PracticeCountry.objects.bulk_create(
            PracticeCountry(practice=instance, country=code, role=role) for code, role in links
        )
