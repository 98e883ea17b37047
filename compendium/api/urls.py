from rest_framework.routers import DefaultRouter

from . import views

app_name = "api"

router = DefaultRouter()
router.register("practices", views.PracticeViewSet, basename="practice")
router.register("pillars", views.PillarViewSet, basename="pillar")
router.register("themes", views.ThemeViewSet, basename="theme")
router.register("instruments", views.InstrumentViewSet, basename="instrument")
router.register("gcm-objectives", views.GcmObjectiveViewSet, basename="gcm-objective")
router.register("countries", views.CountryViewSet, basename="country")
router.register("regions", views.RegionViewSet, basename="region")
router.register("organisations", views.OrganisationViewSet, basename="organisation")

urlpatterns = router.urls
