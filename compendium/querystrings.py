"""Links that change one filter of the current list and keep the rest of its state."""

from urllib.parse import urlencode

from django.http import QueryDict


def canonical(params: QueryDict) -> QueryDict:
    """Return a copy of the list's parameters without the page, country codes in upper case."""
    params = params.copy()
    params.pop("page", None)
    if "country" in params:
        params.setlist("country", [code.upper() for code in params.getlist("country")])
    return params


def with_query(params: QueryDict) -> str:
    return f"?{params.urlencode()}" if params else "?"


def toggled(params: QueryDict, name: str, value: str) -> str:
    """Return the query string with the value added to the parameter, or removed if present."""
    values = params.getlist(name)
    changed = [v for v in values if v != value] if value in values else [*values, value]
    # Pairs rather than a copied QueryDict (a deep copy): a list page makes hundreds of links.
    pairs = [
        (key, item) for key, items in params.lists() for item in (changed if key == name else items)
    ]
    if name not in params:
        pairs += [(name, item) for item in changed]
    return f"?{urlencode(pairs)}" if pairs else "?"


def without(params: QueryDict, name: str) -> str:
    """Return the query string without any value of the parameter."""
    params = params.copy()
    params.pop(name, None)
    return with_query(params)


def replaced(params: QueryDict, name: str, value: str) -> str:
    """Return the query string with the parameter set to this one value, from the first page."""
    params = canonical(params)
    params[name] = value
    return with_query(params)
