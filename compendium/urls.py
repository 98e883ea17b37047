from django.urls import path

from . import views

app_name = "compendium"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("practices/<slug:slug>/", views.PracticeDetailView.as_view(), name="practice-detail"),
    path(
        "practices/<slug:slug>/preview/",
        views.PracticePreviewView.as_view(),
        name="practice-preview",
    ),
    path("suggest/", views.SuggestView.as_view(), name="suggest"),
    path(
        "suggest/thanks/",
        views.TemplateView.as_view(template_name="compendium/suggest_thanks.html"),
        name="suggest-thanks",
    ),
]
