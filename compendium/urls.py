from django.urls import path

from . import views

app_name = "compendium"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("practices/<slug:slug>/", views.PracticeDetailView.as_view(), name="practice-detail"),
]
