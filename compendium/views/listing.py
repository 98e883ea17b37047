"""What every view of a filtered list shares: one validated query string, facets and chips."""

import re
from dataclasses import dataclass

from django.shortcuts import render
from django.utils.translation import gettext as _
from django_countries import countries

from .. import fragments, geography, querystrings
from ..facets import CHOICES, FACETS, FacetValue, count_facets
from ..filters import PracticeFilter
from ..models import Practice

PAGE = re.compile(r"[1-9][0-9]{0,5}")
# Parameters that the list's search form edits; the facets' own travel as hidden fields.
FORM_FIELDS = {"q", "year_from", "year_to", "sort"}


@dataclass
class Chip:
    """An active filter value, with the link that removes it."""

    label: str
    remove_url: str


class FilteredPracticesMixin:
    """Check the query string once, then filter the published practices by it.

    Unknown parameters and bad values are answered with a 400 that explains them:
    a misspelt filter silently dropped would return a list that looks like an answer.
    """

    extra_parameters: frozenset[str] = frozenset()

    def fixed_filters(self) -> dict[str, str]:
        """Return the filters that the address itself sets, such as the pillar of a pillar page."""
        return {}

    def dispatch(self, request, *args, **kwargs):
        self.filterset = self.get_filterset()
        problems = self.query_problems()
        if problems:
            return self.invalid_query(problems)
        return super().dispatch(request, *args, **kwargs)

    def get_filterset(self) -> PracticeFilter:
        data = self.request.GET.copy()
        for name, value in self.fixed_filters().items():
            data.setlist(name, [value])
        return PracticeFilter(data, queryset=Practice.objects.published(), request=self.request)

    def query_problems(self) -> dict[str, list[str]]:
        known = set(PracticeFilter.base_filters) | self.extra_parameters
        problems = {}
        for name in self.request.GET:
            if name in self.fixed_filters():
                problems[name] = [_("This page already filters by %(name)s.") % {"name": name}]
            elif name not in known and not name.startswith("utm_"):
                problems[name] = [_("Unknown parameter.")]
        if "page" in self.extra_parameters and not PAGE.fullmatch(
            self.request.GET.get("page", "1")
        ):
            problems["page"] = [_("Give a page number: 1, 2, 3…")]
        if problems:
            return problems
        if not self.filterset.is_valid():
            return {name: list(messages) for name, messages in self.filterset.errors.items()}
        return {}

    def invalid_query(self, problems: dict[str, list[str]]):
        return render(
            self.request,
            "compendium/invalid_query.html",
            {
                "problems": problems,
                "allowed": sorted({*PracticeFilter.base_filters, *self.extra_parameters}),
            },
            status=400,
        )


class FacetedListMixin(FilteredPracticesMixin):
    """Add facet counts, active-filter chips and sort choices to a list page."""

    extra_parameters = frozenset({"page"})

    def get_context_data(self, **kwargs):
        params = querystrings.canonical(self.request.GET)
        selected = self.selected_values()
        whole = params.copy()  # what exports and feeds need to select the same practices
        for name, value in self.fixed_filters().items():
            whole.setlist(name, [value])
        return super().get_context_data(
            export_query=whole.urlencode(),
            filterset=self.filterset,
            facets=self.facets(params, selected),
            chips=self.chips(params, selected),
            page_query=params.urlencode(),
            hidden_fields=[
                (name, value)
                for name, values in params.lists()
                if name not in FORM_FIELDS
                for value in values
            ],
            **kwargs,
        )

    def selected_values(self) -> dict[str, dict[str, str]]:
        """Map each active filter to its chosen values' keys and labels."""
        cleaned = self.filterset.form.cleaned_data
        fixed = self.fixed_filters()
        selected: dict[str, dict[str, str]] = {}
        for name, value in cleaned.items():
            if name in fixed or name == "sort" or value in (None, "", []):
                continue
            selected[name] = dict(_labelled(name, value))
        return {name: values for name, values in selected.items() if values}

    def facets(self, params, selected):
        shown = [facet for facet in FACETS if facet.name not in self.fixed_filters()]
        names = [facet.name for facet in shown]
        query = sorted((k, v) for k, v in params.lists() if k not in ("page", "sort"))
        counts = fragments.cached(
            "facets",
            lambda: count_facets(self.filterset, names),
            names,
            query,
            sorted(self.fixed_filters().items()),
        )
        facets = []
        for facet in shown:
            values = counts[facet.name]
            chosen = selected.get(facet.name, {})
            present = {value.key for value in values}
            values += [
                FacetValue(key, label, 0) for key, label in chosen.items() if key not in present
            ]
            entries = [
                {
                    "value": value,
                    "selected": value.key in chosen,
                    "url": querystrings.toggled(params, facet.name, value.key),
                }
                for value in values
            ]
            facets.append({"facet": facet, "entries": entries, "active": bool(chosen)})
        return facets

    def chips(self, params, selected) -> list[Chip]:
        chips = []
        for name, values in selected.items():
            for key, label in values.items():
                if name in ("q", "year_from", "year_to"):
                    chips.append(Chip(label, querystrings.without(params, name)))
                else:
                    chips.append(Chip(label, querystrings.toggled(params, name, key)))
        return chips


def _labelled(name: str, value):
    """Yield (key, label) pairs for one active filter's cleaned value."""
    if name == "q":
        yield value, _("Search: “%(query)s”") % {"query": value}
    elif name == "year_from":
        yield str(value), _("Started in %(year)s or later") % {"year": value}
    elif name == "year_to":
        yield str(value), _("Started in %(year)s or earlier") % {"year": value}
    elif name == "country":
        for code in value:
            yield code, countries.name(code)
    elif name == "region":
        for code in value:
            region = geography.get_region(int(code))
            yield code, region.label if region else code
    elif name in CHOICES:
        for key in value:
            yield key, CHOICES[name](key).label
    elif name == "gcm":
        for objective in value:
            yield str(objective.number), str(objective)
    else:
        for term in value:
            yield term.slug, str(term)
