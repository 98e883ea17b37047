"""Exports of exactly the filtered list, streamed so that memory stays flat at any size."""

import csv
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import JsonResponse, StreamingHttpResponse
from django.utils import timezone
from django.views import View

from ..exports import COLUMNS, export_rows
from ..spreadsheets import neutralised
from .listing import FilteredPracticesMixin


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
            return neutralised("; ".join(value))
        if hasattr(value, "isoformat"):
            return value.isoformat()
        return "" if value is None else neutralised(value)


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
