"""The public site's views, by concept."""

from .errors import page_not_found, server_error
from .exports import export_csv, export_json
from .pages import AboutView, HomeView, robots_txt
from .places import country_detail, country_list, organisation_detail, world_map
from .practices import (
    PracticeDetailView,
    PracticeListView,
    PracticePreviewView,
    TermPracticeListView,
    cite_practice,
    compare,
)
from .suggest import SuggestView, record_suggestion

__all__ = [
    "AboutView",
    "HomeView",
    "PracticeDetailView",
    "PracticeListView",
    "PracticePreviewView",
    "SuggestView",
    "TermPracticeListView",
    "cite_practice",
    "compare",
    "country_detail",
    "country_list",
    "export_csv",
    "export_json",
    "organisation_detail",
    "page_not_found",
    "record_suggestion",
    "robots_txt",
    "server_error",
    "world_map",
]
