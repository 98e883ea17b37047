"""Practices proposed by the public through /suggest/."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from .links import WebAddressField, web_address_constraint
from .practice import Practice


class Suggestion(models.Model):
    """What a visitor told us about the submitted practice they proposed; staff only."""

    practice = models.OneToOneField(Practice, on_delete=models.CASCADE, related_name="suggestion")
    countries = CountryField(
        multiple=True,
        blank=True,
        help_text=_("Countries the visitor named; roles are for editors."),
    )
    source_url = WebAddressField(
        max_length=500, help_text=_("Where the visitor says the practice is documented.")
    )
    contact_email = models.EmailField(
        blank=True, help_text=_("Optional. Visible to staff only; never published.")
    )
    submitted_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-submitted_at"]
        constraints = [web_address_constraint("source_url", name="suggestion_source_url_is_web")]

    def __str__(self):
        return str(self.practice)
