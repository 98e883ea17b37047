from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from .models.links import WebAddressFormField


class SuggestionForm(forms.Form):
    """A practice proposed by a visitor. The honeypot field is hidden from people."""

    title = forms.CharField(label=_("Name of the practice"), max_length=255)
    countries = forms.MultipleChoiceField(
        label=_("Countries involved"),
        choices=countries,
        required=False,
        help_text=_("Hold Ctrl (or Cmd) to choose several."),
    )
    description = forms.CharField(
        label=_("What does it do?"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=5000,
        min_length=30,
        help_text=_(
            "Who does what, where, since when, with what results. At most 5,000 characters."
        ),
    )
    source_url = WebAddressFormField(
        label=_("Where is it documented?"),
        max_length=500,
        assume_scheme="https",
        help_text=_("A link to a report, official page or article that describes the practice."),
    )
    contact_email = forms.EmailField(
        label=_("Your e-mail (optional)"),
        required=False,
        help_text=_("Only our editors see it, in case they have a question."),
    )
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))
