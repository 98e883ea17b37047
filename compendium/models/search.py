"""What the search reads: each practice's indexed words, the vocabulary, and synonyms."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from .practice import Practice


class SearchDocument(models.Model):
    """A practice's words as the search indexes them, stemmed, by weight.

    Written only by compendium.search.indexing. Its table is made by migration 0010: an
    FTS5 table on SQLite (the row id is the practice's), a table with a GIN-indexed
    tsvector on PostgreSQL, which keeps the texts only until the vector is built from
    them; hence unmanaged.
    """

    practice = models.OneToOneField(
        Practice,
        on_delete=models.DO_NOTHING,
        primary_key=True,
        db_column="rowid",
        db_constraint=False,
        related_name="search_document",
    )
    names = models.TextField(blank=True)  # title, countries, organisations, instruments
    summary = models.TextField(blank=True)  # summary, pillars, themes, groups, figures
    body = models.TextField(blank=True)  # description and the other texts
    # The distinct word:stem pairs of a published practice: its share of the vocabulary.
    words = models.TextField(blank=True)
    vector = SearchVectorField(null=True)  # PostgreSQL only

    class Meta:
        managed = False
        db_table = "compendium_searchdocument"

    def __str__(self):
        return f"search document of practice {self.practice_id}"


class SearchWord(models.Model):
    """A word of the published practices, with its stem: what misspellings are corrected to."""

    # "word:stem": a word may have two stems, "diaspora" in English and "diaspor" in French.
    entry = models.CharField(max_length=121, unique=True)
    word = models.CharField(max_length=60, db_index=True)
    stem = models.CharField(max_length=60, db_index=True)
    document_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["word"]

    def __str__(self):
        return self.word


class SearchSynonymQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class SearchSynonym(models.Model):
    """Wordings that mean the same to a reader: a search for one also finds the others."""

    slug = models.SlugField(
        max_length=80, unique=True, help_text=_("Stable identifier, e.g. dual-citizenship.")
    )
    terms = models.TextField(
        help_text=_(
            "One wording per line, in English, French or Spanish: words, phrases, short "
            "names or acronyms. Case, accents and plurals do not matter."
        )
    )
    country = CountryField(
        blank=True,
        help_text=_("For a country's other names and demonyms: the country they name."),
    )
    is_active = models.BooleanField(
        default=True, help_text=_("Untick to stop using the group without deleting it.")
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = SearchSynonymQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]
        verbose_name = _("search synonym group")

    def __str__(self):
        return self.slug

    def natural_key(self):
        return (self.slug,)

    @property
    def term_list(self) -> list[str]:
        return [line.strip() for line in self.terms.splitlines() if line.strip()]
