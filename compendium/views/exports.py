"""Exports of exactly the filtered list, streamed so that memory stays flat at any size."""

import csv
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import JsonResponse, StreamingHttpResponse
from django.utils import timezone
from django.views import View

from .listing import FilteredPracticesMixin
from .practices import detail_queryset

CHUNK = 500
COLUMNS = [
    "slug",
    "url",
    "title",
    "summary",
    "description",
    "primary_pillar",
    "secondary_pillars",
    "themes",
    "instruments",
    "countries",
    "country_codes",
    "organisations",
    "target_groups",
    "gcm_objectives",
    "scope",
    "start_year",
    "end_year",
    "implementation_status",
    "evidence_level",
    "sources",
    "first_published_at",
    "updated_at",
    "last_verified_on",
]


def export_rows(practices, absolute_url):
    """Yield one dictionary per practice; list values hold the multi-valued fields."""
    practices = detail_queryset(practices)
    for practice in practices.iterator(chunk_size=CHUNK):
        yield {
            "slug": practice.slug,
            "url": absolute_url(practice.get_absolute_url()),
            "title": practice.title,
            "summary": practice.summary,
            "description": practice.description,
            "primary_pillar": practice.primary_pillar.name,
            "secondary_pillars": [p.name for p in practice.secondary_pillars.all()],
            "themes": [t.name for t in practice.themes.all()],
            "instruments": [i.name for i in practice.instruments.all()],
            "countries": [
                f"{c.country.name} ({c.get_role_display()})" for c in practice.countries.all()
            ],
            "country_codes": sorted({c.country.code for c in practice.countries.all()}),
            "organisations": [
                f"{o.organisation} ({o.get_role_display()})"
                for o in practice.organisation_roles.all()
            ],
            "target_groups": [t.name for t in practice.target_groups.all()],
            "gcm_objectives": [str(g) for g in practice.gcm_objectives.all()],
            "scope": practice.get_scope_display(),
            "start_year": practice.start_year,
            "end_year": practice.end_year,
            "implementation_status": practice.get_implementation_status_display(),
            "evidence_level": practice.get_evidence_level_display(),
            "sources": [
                ", ".join(part for part in (r.source.title, r.chapter, r.section) if part)
                for r in practice.source_references.all()
            ],
            "first_published_at": practice.first_published_at,
            "updated_at": practice.updated_at,
            "last_verified_on": practice.last_verified_on,
        }


class Echo:
    """A file-like object that hands back what is written, for csv.writer to stream."""

    def write(self, value):
        return value


class ExportView(FilteredPracticesMixin, View):
    extra_parameters = frozenset({"page"})  # accepted so a list's address works; ignored
    extension = ""
    content_type = ""

    def invalid_query(self, problems):
        return JsonResponse({"errors": problems}, status=400)

    def get(self, request, *args, **kwargs):
        rows = export_rows(self.filterset.qs, request.build_absolute_uri)
        response = StreamingHttpResponse(self.stream(rows), content_type=self.content_type)
        filename = f"compendium-practices-{timezone.localdate().isoformat()}.{self.extension}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class CsvExportView(ExportView):
    extension = "csv"
    content_type = "text/csv; charset=utf-8"

    def stream(self, rows):
        writer = csv.writer(Echo())
        yield writer.writerow(COLUMNS)
        for row in rows:
            yield writer.writerow([self.cell(row[column]) for column in COLUMNS])

    @staticmethod
    def cell(value):
        if isinstance(value, list):
            return "; ".join(value)
        if hasattr(value, "isoformat"):
            return value.isoformat()
        return "" if value is None else value


class JsonExportView(ExportView):
    extension = "json"
    content_type = "application/json"

    def stream(self, rows):
        yield "["
        for index, row in enumerate(rows):
            yield ("," if index else "") + "\n" + json.dumps(row, cls=DjangoJSONEncoder)
        yield "\n]\n"


export_csv = CsvExportView.as_view()
export_json = JsonExportView.as_view()
