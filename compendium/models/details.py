"""The rows that belong to one practice: where, who, how much, according to whom."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from ..geography import region_of, subregion_of
from .actors import Organisation, Source
from .languages import in_active_language
from .practice import Practice

EXCERPT_MAX_WORDS = 40


def validate_short_excerpt(value: str) -> None:
    """Reject excerpts too long to be a short quotation."""
    words = len(value.split())
    if words > EXCERPT_MAX_WORDS:
        raise ValidationError(
            _("Keep the excerpt to %(max)d words or fewer; this one has %(words)d."),
            params={"max": EXCERPT_MAX_WORDS, "words": words},
        )


class PracticeCountryManager(models.Manager):
    def get_by_natural_key(self, practice, country, role):
        return self.get(practice__slug=practice, country=country, role=role)


class PracticeOrganisationManager(models.Manager):
    def get_by_natural_key(self, practice, organisation, role):
        return self.get(practice__slug=practice, organisation__slug=organisation, role=role)


class KeyFigureManager(models.Manager):
    def get_by_natural_key(self, practice, label):
        return self.get(practice__slug=practice, label=label)


class SourceReferenceManager(models.Manager):
    def get_by_natural_key(self, practice, source, chapter, section):
        return self.get(
            practice__slug=practice, source__slug=source, chapter=chapter, section=section
        )


class PracticeRelationManager(models.Manager):
    def get_by_natural_key(self, from_practice, to_practice):
        return self.get(from_practice__slug=from_practice, to_practice__slug=to_practice)


class PracticeCountry(models.Model):
    """A country involved in a practice, and in which role."""

    class Role(models.TextChoices):
        ORIGIN = "origin", _("Origin or heritage country")
        HOST = "host", _("Host or residence country")
        PARTNER = "partner", _("Partner country")

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="countries")
    country = CountryField(db_index=True)
    role = models.CharField(
        max_length=10, choices=Role, default=Role.ORIGIN, help_text=_("The country's role.")
    )

    objects = PracticeCountryManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["role", "country"]
        constraints = [
            models.UniqueConstraint(
                fields=["practice", "country", "role"], name="unique_practice_country_role"
            )
        ]

    def __str__(self):
        return f"{self.country.name} ({self.get_role_display()})"

    def natural_key(self):
        return (*self.practice.natural_key(), self.country.code, self.role)

    @property
    def region(self):
        return region_of(self.country)

    @property
    def subregion(self):
        return subregion_of(self.country)

    natural_key.dependencies = ["compendium.practice"]


class PracticeOrganisation(models.Model):
    """An organisation involved in a practice, and in which role."""

    class Role(models.TextChoices):
        LEAD = "lead", _("Lead")
        IMPLEMENTING = "implementing", _("Implementing partner")
        FUNDER = "funder", _("Funder")
        PARTNER = "partner", _("Partner")

    practice = models.ForeignKey(
        Practice, on_delete=models.CASCADE, related_name="organisation_roles"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="practice_roles"
    )
    role = models.CharField(
        max_length=15, choices=Role, default=Role.LEAD, help_text=_("The organisation's role.")
    )

    objects = PracticeOrganisationManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["role", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["practice", "organisation", "role"],
                name="unique_practice_organisation_role",
            )
        ]

    def __str__(self):
        return f"{self.organisation} ({self.get_role_display()})"

    def natural_key(self):
        return (*self.practice.natural_key(), *self.organisation.natural_key(), self.role)

    natural_key.dependencies = ["compendium.practice", "compendium.organisation"]


class KeyFigure(models.Model):
    """A number that a source gives about a practice, such as 132 mobile consulates in 2012."""

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="key_figures")
    label = models.CharField(
        max_length=200, help_text=_("What is counted, e.g. mobile consulates set up.")
    )
    label_fr = models.CharField(_("label in French"), max_length=200, blank=True)
    label_es = models.CharField(_("label in Spanish"), max_length=200, blank=True)
    value = models.DecimalField(max_digits=20, decimal_places=2)
    unit = models.CharField(max_length=40, blank=True, help_text=_("e.g. USD, %, people."))
    year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text=_("Year the figure refers to, if the source gives one.")
    )

    objects = KeyFigureManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["practice", "label"], name="unique_key_figure_label")
        ]

    def __str__(self):
        return f"{self.label}: {self.value} {self.unit}".strip()

    @property
    def local_label(self) -> str:
        return in_active_language(self, "label")

    def natural_key(self):
        return (*self.practice.natural_key(), self.label)

    natural_key.dependencies = ["compendium.practice"]


class SourceReference(models.Model):
    """Where a source speaks of a practice, with a short quotation."""

    practice = models.ForeignKey(
        Practice, on_delete=models.CASCADE, related_name="source_references"
    )
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="references")
    chapter = models.CharField(max_length=120, help_text=_("e.g. Chapter 3, Annex."))
    section = models.CharField(max_length=255, blank=True, help_text=_("The section heading."))
    page = models.CharField(max_length=20, blank=True, help_text=_("Page number, if known."))
    excerpt = models.TextField(
        max_length=400,
        blank=True,
        validators=[validate_short_excerpt],
        help_text=_("A short quotation of what the source says, at most %(max)d words.")
        % {"max": EXCERPT_MAX_WORDS},
    )

    objects = SourceReferenceManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["practice", "source", "chapter", "section"],
                name="unique_source_reference_locator",
            )
        ]

    def __str__(self):
        return ", ".join(part for part in (str(self.source), self.chapter, self.section) if part)

    def natural_key(self):
        return (
            *self.practice.natural_key(),
            *self.source.natural_key(),
            self.chapter,
            self.section,
        )

    natural_key.dependencies = ["compendium.practice", "compendium.source"]


class PracticeRelation(models.Model):
    """A directed link between two practices."""

    class Kind(models.TextChoices):
        SIMILAR = "similar", _("Similar to")
        INSPIRED_BY = "inspired-by", _("Inspired by")
        SUCCESSOR_OF = "successor-of", _("Successor of")

    from_practice = models.ForeignKey(
        Practice, on_delete=models.CASCADE, related_name="outgoing_relations"
    )
    to_practice = models.ForeignKey(
        Practice, on_delete=models.CASCADE, related_name="incoming_relations"
    )
    kind = models.CharField(
        max_length=15, choices=Kind, default=Kind.SIMILAR, help_text=_("How the practices relate.")
    )

    objects = PracticeRelationManager()
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["from_practice", "to_practice"], name="unique_practice_relation"
            ),
            models.CheckConstraint(
                condition=~models.Q(from_practice=models.F("to_practice")),
                name="practice_relation_not_to_itself",
            ),
        ]

    def __str__(self):
        return f"{self.from_practice} → {self.get_kind_display()} → {self.to_practice}"

    def natural_key(self):
        return (*self.from_practice.natural_key(), *self.to_practice.natural_key())

    natural_key.dependencies = ["compendium.practice"]


# The rows edited with a practice, each with the field that names the practice they belong to.
PRACTICE_ROWS = [
    (PracticeCountry, "practice_id"),
    (PracticeOrganisation, "practice_id"),
    (KeyFigure, "practice_id"),
    (SourceReference, "practice_id"),
    (PracticeRelation, "from_practice_id"),
]
