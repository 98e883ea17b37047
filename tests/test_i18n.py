"""English, French and Spanish: catalogues, prefixed URLs, switcher, hreflang, vocabularies."""

import csv
import io
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings

from compendium.models import PracticeTranslation

from .factories import PracticeCountryFactory, PracticeFactory, ThemeFactory

pytestmark = pytest.mark.django_db

LOCALE = Path(settings.BASE_DIR) / "locale"
TRANSLATED = ["fr", "es"]
# One word of the navigation per language proves the page went through the catalogue.
NAVIGATION = {"fr": "Pratiques", "es": "Prácticas"}


@pytest.fixture
def site(published_practice):
    pillar = published_practice.primary_pillar
    pillar.name_fr, pillar.name_es = "Mobiliser", "Involucrar"
    pillar.save()
    theme = ThemeFactory(slug="crisis", name="Crisis situations", name_fr="Situations de crise")
    published_practice.themes.add(theme)
    PracticeCountryFactory(practice=published_practice, country="MX")
    PracticeFactory(slug="balinkbayan", title="BaLinkBayan")
    return published_practice


@pytest.mark.parametrize("language", TRANSLATED)
def test_catalogue_has_no_empty_or_fuzzy_entry(language):
    catalogue = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    assert len(catalogue) > 300
    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []
    assert "fuzzy" not in catalogue.metadata_as_entry().flags


@pytest.mark.parametrize("language", TRANSLATED)
def test_compiled_catalogue_matches_its_source(language):
    folder = LOCALE / language / "LC_MESSAGES"
    source = {
        (e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural
        for e in polib.pofile(str(folder / "django.po"))
    }
    compiled = {
        (e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural
        for e in polib.mofile(str(folder / "django.mo"))
    }
    assert {key: value for key, value in compiled.items() if key[1]} == source


PAGES = [
    "/",
    "/about/",
    "/practices/?pillar=engage&country=MX",
    "/practices/mexico-tres-por-uno/",
    "/pillars/engage/",
    "/themes/crisis/",
    "/countries/",
    "/countries/mx/",
    "/map/",
    "/compare/?p=mexico-tres-por-uno&p=balinkbayan",
    "/suggest/",
]


@pytest.mark.parametrize("language", TRANSLATED)
@pytest.mark.parametrize("page", PAGES)
def test_every_public_page_renders_in_french_and_spanish(client, site, language, page):
    response = client.get(f"/{language}{page}")

    body = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in body
    assert NAVIGATION[language] in body
    assert ">Practices</a>" not in body


def test_english_keeps_its_unprefixed_permalinks(client, site):
    assert client.get("/practices/", HTTP_ACCEPT_LANGUAGE="fr").status_code == 200
    assert (
        '<html lang="en">' in client.get("/practices/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    )
    assert client.get("/en/practices/").status_code == 404


def test_switcher_keeps_the_page_and_its_filters(client, site):
    response = client.get("/fr/practices/?pillar=engage&country=MX")

    links = {link["code"]: link["url"] for link in response.context["language_links"]}
    assert links == {
        "en": "/practices/?pillar=engage&country=MX",
        "fr": "/fr/practices/?pillar=engage&country=MX",
        "es": "/es/practices/?pillar=engage&country=MX",
    }
    assert 'href="/es/practices/?pillar=engage&amp;country=MX" hreflang="es" lang="es"' in (
        response.content.decode()
    )


def test_each_page_names_its_versions_in_other_languages(client, site):
    body = client.get("/es/countries/mx/").content.decode()

    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', body))
    assert alternates == {
        "en": "http://testserver/countries/mx/",
        "fr": "http://testserver/fr/countries/mx/",
        "es": "http://testserver/es/countries/mx/",
        "x-default": "http://testserver/countries/mx/",
    }


def test_sitemap_lists_every_language_with_alternates(client, site):
    body = client.get("/sitemap.xml").content.decode()

    assert "<loc>http://testserver/fr/practices/mexico-tres-por-uno/</loc>" in body
    assert (
        '<xhtml:link rel="alternate" hreflang="es" '
        'href="http://testserver/es/practices/mexico-tres-por-uno/"/>'
    ) in body


def test_vocabulary_labels_are_translated_in_facets_chips_and_pages(client, site):
    response = client.get("/fr/practices/?theme=crisis")

    pillars = next(g for g in response.context["facets"] if g["facet"].name == "pillar")
    assert [entry["value"].label for entry in pillars["entries"]] == ["Mobiliser"]
    assert [chip.label for chip in response.context["chips"]] == ["Situations de crise"]
    regions = next(g for g in response.context["facets"] if g["facet"].name == "region")
    assert [entry["value"].label for entry in regions["entries"]] == ["Amériques"]
    assert "Mobiliser" in client.get("/fr/").content.decode()


def test_untranslated_vocabulary_falls_back_to_english(client, site):
    response = client.get("/es/practices/?theme=crisis")
    assert [chip.label for chip in response.context["chips"]] == ["Crisis situations"]


def test_exports_use_the_visitors_language_for_vocabularies(client, site):
    response = client.get("/fr/practices/export.csv")

    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0]["primary_pillar"] == "Mobiliser"
    assert "Situations de crise" in [row["themes"] for row in rows]


def test_practice_shows_an_editors_translation_and_says_when_there_is_none(client, site):
    PracticeTranslation.objects.create(
        practice=site, language="fr", title="Trois pour un", summary="Résumé en français."
    )

    french = client.get("/fr/practices/mexico-tres-por-uno/").content.decode()
    spanish = client.get("/es/practices/mexico-tres-por-uno/").content.decode()

    assert "<h1>Trois pour un</h1>" in french
    assert "Résumé en français." in french
    assert '<div lang="en">' in french  # the description has no French version yet
    assert '<h1 lang="en">Tres por Uno</h1>' in spanish
    assert 'class="language-note"' in spanish
    assert "Trois pour un" in client.get("/fr/practices/").content.decode()


def test_api_answers_in_the_language_asked_for(client, site):
    english = client.get("/api/v1/pillars/engage/")
    by_parameter = client.get("/api/v1/pillars/engage/?lang=fr")
    by_header = client.get("/api/v1/pillars/engage/", HTTP_ACCEPT_LANGUAGE="es")

    assert english.json()["name"] == "Engage"
    assert by_parameter.json()["name"] == "Mobiliser"
    assert by_parameter["Content-Language"] == "fr"
    assert by_header.json()["name"] == "Involucrar"
    assert "Accept-Language" in by_header["Vary"]
    assert client.get("/api/v1/practices/?lang=fr&pillar=engage").status_code == 200


def test_api_refuses_a_language_it_does_not_speak(client):
    response = client.get("/api/v1/pillars/?lang=de")
    assert response.status_code == 400
    assert "lang" in response.json()


def test_api_documentation_text_is_translated(client):
    schema = client.get("/api/schema/?lang=fr&format=json").json()
    assert "diaspora" in schema["info"]["description"]
    assert schema["info"]["title"] != "Diaspora Good Practices Compendium API"
