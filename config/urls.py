from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from compendium.health import healthz
from compendium.sitemaps import SITEMAPS
from compendium.views import robots_txt

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("robots.txt", robots_txt, name="robots"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path(settings.ADMIN_URL, admin.site.urls),
    path("api/v1/", include("compendium.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # The split view serves its script as a file, so the CSP needs no inline script.
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
]
if settings.BENCHMARK:
    from compendium.benchmark import bare_page

    urlpatterns.append(path("bench/bare/", bare_page))

# English pages keep their unprefixed permalinks; French and Spanish live under /fr/ and /es/.
urlpatterns += i18n_patterns(path("", include("compendium.urls")), prefix_default_language=False)

handler404 = "compendium.views.page_not_found"
handler500 = "compendium.views.server_error"
