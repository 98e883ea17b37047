from django.conf import settings
from django.urls import translate_url
from django.utils import translation


def languages(request):
    """Give every page its address in each language, for the switcher and hreflang links."""
    path = request.get_full_path()
    current = translation.get_language()
    return {
        "language_links": [
            {
                "code": code,
                "name": name,
                "url": translate_url(path, code),
                "is_current": code == current,
            }
            for code, name in settings.LANGUAGES
        ]
    }
