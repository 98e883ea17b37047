"""Stored web addresses: only http and https, so that one never becomes a script link."""

from django import forms
from django.core.validators import URLValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

WEB_SCHEMES = ("http", "https")
NOT_WEB = _("Enter a web address that starts with http:// or https://.")
web_address_validator = URLValidator(schemes=list(WEB_SCHEMES), message=NOT_WEB)


class WebAddressFormField(forms.URLField):
    """A form's URL field for web pages; Django's own also accepts ftp and ftps."""

    default_validators = [web_address_validator]
    default_error_messages = {"invalid": NOT_WEB}


class WebAddressField(models.URLField):
    """A model's URL field for web pages, with the form field to match."""

    default_validators = [web_address_validator]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": WebAddressFormField, **kwargs})


def web_address_constraint(field: str, *, name: str) -> models.CheckConstraint:
    """Refuse other schemes in the database: loaddata, the shell and update() skip validators."""
    return models.CheckConstraint(
        condition=Q(**{field: ""})
        | Q(**{f"{field}__istartswith": "http://"})
        | Q(**{f"{field}__istartswith": "https://"}),
        name=name,
        violation_error_message=NOT_WEB,
    )
