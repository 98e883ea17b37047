"""The organisations and the source documents that practices refer to."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from .languages import in_active_language
from .links import WebAddressField, web_address_constraint
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

    slug = models.SlugField(unique=True, help_text=_("Stable identifier used in URLs and filters."))
    name = models.CharField(max_length=255, help_text=_("Full name, as the source gives it."))
    name_fr = models.CharField(
        _("name in French"), max_length=255, blank=True, help_text=_("Its official French name.")
    )
    name_es = models.CharField(
        _("name in Spanish"), max_length=255, blank=True, help_text=_("Its official Spanish name.")
    )
    acronym = models.CharField(max_length=30, blank=True, help_text=_("Acronym, if any."))
    kind = models.CharField(
        max_length=20, choices=Kind, default=Kind.GOVERNMENT, help_text=_("Kind of organisation.")
    )
    country = CountryField(blank=True, help_text=_("Leave empty for international organisations."))
    website = WebAddressField(blank=True, help_text=_("Official website, if known."))

    objects = SlugManager()

    class Meta:
        ordering = ["name"]
        constraints = [web_address_constraint("website", name="organisation_website_is_web")]

    def __str__(self):
        name = self.local_name
        return f"{name} ({self.acronym})" if self.acronym else name

    def get_absolute_url(self):
        return reverse("compendium:organisation-detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)

    @property
    def local_name(self) -> str:
        """Return the official name in the active language where one is recorded."""
        return in_active_language(self, "name")


class Source(models.Model):
    """A document that practices are drawn from, such as the 2013 conference report."""

    slug = models.SlugField(unique=True, help_text=_("Stable identifier of the document."))
    title = models.CharField(max_length=255, help_text=_("Full title of the document."))
    publisher = models.CharField(max_length=255, blank=True, help_text=_("Who published it."))
    year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text=_("Year of the document.")
    )
    url = WebAddressField(blank=True, help_text=_("Where to read it online, if anywhere."))

    objects = SlugManager()

    class Meta:
        ordering = ["-year", "title"]
        constraints = [web_address_constraint("url", name="source_url_is_web")]

    def __str__(self):
        return f"{self.title} ({self.year})" if self.year else self.title

    def natural_key(self):
        return (self.slug,)
