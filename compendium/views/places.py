"""Where practices happen: the country index and profiles, organisations, the world map."""

import json
from functools import cache
from pathlib import Path

from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django_countries import countries
from django_countries.fields import Country

from .. import fragments, geography
from ..models import Organisation, Pillar, Practice, PracticeCountry, PracticeOrganisation
from ..models.practice import translations_prefetch

WORLD_MAP = Path(__file__).resolve().parents[1] / "geodata" / "world.json"
PER_GROUP = 12
ORGANISATIONS_SHOWN = 30
ORGANISATION_PRACTICES_SHOWN = 100
# Upper bounds of the map's colour classes; the last class is open-ended.
MAP_CLASSES = [1, 2, 5, 10, 20]


def practice_counts() -> dict[str, int]:
    """Map each country code to the number of published practices involving it."""
    return fragments.cached("country-counts", _count_per_country)


def _count_per_country() -> dict[str, int]:
    rows = (
        PracticeCountry.objects.filter(practice__in=Practice.objects.published())
        .values("country")
        .annotate(count=Count("practice", distinct=True))
        .order_by()
    )
    return {row["country"]: row["count"] for row in rows}


def country_list(request):
    """List every country with published practices, grouped by UN M49 region."""
    groups: dict[str, list] = {}
    for code, count in practice_counts().items():
        country = Country(code)
        region = geography.region_of(country)
        groups.setdefault(region.label if region else _("Other"), []).append((country, count))
    regions = [
        (name, sorted(entries, key=lambda entry: entry[0].name))
        for name, entries in sorted(groups.items())
    ]
    return render(request, "compendium/country_list.html", {"regions": regions})


def country_detail(request, code: str):
    """Profile a country: its practices by role and pillar, the organisations involved."""
    if code.upper() not in countries:
        raise Http404(_("No country has the code “%(code)s”.") % {"code": code})
    if code != code.lower():
        return redirect("compendium:country-detail", code=code.lower(), permanent=True)
    country = Country(code.upper())
    links = PracticeCountry.objects.filter(
        country=country.code, practice__in=Practice.objects.published()
    )
    practice_ids = links.values("practice")
    total = Practice.objects.published().filter(pk__in=practice_ids).count()
    if not total:
        raise Http404(
            _("The compendium holds no practice involving %(country)s yet.")
            % {"country": country.name}
        )
    roles = group_by_role_and_pillar(links)
    organisations = (
        Organisation.objects.filter(practice_roles__practice__in=practice_ids)
        .annotate(count=Count("practice_roles__practice", distinct=True))
        .order_by("-count", "name")[:ORGANISATIONS_SHOWN]
    )
    return render(
        request,
        "compendium/country_detail.html",
        {
            "country": country,
            "region": geography.region_of(country),
            "total": total,
            "roles": roles,
            "organisations": organisations,
        },
    )


def group_by_role_and_pillar(links) -> list[dict]:
    """Arrange a country's practice links by role, then pillar, with counts per group."""
    counts = {
        (row["role"], row["practice__primary_pillar"]): row["count"]
        for row in links.values("role", "practice__primary_pillar")
        .annotate(count=Count("practice", distinct=True))
        .order_by()
    }
    # The first few practices of every role and pillar, in one query at any size.
    shown = (
        links.annotate(
            row=Window(
                RowNumber(),
                partition_by=[F("role"), F("practice__primary_pillar")],
                order_by=F("practice__title").asc(),
            )
        )
        .filter(row__lte=PER_GROUP)
        .select_related("practice")
        .prefetch_related(*translations_prefetch("practice__translations"))
        .order_by("practice__title")
    )
    pillars = list(Pillar.objects.all())
    roles = []
    for role, role_label in PracticeCountry.Role.choices:
        groups = [
            {
                "pillar": pillar,
                "count": counts.get((role, pillar.pk), 0),
                "practices": [
                    link.practice
                    for link in shown
                    if link.role == role and link.practice.primary_pillar_id == pillar.pk
                ],
            }
            for pillar in pillars
        ]
        groups = [group for group in groups if group["count"]]
        if groups:
            roles.append(
                {
                    "role": role,
                    "label": role_label,
                    "count": sum(g["count"] for g in groups),
                    "groups": groups,
                }
            )
    return roles


def organisation_detail(request, slug: str):
    """Show an organisation and the published practices it takes part in, by role."""
    organisation = get_object_or_404(Organisation, slug=slug)
    links = PracticeOrganisation.objects.filter(
        organisation=organisation, practice__in=Practice.objects.published()
    )
    total = links.values("practice").distinct().count()
    if not total:
        # An organisation named only by unpublished entries is not public either.
        raise Http404(_("The compendium holds no published practice of this organisation."))
    shown = (
        links.select_related("practice__primary_pillar")
        .prefetch_related(*translations_prefetch("practice__translations"))
        .order_by("practice__title")[:ORGANISATION_PRACTICES_SHOWN]
    )
    by_role: dict[str, list] = {}
    for link in shown:
        by_role.setdefault(link.role, []).append(link.practice)
    Role = PracticeOrganisation.Role
    roles = [(Role(role).label, by_role[role]) for role in Role.values if role in by_role]
    return render(
        request,
        "compendium/organisation_detail.html",
        {"organisation": organisation, "total": total, "roles": roles},
    )


@cache
def world_geometry() -> dict:
    """Return the shipped Natural Earth outlines, projected (see build_world_map)."""
    return json.loads(WORLD_MAP.read_text())


def map_class(count: int) -> int:
    """Return the colour class of a count: 0 for none, then one per MAP_CLASSES bound."""
    return next((i for i, bound in enumerate(MAP_CLASSES) if count < bound), len(MAP_CLASSES))


def world_map(request):
    """Draw a choropleth of practices per country, with the same figures as a table."""
    counts = practice_counts()
    geometry = world_geometry()
    shapes = [
        {
            **shape,
            # Natural Earth abbreviates names ("Dem. Rep. Congo"); the site names countries one way.
            "name": countries.name(shape["code"]) or shape["name"],
            "count": counts.get(shape["code"], 0),
            "class": map_class(counts.get(shape["code"], 0)),
        }
        for shape in geometry["countries"]
    ]
    table = sorted(
        ((Country(code), count) for code, count in counts.items()), key=lambda e: (-e[1], e[0].name)
    )
    upper_bounds = [bound - 1 for bound in MAP_CLASSES[1:]] + [None]
    legend = list(enumerate(zip(MAP_CLASSES, upper_bounds, strict=True), start=1))
    return render(
        request,
        "compendium/map.html",
        {
            "shapes": shapes,
            "view_box": geometry["viewBox"],
            "table": table,
            "legend": legend,
            "source": geometry["source"],
        },
    )
