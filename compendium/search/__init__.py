"""Full-text search over practices, the same on SQLite and PostgreSQL.

- text: how words are folded, split and stemmed, for documents and queries alike;
- documents: what is indexed of a practice, with which weight; indexing keeps it current;
- synonyms and vocabulary: what a query's words may also mean, or were meant to be;
- query: a query's plan; backends: the plan asked of each database; snippets: why it matched.
"""

from django.db import connection
from django.db.models import BooleanField, QuerySet
from django.db.models.expressions import RawSQL

from . import indexing
from .query import SearchPlan, analyse

__all__ = ["SearchPlan", "analyse", "search_practices"]


def search_practices(queryset: QuerySet, query: "str | SearchPlan") -> QuerySet:
    """Return the practices that match the query, best matches first."""
    from . import backends

    indexing.flush()  # writes of this thread that no commit has indexed yet
    plan = query if isinstance(query, SearchPlan) else analyse(query)
    if not plan.query:
        return queryset
    if plan.is_empty:
        # Not none(): the facets compile this queryset into SQL, which none() cannot give.
        return queryset.filter(RawSQL("1 = 0", [], output_field=BooleanField()))
    if connection.vendor == "postgresql":
        return backends.postgresql(queryset, plan)
    return backends.sqlite(queryset, plan)
