import django_filters
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError

from ..filters import PracticeFilter


class PracticeApiFilter(PracticeFilter):
    """The public list's filters, plus the API's explicit ordering."""

    ordering = django_filters.OrderingFilter(
        fields=[
            ("title", "title"),
            ("start_year", "start_year"),
            ("first_published_at", "published"),
            ("updated_at", "updated"),
        ],
        help_text=_(
            "Sort by title, start_year, published or updated; prefix with - to reverse. "
            "Default: title, or relevance when searching with q."
        ),
    )


class StrictFilterBackend(DjangoFilterBackend):
    """Reject query parameters the endpoint does not know, instead of ignoring them.

    A misspelt filter that is silently dropped returns an unfiltered list that looks
    like an answer; a 400 naming the parameter does not.
    """

    always_allowed = {"page", "page_size", "format", "lang"}

    def filter_queryset(self, request, queryset, view):
        filterset_class = self.get_filterset_class(view, queryset)
        known = set(filterset_class.base_filters) if filterset_class else set()
        unknown = sorted(set(request.query_params) - known - self.always_allowed)
        if unknown:
            raise ValidationError({name: [_("Unknown parameter.")] for name in unknown})
        return super().filter_queryset(request, queryset, view)
