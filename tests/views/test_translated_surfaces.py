"""Every public surface gives a practice's texts in the visitor's language where translated."""

import csv
import io
import json
import re

import pytest

from compendium.models import PracticeTranslation

from ..factories import (
    KeyFigureFactory,
    OrganisationFactory,
    PracticeCountryFactory,
    PracticeFactory,
    PracticeOrganisationFactory,
    PracticeRelationFactory,
)

pytestmark = pytest.mark.django_db

SLUG = "mexico-tres-por-uno"
URL = f"/practices/{SLUG}/"


@pytest.fixture
def translated(published_practice):
    practice = published_practice
    practice.summary = "Governments match every dollar that migrants send, since 2002."
    practice.results = "Thousands of projects."
    practice.save()
    KeyFigureFactory(practice=practice, label="Projects funded", label_fr="Projets financés")
    PracticeTranslation.objects.create(
        practice=practice,
        language="fr",
        title="Programme Tres por Uno du Mexique",
        summary="Les pouvoirs publics abondent chaque dollar envoyé, depuis 2002.",
        description="Une description en français.",
        results="Des milliers de projets.",
    )
    organisation = OrganisationFactory(
        slug="iom", name="International Organization for Migration", acronym="IOM"
    )
    organisation.name_fr = "Organisation internationale pour les migrations"
    organisation.save()
    PracticeOrganisationFactory(practice=practice, organisation=organisation)
    PracticeCountryFactory(practice=practice, country="MX")
    other = PracticeFactory(slug="mdm-invest", title="MDM INVEST scheme")
    PracticeTranslation.objects.create(practice=other, language="fr", title="Dispositif MDM INVEST")
    PracticeRelationFactory(from_practice=practice, to_practice=other)
    return practice


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def test_practice_page_in_french(client, translated):
    html = page(client, f"/fr{URL}")

    assert "<h1>Programme Tres por Uno du Mexique</h1>" in html
    assert "Les pouvoirs publics abondent chaque dollar" in html
    assert "Des milliers de projets." in html
    assert "Projets financés" in html and "Projects funded" not in html
    assert "Organisation internationale pour les migrations (IOM)" in html
    assert "Dispositif MDM INVEST" in html
    assert 'class="language-note"' not in html
    json_ld = json.loads(re.search(r'application/ld\+json">(.*?)</script>', html, re.S)[1])
    assert json_ld["inLanguage"] == "fr"
    assert json_ld["name"] == "Programme Tres por Uno du Mexique"
    assert json_ld["translationOfWork"]["name"] == "Tres por Uno"
    # The citation names the entry in French and keeps its English title.
    assert "Programme Tres por Uno du Mexique [Tres por Uno]" in html


def test_an_outdated_translation_is_shown_with_a_quiet_notice(client, translated):
    translated.description = "A new English description."
    translated.save()

    html = page(client, f"/fr{URL}")

    assert "<h1>Programme Tres por Uno du Mexique</h1>" in html
    assert "La version anglaise de cette fiche a changé" in html
    assert "La version anglaise" not in page(client, f"/es{URL}")


def test_lists_cards_and_places_in_french(client, translated):
    for url in ["/fr/", "/fr/practices/", "/fr/countries/mx/", "/fr/organisations/iom/"]:
        assert "Programme Tres por Uno du Mexique" in page(client, url), url
    assert "Organisation internationale pour les migrations" in page(client, "/fr/countries/mx/")
    compare = page(client, f"/fr/compare/?p={SLUG}&p=mdm-invest")
    assert "Programme Tres por Uno du Mexique" in compare
    assert "Des milliers de projets." in compare and "Projets financés" in compare
    # Spanish has no translation here: English, marked as such on the practice page.
    assert "Tres por Uno" in page(client, "/es/practices/")
    assert '<h1 lang="en">Tres por Uno</h1>' in page(client, f"/es{URL}")


def test_feed_in_french(client, translated):
    feed = page(client, "/fr/feed/")

    assert "<title>Programme Tres por Uno du Mexique</title>" in feed
    assert "Les pouvoirs publics abondent" in feed


def test_exports_in_the_page_language(client, translated):
    rows = list(csv.DictReader(io.StringIO(page(client, "/fr/practices/export.csv"))))
    french = next(row for row in rows if row["slug"] == SLUG)
    english = json.loads(page(client, "/practices/export.json"))

    assert french["title"] == "Programme Tres por Uno du Mexique"
    assert french["description"] == "Une description en français."
    assert (french["language"], french["original_title"]) == ("fr", "Tres por Uno")
    assert "Organisation internationale pour les migrations (IOM)" in french["organisations"]
    tres = next(row for row in english if row["slug"] == SLUG)
    assert (tres["title"], tres["language"], tres["original_title"]) == ("Tres por Uno", "en", "")


def test_citations_in_french_keep_the_original_title(client, translated):
    bibtex = page(client, f"/fr{URL}cite.bib")
    ris = page(client, f"/fr{URL}cite.ris")

    assert "title = {{Programme Tres por Uno du Mexique}}" in bibtex
    assert "origtitle = {{Tres por Uno}}" in bibtex
    assert "TI  - Programme Tres por Uno du Mexique\r\n" in ris
    assert "OP  - Tres por Uno\r\n" in ris and "LA  - fr\r\n" in ris


def test_api_in_the_language_asked_for(client, translated):
    detail = client.get(f"/api/v1{URL}?lang=fr").json()
    listed = client.get("/api/v1/practices/?lang=fr").json()["results"]
    english = client.get(f"/api/v1{URL}").json()

    assert detail["title"] == "Programme Tres por Uno du Mexique"
    assert detail["description"] == "Une description en français."
    assert detail["results"] == "Des milliers de projets."
    assert (detail["language"], detail["original_title"]) == ("fr", "Tres por Uno")
    assert detail["key_figures"][0]["label"] == "Projets financés"
    assert detail["organisations"][0]["name"] == "Organisation internationale pour les migrations"
    assert detail["related_practices"][0]["title"] == "Dispositif MDM INVEST"
    assert {row["title"] for row in listed} == {
        "Programme Tres por Uno du Mexique",
        "Dispositif MDM INVEST",
    }
    assert (english["title"], english["language"], english["original_title"]) == (
        "Tres por Uno",
        "en",
        "",
    )


def test_a_draft_translated_practice_stays_hidden_in_every_language(client, translated):
    translated.editorial_status = translated.EditorialStatus.DRAFT
    translated.save()

    assert client.get(f"/fr{URL}").status_code == 404
    assert client.get(f"/api/v1{URL}?lang=fr").status_code == 404
    for url in ["/fr/practices/", "/fr/feed/", "/fr/practices/export.csv", "/es/practices/"]:
        assert "Tres por Uno" not in page(client, url), url
