"""Reading a field in the visitor's language, where a column holds it."""

from django.utils import translation


def in_active_language(instance, field: str) -> str:
    """Return `field_<language>` for the active language if filled, else the English `field`."""
    language = translation.get_language() or ""
    return getattr(instance, f"{field}_{language}", "") or getattr(instance, field)
