"""Cells that a spreadsheet would run as a formula are written as text.

A text that begins with = + - @, a tab or a carriage return is a formula to Excel,
LibreOffice and Google Sheets (OWASP's "CSV injection"); public suggestions become
practices, so such text can come from anyone. As OWASP recommends, the cell gets a
leading single quote. JSON exports and the API stay exact.
"""

import tablib
from import_export.formats import base_formats

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(value):
    """Return a text that a spreadsheet would read as a formula with a quote in front."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return f"'{value}"
    return value


def restored(value):
    """Undo neutralised(), so that an exported file imports back unchanged."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def _mapped(dataset: tablib.Dataset, cell) -> tablib.Dataset:
    mapped = tablib.Dataset(headers=dataset.headers, title=dataset.title)
    for row in dataset:
        mapped.append([cell(value) for value in row])
    return mapped


class SpreadsheetCells:
    """Neutralise formulas on export and undo it on import, for an import-export format."""

    def export_data(self, dataset, **kwargs):
        return super().export_data(_mapped(dataset, neutralised), **kwargs)

    def create_dataset(self, in_stream, **kwargs):
        return _mapped(super().create_dataset(in_stream, **kwargs), restored)


class CSV(SpreadsheetCells, base_formats.CSV):
    pass


class TSV(SpreadsheetCells, base_formats.TSV):
    pass


class XLSX(SpreadsheetCells, base_formats.XLSX):
    pass


class ODS(SpreadsheetCells, base_formats.ODS):
    pass


# The formats the admin offers: spreadsheets made safe, and exact JSON.
ADMIN_FORMATS = [fmt for fmt in (CSV, XLSX, TSV, ODS, base_formats.JSON) if fmt.is_available()]
