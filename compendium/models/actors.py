"""The organisations and the source documents that practices refer to."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from .taxonomy import SlugManager


class Organisation(models.Model):
    """A ministry, agency, international organisation or other body named by a source."""

    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("Ministry or government agency")
        INTERNATIONAL = "international", _("International organisation")
        CIVIL_SOCIETY = "civil-society", _("NGO or civil society")
        PRIVATE = "private", _("Private sector")
        DIASPORA = "diaspora", _("Diaspora organisation")
        ACADEMIA = "academia", _("Academia or research")
        OTHER = "other", _("Other")

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=255)
    acronym = models.CharField(max_length=30, blank=True)
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.GOVERNMENT)
    country = CountryField(blank=True, help_text=_("Leave empty for international organisations."))
    website = models.URLField(blank=True)

    objects = SlugManager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def natural_key(self):
        return (self.slug,)


class Source(models.Model):
    """A document that practices are drawn from, such as the 2013 conference report."""

    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=255)
    publisher = models.CharField(max_length=255, blank=True)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    url = models.URLField(blank=True)

    objects = SlugManager()

    class Meta:
        ordering = ["-year", "title"]

    def __str__(self):
        return f"{self.title} ({self.year})" if self.year else self.title

    def natural_key(self):
        return (self.slug,)
