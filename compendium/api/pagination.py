from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination


class CompendiumPagination(PageNumberPagination):
    """Pages of 25 by default; page_size up to 100, anything else is refused with a 400."""

    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not raw.isdigit() or not 1 <= int(raw) <= self.max_page_size:
            raise ValidationError(
                {
                    "page_size": [
                        _("Give a whole number from 1 to %(max)d.") % {"max": self.max_page_size}
                    ]
                }
            )
        return int(raw)

    def get_paginated_response_schema(self, schema):
        described = super().get_paginated_response_schema(schema)
        properties = described["properties"]
        properties["count"]["description"] = "How many items match, on all pages."
        properties["next"]["description"] = "The next page, or null on the last."
        properties["previous"]["description"] = "The previous page, or null on the first."
        properties["results"]["description"] = "The items of this page."
        return described

    def paginate_queryset(self, queryset, request, view=None):
        raw = request.query_params.get(self.page_query_param)
        if raw is not None and not raw.isdigit():
            raise ValidationError({"page": [_("Give a page number: 1, 2, 3...")]})
        return super().paginate_queryset(queryset, request, view)
