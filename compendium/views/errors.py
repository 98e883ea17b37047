import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views import defaults


def page_not_found(request, exception):
    """Answer unknown API addresses in JSON, like every other API answer."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Not found."}, status=404)
    return defaults.page_not_found(request, exception)


def server_error(request):
    """Answer an unexpected error; a database that cannot be reached is an outage, not a bug."""
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        return service_unavailable(request)
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Server error."}, status=500)
    return defaults.server_error(request)


def service_unavailable(request):
    """Say that the site is briefly unavailable and when to come back, in the page's language.

    The page reads nothing from the database: its templates use no user or stored data.
    """
    if request.path.startswith("/api/"):
        message = _("The compendium's database is unavailable. Please try again shortly.")
        response = JsonResponse({"detail": message}, status=503)
    else:
        response = render(request, "503.html", status=503)
    response["Retry-After"] = str(settings.RETRY_AFTER_OUTAGE)
    return response
