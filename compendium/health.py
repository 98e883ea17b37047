"""/healthz: is this app server able to answer? Checks the database and the cache."""

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

CACHE_PROBE_KEY = "healthz:probe"


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:  # any failure means unhealthy, and must not become a 500
        return False


def cache_ok() -> bool:
    try:
        cache.set(CACHE_PROBE_KEY, "ok", timeout=10)
        return cache.get(CACHE_PROBE_KEY) == "ok"
    except Exception:
        return False


@never_cache
def healthz(request):
    checks = {"database": database_ok(), "cache": cache_ok()}
    healthy = all(checks.values())
    return JsonResponse(
        {
            "status": "ok" if healthy else "unavailable",
            **{name: "ok" if ok else "failing" for name, ok in checks.items()},
        },
        status=200 if healthy else 503,
    )
