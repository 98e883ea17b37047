"""Facet counts for the practice list: how many matching practices each filter value has.

Every facet counts among the practices that all the *other* active filters let through,
and all facets come back from one UNION query, so the cost grows neither with the number
of facets' values nor with the number of practices.
"""

from dataclasses import dataclass

from django.db import connection
from django.db.models import CharField, Count, F, QuerySet, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Coalesce, NullIf
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from . import geography
from .filters import PracticeFilter
from .models import Practice, PracticeCountry, PracticeOrganisation


@dataclass(frozen=True)
class Facet:
    """A filter parameter offered as a list of values with counts."""

    name: str
    label: str
    in_order: bool = False  # keep the vocabulary's own order rather than sort by count


FACETS = [
    Facet("pillar", _("Pillar"), in_order=True),
    Facet("theme", _("Theme"), in_order=True),
    Facet("instrument", _("Instrument")),
    Facet("region", _("Region")),
    Facet("country", _("Country")),
    Facet("organisation", _("Organisation")),
    Facet("target", _("Target group")),
    Facet("gcm", _("GCM objective"), in_order=True),
    Facet("scope", _("Scope"), in_order=True),
    Facet("status", _("Implementation status"), in_order=True),
    Facet("evidence", _("Evidence"), in_order=True),
]

CHOICES = {
    "scope": Practice.Scope,
    "status": Practice.ImplementationStatus,
    "evidence": Practice.EvidenceLevel,
}
CHOICE_FIELDS = {"scope": "scope", "status": "implementation_status", "evidence": "evidence_level"}


@dataclass
class FacetValue:
    key: str
    label: str
    count: int
    position: int = 0


def _grouped(
    queryset: QuerySet, name: str, key, label=None, position=None, counted="practice", once=True
):
    """Group rows into (facet, key, label, position, count); one branch of the UNION.

    `once` says that a practice meets each key in at most one row, as in a link table:
    a plain count then suffices, which PostgreSQL groups by hashing instead of sorting.
    """
    return (
        queryset.values(
            facet=Value(name),
            key=Cast(key, CharField()),
            label=label if label is not None else Value(""),
            position=position if position is not None else Value(0),
        )
        .annotate(count=Count(counted, distinct=not once))
        .order_by()
    )


def localized(path: str, *, english_column: str = ""):
    """Return a translated column in the active language, else the English one.

    The English column is `<path>_en` for vocabularies; give it for plain fields whose
    translations sit beside them (an organisation's `name` and `name_fr`).
    """
    language = translation.get_language()
    english = F(english_column or f"{path}_en")
    if language not in ("fr", "es"):
        return english
    return Coalesce(NullIf(F(f"{path}_{language}"), Value("")), english, output_field=CharField())


def _term_branch(relation: str, term: str):
    """Count a many-to-many vocabulary through its link table."""

    def branch(ids, name: str) -> QuerySet:
        links = getattr(Practice, relation).through.objects.filter(practice__in=ids)
        return _grouped(links, name, F(f"{term}__slug"), F(f"{term}__name"), F(f"{term}__position"))

    return branch


def _pillar_branch(ids, name):
    practices = Practice.objects.filter(pk__in=ids)
    return _grouped(
        practices,
        name,
        F("primary_pillar__slug"),
        localized("primary_pillar__name"),
        F("primary_pillar__position"),
        counted="pk",
    )


def _gcm_branch(ids, name):
    links = Practice.gcm_objectives.through.objects.filter(practice__in=ids)
    number = F("gcmobjective__number")
    return _grouped(links, name, number, localized("gcmobjective__title"), number)


def _country_branch(ids, name):
    # A practice may name a country in several roles, and a region through several countries.
    links = PracticeCountry.objects.filter(practice__in=ids)
    return _grouped(links, name, F("country"), once=False)


def _region_branch(ids, name):
    links = PracticeCountry.objects.filter(practice__in=ids)
    return _grouped(links, name, geography.region_code(), once=False)


def _organisation_branch(ids, name):
    links = PracticeOrganisation.objects.filter(practice__in=ids)
    return _grouped(links, name, F("organisation__slug"), F("organisation__name"), once=False)


def _choice_branch(ids, name):
    practices = Practice.objects.filter(pk__in=ids)
    return _grouped(practices, name, F(CHOICE_FIELDS[name]), counted="pk")


BRANCHES = {
    "pillar": _pillar_branch,
    "theme": _term_branch("themes", "theme"),
    "instrument": _term_branch("instruments", "instrumenttype"),
    "target": _term_branch("target_groups", "targetgroup"),
    "gcm": _gcm_branch,
    "country": _country_branch,
    "region": _region_branch,
    "organisation": _organisation_branch,
    "scope": _choice_branch,
    "status": _choice_branch,
    "evidence": _choice_branch,
}


class SharedPracticeSets:
    """Select each filtered set of practices once, in a WITH clause that the branches share.

    Every facet whose own filter is inactive counts among the same practices: without
    this, a search over 100,000 practices would run once per facet rather than once.
    The unfiltered set stays an inline subquery: it is a cheap index scan, and PostgreSQL
    cannot estimate the size of a shared set, which misleads it into a slow plan there.
    """

    def __init__(self, unfiltered: QuerySet):
        self.unfiltered = self._sql(unfiltered)
        self.names: dict[tuple[str, str], str] = {}
        self.parts: list[tuple[str, tuple]] = []

    @staticmethod
    def _sql(practices: QuerySet) -> tuple[str, tuple]:
        return practices.order_by().values("pk").query.sql_with_params()

    def ids(self, practices: QuerySet) -> QuerySet | RawSQL:
        """Return a subquery of these practices' ids, naming their set on first sight."""
        sql, params = self._sql(practices)
        if (sql, params) == self.unfiltered:
            return practices.order_by().values("pk")
        name = self.names.get((sql, repr(params)))
        if name is None:
            name = self.names[sql, repr(params)] = f"facet_set_{len(self.parts)}"
            self.parts.append((f"{name}(id) AS ({sql})", params))
        return RawSQL(f"SELECT id FROM {name}", [])

    def rows(self, union: QuerySet) -> list[dict]:
        sql, params = union.query.sql_with_params()
        if self.parts:
            clauses = ", ".join(clause for clause, _params in self.parts)
            sql = f"WITH {clauses} {sql}"
            params = (*(param for _clause, part in self.parts for param in part), *params)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            columns = [column[0] for column in cursor.description]
            return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def _label(name: str, key: str, label: str) -> str:
    if name == "country":
        return countries.name(key)
    if name == "region":
        region = geography.get_region(int(key))
        return region.label if region else key
    if name in CHOICES:
        return CHOICES[name](key).label
    if name == "gcm":
        return f"{key}. {label}"
    return label


def _position(name: str, key: str, position: int) -> int:
    if name in CHOICES:
        return list(CHOICES[name].values).index(key)
    return position


def count_facets(filterset: PracticeFilter, names: list[str]) -> dict[str, list[FacetValue]]:
    """Return, for each named facet, its values with the number of practices they match."""
    if not names:
        return {}
    sets = SharedPracticeSets(filterset.queryset)
    branches = [BRANCHES[name](sets.ids(filterset.queryset_without(name)), name) for name in names]
    found: dict[str, list[FacetValue]] = {name: [] for name in names}
    for row in sets.rows(branches[0].union(*branches[1:], all=True)):
        if row["key"] in ("", "0", None):
            continue  # no scope given, or a country outside the M49 regions
        name, key = row["facet"], row["key"]
        label = _label(name, key, row["label"])
        found[name].append(
            FacetValue(key, label, row["count"], _position(name, key, row["position"]))
        )
    in_order = {facet.name for facet in FACETS if facet.in_order}
    for name, values in found.items():
        if name in in_order:
            values.sort(key=lambda value: (value.position, value.label))
        else:
            values.sort(key=lambda value: (-value.count, value.label))
    return found
