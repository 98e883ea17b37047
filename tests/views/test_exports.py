"""CSV and JSON exports hold exactly the filtered list, streamed."""

import csv
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from compendium import exports

from ..factories import PracticeCountryFactory, ThemeFactory, populate

pytestmark = pytest.mark.django_db

QUERY = "country=MX&country=PH&year_from=2001&sort=start-year"


def streamed(response) -> str:
    assert response.status_code == 200
    assert response.streaming
    return b"".join(response.streaming_content).decode()


def listed_slugs(client, query: str) -> list[str]:
    slugs = []
    page = 1
    while True:
        response = client.get(f"/practices/?{query}&page={page}")
        slugs += [practice.slug for practice in response.context["practice_list"]]
        if not response.context["page_obj"].has_next():
            return slugs
        page += 1


def test_csv_export_holds_exactly_the_filtered_list_in_its_order(client, hidden_practices):
    populate(80)

    response = client.get(f"/practices/export.csv?{QUERY}")

    rows = list(csv.DictReader(io.StringIO(streamed(response))))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment; filename=" in response["Content-Disposition"]
    assert [row["slug"] for row in rows] == listed_slugs(client, QUERY)
    assert len(rows) > 20  # more than one page of the list


def test_json_export_holds_exactly_the_filtered_list_in_its_order(client):
    populate(60)

    response = client.get(f"/practices/export.json?{QUERY}")

    data = json.loads(streamed(response))
    assert [item["slug"] for item in data] == listed_slugs(client, QUERY)


def test_export_joins_multi_valued_fields_in_csv_and_keeps_lists_in_json(
    client, published_practice
):
    published_practice.themes.add(ThemeFactory(name="Partnerships"), ThemeFactory(name="Crisis"))
    PracticeCountryFactory(practice=published_practice, country="MX")
    PracticeCountryFactory(practice=published_practice, country="US", role="host")

    row = next(csv.DictReader(io.StringIO(streamed(client.get("/practices/export.csv")))))
    item = json.loads(streamed(client.get("/practices/export.json")))[0]

    assert row["themes"] == "Crisis; Partnerships"
    assert row["country_codes"] == "MX; US"
    assert row["primary_pillar"] == "Engage"
    assert row["url"] == "http://testserver/practices/mexico-tres-por-uno/"
    assert sorted(item["countries"]) == [
        "Mexico (Origin or heritage country)",
        "United States of America (Host or residence country)",
    ]
    assert item["evidence_level"] == "Not evaluated"


def test_export_of_an_empty_selection_still_has_its_header(client):
    text = streamed(client.get("/practices/export.csv?country=FR"))
    assert text.splitlines() == [text.splitlines()[0]]
    assert text.startswith("slug,url,title,")
    assert json.loads(streamed(client.get("/practices/export.json?country=FR"))) == []


@pytest.mark.parametrize("extension", ["csv", "json"])
def test_export_refuses_bad_filters_with_a_400_naming_them(client, extension):
    response = client.get(f"/practices/export.{extension}?pillar=nonsense&colour=red")

    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"colour"}
    assert client.get(f"/practices/export.{extension}?pillar=nonsense").json()["errors"].keys() == {
        "pillar"
    }


def test_export_reads_its_practices_a_chunk_at_a_time(client, monkeypatch):
    populate(7)
    monkeypatch.setattr(exports, "CHUNK", 3)

    with CaptureQueriesContext(connection) as queries:
        data = json.loads(streamed(client.get("/practices/export.json?sort=title")))

    # One query for the practices, then one per multi-valued field for each of 3 chunks.
    assert len(queries) == 1 + 8 * 3
    assert [item["slug"] for item in data] == listed_slugs(client, "sort=title")
    assert all(item["countries"] and item["themes"] for item in data)


def test_export_keeps_the_language_of_its_address(client, published_practice):
    PracticeCountryFactory(practice=published_practice, country="MX")

    item = json.loads(streamed(client.get("/fr/practices/export.json")))[0]

    assert item["countries"] == ["Mexique (Pays d’origine ou d’ascendance)"]
    assert item["evidence_level"] == "Non évaluée"
