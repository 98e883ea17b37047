"""Controlled vocabularies that classify practices."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class SlugManager(models.Manager):
    """Find rows by slug, so fixtures can refer to them without numeric ids."""

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


class Term(models.Model):
    """A named entry of a controlled vocabulary, addressed by its slug."""

    slug = models.SlugField(unique=True, help_text=_("Stable identifier used in URLs and filters."))
    name = models.CharField(max_length=120, help_text=_("Name shown to readers."))
    description = models.TextField(
        blank=True, help_text=_("Two or three sentences that explain the term to a reader.")
    )
    position = models.PositiveSmallIntegerField(
        default=0, help_text=_("Order in lists; lower comes first.")
    )

    objects = SlugManager()

    class Meta:
        abstract = True
        ordering = ["position", "name"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.slug,)


class Pillar(Term):
    """One of IOM's three strategic pillars: engage, enable, empower."""

    class Meta(Term.Meta):
        pass

    def get_absolute_url(self):
        return reverse("compendium:pillar-detail", kwargs={"slug": self.slug})


class Theme(Term):
    """One of the five axes along which the 2013 conference organised its findings."""

    chapter = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text=_("Chapter of the 2013 conference report.")
    )

    class Meta(Term.Meta):
        pass

    def get_absolute_url(self):
        return reverse("compendium:theme-detail", kwargs={"slug": self.slug})


class InstrumentFamily(Term):
    """A group of related policy instruments, such as rights and membership."""

    class Meta(Term.Meta):
        verbose_name_plural = _("instrument families")


class InstrumentType(Term):
    """A kind of policy instrument, such as dual citizenship or matching grants."""

    family = models.ForeignKey(
        InstrumentFamily, on_delete=models.PROTECT, related_name="instrument_types"
    )

    class Meta(Term.Meta):
        ordering = ["family__position", "position", "name"]

    def get_absolute_url(self):
        return reverse("compendium:instrument-detail", kwargs={"slug": self.slug})


class TargetGroup(Term):
    """A group of people that a practice is meant to reach."""

    class Meta(Term.Meta):
        pass


class GcmObjectiveManager(models.Manager):
    def get_by_natural_key(self, number):
        return self.get(number=number)


class GcmObjective(models.Model):
    """An objective of the 2018 Global Compact for Safe, Orderly and Regular Migration."""

    number = models.PositiveSmallIntegerField(
        unique=True,
        validators=[MinValueValidator(1), MaxValueValidator(23)],
        help_text=_("Objective number, 1 to 23."),
    )
    title = models.CharField(max_length=200, help_text=_("Short title."))
    description = models.TextField(blank=True, help_text=_("What the objective asks of states."))

    objects = GcmObjectiveManager()

    class Meta:
        ordering = ["number"]
        verbose_name = _("GCM objective")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(number__gte=1, number__lte=23),
                name="gcm_objective_number_1_to_23",
            )
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"

    def natural_key(self):
        return (self.number,)
