import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# As in django.utils.html.json_script: nothing inside may close the script element.
SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data: dict):
    """Embed schema.org metadata as a JSON-LD script element.

    A data block is never executed, so the CSP does not apply to it and it needs no
    nonce; without one the page stays the same for every visitor and can be cached.
    """
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(SCRIPT_ESCAPES)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(payload),  # escaped above for the script context
    )


@register.filter
def web_address(value) -> str:
    """Return the address if it opens a web page (http, https), else "" so that no link is made.

    The database already refuses other schemes; this keeps a template safe on its own.
    """
    address = str(value or "")
    return address if address.lower().startswith(("http://", "https://")) else ""


@register.filter
def machine_datetime(value) -> str:
    """Format a date and time for <time datetime>: whole seconds, as the HTML standard takes.

    Django's "c" format adds microseconds, which HTML refuses (it allows up to milliseconds).
    """
    if not value:
        return ""
    return timezone.localtime(value).isoformat(timespec="seconds")
