from django.conf import settings
from django.http import JsonResponse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from django.utils.translation import gettext as _

from .freshness import last_modified


class ApiCacheHeadersMiddleware:
    """Give successful API reads a Last-Modified date and public caching headers.

    Django's ConditionalGetMiddleware, which sits above this one, then adds the ETag and
    answers If-None-Match and If-Modified-Since with 304.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        is_read = request.path.startswith("/api/") and request.method in ("GET", "HEAD")
        # Read before the answer is computed: a change committed meanwhile must leave the
        # answer older than its date, never newer, or If-Modified-Since would keep it.
        modified = last_modified() if is_read else None
        response = self.get_response(request)
        if is_read and response.status_code == 200:
            if not response.has_header("Last-Modified"):
                response["Last-Modified"] = http_date(modified.timestamp())
            patch_cache_control(response, public=True, max_age=settings.API_CACHE_MAX_AGE)
        return response


class PermissionsPolicyMiddleware:
    """Switch off browser features the site never uses (camera, location, payment...)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class QueryStringLimitMiddleware:
    """Refuse oversized query strings before any view parses them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if len(request.META.get("QUERY_STRING", "")) > settings.MAX_QUERY_STRING_LENGTH:
            return JsonResponse({"detail": "The query string is too long."}, status=414)
        return self.get_response(request)


class ApiLanguageMiddleware:
    """Answer the API in the language asked for by ?lang= or Accept-Language.

    The site's pages take their language from the URL (/fr/, /es/); the API keeps one set
    of URLs, so LocaleMiddleware would always pick English for it.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.languages = [code for code, _name in settings.LANGUAGES]

    def __call__(self, request):
        if not request.path.startswith("/api/"):
            return self.get_response(request)
        language = request.GET.get("lang")
        if language is None:
            language = translation.get_language_from_request(request)
        elif language not in self.languages:
            message = _("Choose one of: %(languages)s.") % {"languages": ", ".join(self.languages)}
            return JsonResponse({"lang": [message]}, status=400)
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = self.get_response(request)
            response.headers.setdefault("Content-Language", language)
        patch_vary_headers(response, ["Accept-Language"])
        return response
