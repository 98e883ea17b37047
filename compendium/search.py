"""Full-text search over practices: PostgreSQL's ranked search where available, a plain
case-insensitive match elsewhere (SQLite), with the same inputs and the same filtering."""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django_countries import countries

from .models import PracticeCountry, PracticeOrganisation


def _actor_matches(term: str) -> Q:
    """Match practices whose countries or organisations are named by the term."""
    codes = [code for code, name in countries if term.lower() in name.lower()]
    organisations = PracticeOrganisation.objects.filter(
        Q(organisation__name__icontains=term) | Q(organisation__acronym__iexact=term)
    ).values("practice")
    places = PracticeCountry.objects.filter(country__in=codes).values("practice")
    return Q(pk__in=organisations) | Q(pk__in=places)


def _postgresql_search(queryset: QuerySet, query: str) -> QuerySet:
    # search_vector is stored, weighted (title A, summary B, description C) and
    # GIN-indexed by migration 0005.
    search_query = SearchQuery(query, search_type="websearch", config="english")
    return (
        queryset.filter(Q(search_vector=search_query) | _actor_matches(query))
        .annotate(rank=SearchRank(F("search_vector"), search_query))
        .order_by("-rank", "title")
    )


def _fallback_search(queryset: QuerySet, query: str) -> QuerySet:
    for term in query.split():
        queryset = queryset.filter(
            Q(title__icontains=term)
            | Q(summary__icontains=term)
            | Q(description__icontains=term)
            | _actor_matches(term)
        )
    rank = Case(
        When(title__icontains=query, then=Value(3)),
        When(summary__icontains=query, then=Value(2)),
        default=Value(1),
        output_field=IntegerField(),
    )
    return queryset.annotate(rank=rank).order_by("-rank", "title")


def search_practices(queryset: QuerySet, query: str) -> QuerySet:
    """Return the practices that match the query, best matches first."""
    query = " ".join(query.split())
    if not query:
        return queryset
    if connection.vendor == "postgresql":
        return _postgresql_search(queryset, query)
    return _fallback_search(queryset, query)
