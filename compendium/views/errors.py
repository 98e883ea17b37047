from django.http import JsonResponse
from django.views import defaults


def page_not_found(request, exception):
    """Answer unknown API addresses in JSON, like every other API answer."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Not found."}, status=404)
    return defaults.page_not_found(request, exception)


def server_error(request):
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Server error."}, status=500)
    return defaults.server_error(request)
