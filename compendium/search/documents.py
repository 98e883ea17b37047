"""What is indexed of a practice, and with which weight: the one description both databases use.

- names (weighted highest): titles, countries (in the three languages), organisations
  (names and acronyms), instrument types;
- summary: summaries, pillars, themes, target groups, regions, key-figure labels;
- body: descriptions, the other texts, GCM objectives, the report sections cited.

Every text is stemmed in its own language: the English entry in English, a translation in
its language, a vocabulary name in the language of its column.
"""

from dataclasses import dataclass, field
from functools import cache

from django.db.models import Prefetch, QuerySet
from django.utils import translation
from django_countries import countries

from .. import geography
from ..models import PracticeOrganisation, PracticeTranslation
from ..models.translations import TRANSLATED_FIELDS
from . import text
from .synonyms import SynonymIndex

COLUMNS = ("names", "summary", "body")
BODY_FIELDS = [name for name in TRANSLATED_FIELDS if name not in ("title", "summary")]


@dataclass
class Document:
    """A practice's stemmed words by column, and its distinct (word, stem) pairs."""

    synonyms: SynonymIndex
    columns: dict[str, list[str]] = field(default_factory=lambda: {c: [] for c in COLUMNS})
    pairs: set[tuple[str, str]] = field(default_factory=set)
    # The synonym groups the texts name, by token: their share of the vocabulary.
    groups: set[str] = field(default_factory=set)

    def add(self, column: str, value: str, language: str) -> None:
        found, indexed, tokens = self.synonyms.read(value or "", language)
        self.columns[column] += indexed
        self.pairs.update(found)
        self.groups.update(tokens)

    def text(self, column: str) -> str:
        return " ".join(self.columns[column])


def with_indexed_rows(practices: QuerySet) -> QuerySet:
    """Return the practices with every row their documents read, in a fixed number of queries."""
    return practices.select_related("primary_pillar").prefetch_related(
        "secondary_pillars",
        "themes",
        "instruments",
        "gcm_objectives",
        "target_groups",
        "countries",
        "key_figures",
        "source_references",
        Prefetch(
            "organisation_roles",
            queryset=PracticeOrganisation.objects.select_related("organisation"),
        ),
        Prefetch("translations", queryset=PracticeTranslation.objects.all()),
    )


@cache
def country_names(language: str) -> dict[str, str]:
    """Return every country's name in one language, by ISO code."""
    with translation.override(language):
        return {code: str(name) for code, name in countries}


def _add_terms(document: Document, column: str, terms, *names: str) -> None:
    for term in terms:
        for language in text.LANGUAGES:
            for name in names:
                document.add(column, getattr(term, f"{name}_{language}", ""), language)


def build(practice, synonyms: SynonymIndex) -> Document:
    """Return the document of a practice fetched through with_indexed_rows()."""
    document = Document(synonyms)
    document.add("names", practice.title, "en")
    document.add("summary", practice.summary, "en")
    for name in BODY_FIELDS:
        document.add("body", getattr(practice, name), "en")
    for item in practice.translations.all():
        document.add("names", item.title, item.language)
        document.add("summary", item.summary, item.language)
        for name in BODY_FIELDS:
            document.add("body", getattr(item, name), item.language)
    _add_places(document, [link.country for link in practice.countries.all()])
    for role in practice.organisation_roles.all():
        document.add("names", role.organisation.name, "en")
        document.add("names", role.organisation.acronym, "en")
    _add_terms(document, "names", practice.instruments.all(), "name")
    pillars = [practice.primary_pillar] if practice.primary_pillar else []
    _add_terms(document, "summary", [*pillars, *practice.secondary_pillars.all()], "name")
    _add_terms(document, "summary", practice.themes.all(), "name")
    _add_terms(document, "summary", practice.target_groups.all(), "name")
    for figure in practice.key_figures.all():
        document.add("summary", figure.label, "en")
    _add_terms(document, "body", practice.gcm_objectives.all(), "title")
    for reference in practice.source_references.all():
        document.add("body", reference.section, "en")
    return document


def _add_places(document: Document, places) -> None:
    regions = set()
    for country in places:
        for language in text.LANGUAGES:
            document.add("names", country_names(language).get(country.code, ""), language)
        for region in (geography.region_of(country), geography.subregion_of(country)):
            if region:
                regions.add(region.name)
    for name in sorted(regions):
        document.add("summary", name, "en")
