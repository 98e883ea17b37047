"""Bulk import and export of practices: CSV and XLSX, all or nothing."""

import html
import io
import re

import pytest
import tablib
from django.core.files.uploadedfile import SimpleUploadedFile

from compendium.models import Practice
from compendium.resources import PracticeResource

from . import factories

pytestmark = pytest.mark.django_db

HEADERS = [
    "slug",
    "title",
    "summary",
    "description",
    "primary_pillar",
    "themes",
    "instruments",
    "countries",
    "scope",
]


@pytest.fixture
def vocabulary():
    factories.PillarFactory(slug="empower", name="Empower")
    factories.ThemeFactory(slug="partnerships")
    factories.InstrumentTypeFactory(slug="matching-grants")


def dataset(*rows):
    return tablib.Dataset(*rows, headers=HEADERS)


GOOD = (
    "mexico-tres-por-uno",
    "Tres por Uno",
    "Matching.",
    "Long text.",
    "empower",
    "partnerships",
    "matching-grants",
    "MX:origin|US:host",
    "national",
)
GOOD_TOO = (
    "morocco-mdm-invest",
    "MDM INVEST",
    "Matching.",
    "Long text.",
    "empower",
    "",
    "",
    "ma",
    "",
)


def test_valid_import_creates_drafts_with_their_relations(vocabulary):
    result = PracticeResource().import_data(dataset(GOOD, GOOD_TOO), dry_run=False)

    assert not result.has_errors() and not result.has_validation_errors()
    practice = Practice.objects.get(slug="mexico-tres-por-uno")
    assert practice.editorial_status == "draft"
    assert practice.primary_pillar.slug == "empower"
    assert [t.slug for t in practice.themes.all()] == ["partnerships"]
    assert [i.slug for i in practice.instruments.all()] == ["matching-grants"]
    assert sorted((c.country.code, c.role) for c in practice.countries.all()) == [
        ("MX", "origin"),
        ("US", "host"),
    ]
    assert Practice.objects.get(slug="morocco-mdm-invest").countries.get().country.code == "MA"


def test_dry_run_writes_nothing(vocabulary):
    result = PracticeResource().import_data(dataset(GOOD), dry_run=True)
    assert result.totals["new"] == 1
    assert not Practice.objects.exists()


@pytest.mark.parametrize(
    ("bad_row", "field", "message"),
    [
        (("bad-country", "T", "S", "D", "empower", "", "", "MX|ZZ", ""), "countries", "ZZ"),
        (
            ("bad-theme", "T", "S", "D", "empower", "no-such-theme", "", "", ""),
            "themes",
            "no-such-theme",
        ),
        (("bad-scope", "T", "S", "D", "empower", "", "", "", "planetary"), "scope", "planetary"),
        (("no-title", "", "S", "D", "empower", "", "", "", ""), "title", "blank"),
    ],
)
def test_one_bad_row_writes_nothing_and_names_row_and_field(vocabulary, bad_row, field, message):
    result = PracticeResource().import_data(dataset(GOOD, bad_row, GOOD_TOO), dry_run=False)

    assert not Practice.objects.exists()
    [invalid] = result.invalid_rows
    assert invalid.number == 2
    assert field in invalid.field_specific_errors
    assert message in " ".join(str(e) for e in invalid.field_specific_errors[field])


def admin_import(client, content: bytes, name: str, fmt: str):
    upload = SimpleUploadedFile(name, content)
    return client.post(
        "/admin/compendium/practice/import/",
        {"import_file": upload, "format": fmt, "resource": "0"},
    )


def format_index(client, extension: str) -> str:
    page = client.get("/admin/compendium/practice/import/").content.decode()
    options = re.findall(r'<option value="(\d+)"[^>]*>([^<]+)</option>', page)
    return next(value for value, label in options if label.strip() == extension)


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_admin_import_previews_and_reports_row_and_field(admin_client, vocabulary, extension):
    bad = ("bad-country", "T", "S", "D", "empower", "", "", "XX", "")
    data = dataset(GOOD, bad)
    content = data.export(extension)
    content = content.encode() if isinstance(content, str) else content

    response = admin_import(
        admin_client, content, f"practices.{extension}", format_index(admin_client, extension)
    )

    body = response.content.decode()
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())
    assert response.status_code == 200
    assert "Some rows failed to validate" in text
    # The error table gives the row number, then the column and what is wrong with it.
    assert re.search(r"\b2 1 countries unknown ISO country code 'XX'", text)
    assert not Practice.objects.exists()
    assert "Confirm import" not in text


def test_admin_import_preview_then_confirm_creates_practices(admin_client, vocabulary):
    content = dataset(GOOD, GOOD_TOO).export("csv").encode()

    preview = admin_import(
        admin_client, content, "practices.csv", format_index(admin_client, "csv")
    )

    assert "Tres por Uno" in preview.content.decode()
    assert not Practice.objects.exists()
    form = preview.context["confirm_form"]
    confirm = admin_client.post(
        "/admin/compendium/practice/process_import/", {**form.initial, "resource": "0"}
    )
    assert confirm.status_code == 302
    assert Practice.objects.count() == 2


def test_export_contains_relations_and_respects_the_selection(vocabulary, published_practice):
    factories.PracticeCountryFactory(practice=published_practice, country="MX", role="origin")
    factories.PracticeFactory(title="Not selected")

    exported = PracticeResource().export(Practice.objects.filter(pk=published_practice.pk))
    rows = list(tablib.Dataset().load(io.StringIO(exported.csv), format="csv").dict)

    assert len(rows) == 1
    assert rows[0]["slug"] == "mexico-tres-por-uno"
    assert rows[0]["countries"] == "MX:origin"
    assert rows[0]["editorial_status"] == "published"


def export_form(client) -> dict:
    """Fill the admin's export form: CSV, every column."""
    page = client.get("/admin/compendium/practice/export/").content.decode()
    options = re.findall(r'<option value="(\d+)"[^>]*>([^<]+)</option>', page)
    columns = re.findall(r'name="(practiceresource_\w+)"', page)
    csv = next(value for value, label in options if label.strip() == "csv")
    return {"format": csv, "resource": "0", **dict.fromkeys(columns, "on")}


def exported_slugs(response) -> list[str]:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return sorted(row["slug"] for row in tablib.Dataset().load(content.decode(), format="csv").dict)


def test_admin_exports_the_selected_practices(admin_client, published_practice):
    factories.PracticeFactory(slug="not-selected")

    form = admin_client.post(
        "/admin/compendium/practice/",
        {"action": "export_admin_action", "_selected_action": [published_practice.pk]},
    )
    response = admin_client.post(
        "/admin/compendium/practice/export/",
        {**export_form(admin_client), "export_items": [published_practice.pk]},
    )

    assert form.status_code == 200
    assert exported_slugs(response) == ["mexico-tres-por-uno"]


def test_admin_exports_the_filtered_practices(admin_client, published_practice, draft_practice):
    response = admin_client.post(
        "/admin/compendium/practice/export/?editorial_status__exact=draft",
        export_form(admin_client),
    )
    assert exported_slugs(response) == ["unfinished-draft"]
