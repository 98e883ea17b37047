"""UN M49 regions of countries, from the data that django-countries-hdx ships.

The package sets the HDX library to read its bundled table, never the network.
"""

from dataclasses import dataclass

import django_countries_hdx
from django_countries.fields import Country


@dataclass(frozen=True)
class Region:
    """A UN M49 region or sub-region."""

    code: int
    name: str


def region_of(country: Country) -> Region | None:
    """Return the M49 region (continent) of a country, such as Africa or Asia."""
    code = django_countries_hdx.country_region(country)
    return Region(code, django_countries_hdx.country_region_name(country)) if code else None


def subregion_of(country: Country) -> Region | None:
    """Return the M49 sub-region of a country, such as Western Africa."""
    code = django_countries_hdx.country_subregion(country)
    return Region(code, django_countries_hdx.country_subregion_name(country)) if code else None
