"""UN M49 regions of countries, from the data that django-countries-hdx ships.

The package sets the HDX library to read its bundled table, never the network.
"""

import threading
from dataclasses import dataclass
from functools import cache

import django_countries_hdx
from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext, gettext_noop
from django_countries import countries
from django_countries.fields import Country

# The M49 names the HDX table gives, listed so that makemessages collects them.
REGION_NAMES = [
    gettext_noop("Africa"),
    gettext_noop("Eastern Africa"),
    gettext_noop("Middle Africa"),
    gettext_noop("Northern Africa"),
    gettext_noop("Southern Africa"),
    gettext_noop("Western Africa"),
    gettext_noop("Americas"),
    gettext_noop("Caribbean"),
    gettext_noop("Central America"),
    gettext_noop("Northern America"),
    gettext_noop("South America"),
    gettext_noop("Asia"),
    gettext_noop("Central Asia"),
    gettext_noop("Eastern Asia"),
    gettext_noop("South-eastern Asia"),
    gettext_noop("Southern Asia"),
    gettext_noop("Western Asia"),
    gettext_noop("Europe"),
    gettext_noop("Eastern Europe"),
    gettext_noop("Northern Europe"),
    gettext_noop("Southern Europe"),
    gettext_noop("Western Europe"),
    gettext_noop("Oceania"),
    gettext_noop("Australia and New Zealand"),
    gettext_noop("Melanesia"),
    gettext_noop("Micronesia"),
    gettext_noop("Polynesia"),
]


@dataclass(frozen=True)
class Region:
    """A UN M49 region (such as Africa) or sub-region (such as Western Africa)."""

    code: int
    name: str
    parent: int | None = None

    @property
    def is_subregion(self) -> bool:
        return self.parent is not None

    @property
    def label(self) -> str:
        """Return the region's name in the active language (M49 names are English)."""
        return gettext(self.name)


_loading = threading.Lock()
_loaded = False


def _load_hdx_tables() -> None:
    """Let one thread fill hdx-python-country's tables: it fills them on first use, and two
    threads doing so at once corrupt them (a gunicorn thread then answers 500)."""
    global _loaded
    if not _loaded:
        with _loading:
            if not _loaded:
                django_countries_hdx.country_region(Country("FR"))
                _loaded = True


def region_of(country: Country) -> Region | None:
    """Return the M49 region (continent) of a country, such as Africa or Asia."""
    _load_hdx_tables()
    code = django_countries_hdx.country_region(country)
    return Region(code, django_countries_hdx.country_region_name(country)) if code else None


def subregion_of(country: Country) -> Region | None:
    """Return the M49 sub-region of a country, such as Western Africa."""
    _load_hdx_tables()
    code = django_countries_hdx.country_subregion(country)
    if not code:
        return None
    parent = django_countries_hdx.country_region(country)
    return Region(code, django_countries_hdx.country_subregion_name(country), parent)


@cache
def _membership() -> dict[int, tuple[Region, frozenset[str]]]:
    """Map every region and sub-region code to the region and its ISO country codes."""
    members: dict[int, tuple[Region, set[str]]] = {}
    for code, _name in countries:
        country = Country(code)
        for region in (region_of(country), subregion_of(country)):
            if region:
                members.setdefault(region.code, (region, set()))[1].add(code)
    return {code: (region, frozenset(codes)) for code, (region, codes) in members.items()}


def all_regions() -> list[Region]:
    """Return every region, each followed by its sub-regions, in alphabetical order."""
    regions = [region for region, _codes in _membership().values()]
    top = sorted((r for r in regions if not r.is_subregion), key=lambda r: r.name)
    ordered = []
    for region in top:
        ordered.append(region)
        ordered += sorted((r for r in regions if r.parent == region.code), key=lambda r: r.name)
    return ordered


def get_region(code: int) -> Region | None:
    entry = _membership().get(code)
    return entry[0] if entry else None


def country_codes_in(code: int) -> frozenset[str]:
    """Return the ISO codes of the countries in a region or sub-region."""
    entry = _membership().get(code)
    return entry[1] if entry else frozenset()


def top_level_regions() -> list[Region]:
    """Return the M49 regions (continents) without their sub-regions."""
    return [region for region in all_regions() if not region.is_subregion]


def region_code(field: str = "country") -> Case:
    """Return a database expression giving the M49 region code of a country field, or 0."""
    whens = [
        When(**{f"{field}__in": sorted(country_codes_in(region.code))}, then=Value(region.code))
        for region in top_level_regions()
    ]
    return Case(*whens, default=Value(0), output_field=IntegerField())
