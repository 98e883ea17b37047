from django.urls import path, register_converter
from django.views.generic import TemplateView

from . import views
from .feeds import PracticeFeedView
from .fragments import cache_public_page as cached
from .models import InstrumentType, Pillar, Theme


class CountryCodeConverter:
    regex = "[A-Za-z]{2}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(CountryCodeConverter, "iso2")

app_name = "compendium"


def term_list(**options):
    return cached(views.TermPracticeListView.as_view(**options))


urlpatterns = [
    path("", cached(views.HomeView.as_view()), name="home"),
    path("about/", cached(views.AboutView.as_view()), name="about"),
    path("practices/", cached(views.PracticeListView.as_view()), name="practice-list"),
    path("practices/export.csv", views.export_csv, name="export-csv"),
    path("practices/export.json", views.export_json, name="export-json"),
    path(
        "practices/<slug:slug>/",
        cached(views.PracticeDetailView.as_view()),
        name="practice-detail",
    ),
    path(
        "practices/<slug:slug>/preview/",
        views.PracticePreviewView.as_view(),
        name="practice-preview",
    ),
    path(
        "practices/<slug:slug>/cite.<str:format>",
        views.cite_practice,
        name="practice-cite",
    ),
    path(
        "pillars/<slug:slug>/",
        term_list(term_model=Pillar, parameter="pillar"),
        name="pillar-detail",
    ),
    path(
        "themes/<slug:slug>/", term_list(term_model=Theme, parameter="theme"), name="theme-detail"
    ),
    path(
        "instruments/<slug:slug>/",
        term_list(term_model=InstrumentType, term_related=("family",), parameter="instrument"),
        name="instrument-detail",
    ),
    path("countries/", cached(views.country_list), name="country-list"),
    path("countries/<iso2:code>/", cached(views.country_detail), name="country-detail"),
    path(
        "organisations/<slug:slug>/",
        cached(views.organisation_detail),
        name="organisation-detail",
    ),
    path("map/", cached(views.world_map), name="map"),
    path("compare/", views.compare, name="compare"),
    path("feed/", PracticeFeedView.as_view(), name="feed"),
    path("suggest/", views.SuggestView.as_view(), name="suggest"),
    path(
        "suggest/thanks/",
        TemplateView.as_view(template_name="compendium/suggest_thanks.html"),
        name="suggest-thanks",
    ),
]
