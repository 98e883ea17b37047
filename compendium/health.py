"""/healthz: is this app server able to answer? Checks the database and the cache.

Without its database the server cannot answer (503: take it out of rotation). Without
the cache it answers more slowly, as every server does then: it stays in rotation (200,
"degraded"), or a load balancer would take every server out at once.
"""

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from .cache import cache_is_off

CACHE_PROBE_KEY = "healthz:probe"


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # any failure means unhealthy, and must not become a 500
        return False


def cache_state() -> str:
    if cache_is_off():
        return "off"  # turned off on purpose (DJANGO_CACHE=none), so nothing can fail
    try:
        cache.set(CACHE_PROBE_KEY, "ok", timeout=10)
        return "ok" if cache.get(CACHE_PROBE_KEY) == "ok" else "failing"
    except Exception:
        return "failing"


@never_cache
def healthz(request):
    checks = {"database": "ok" if database_ok() else "failing", "cache": cache_state()}
    if checks["database"] == "failing":
        return JsonResponse({"status": "unavailable", **checks}, status=503)
    status = "degraded" if checks["cache"] == "failing" else "ok"
    return JsonResponse({"status": status, **checks})
