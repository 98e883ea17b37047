"""Links that change one filter of the current list and keep the rest of its state."""

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
    params = params.copy()
    values = params.getlist(name)
    params.setlist(name, [v for v in values if v != value] if value in values else values + [value])
    return with_query(params)


def without(params: QueryDict, name: str) -> str:
    """Return the query string without any value of the parameter."""
    params = params.copy()
    params.pop(name, None)
    return with_query(params)
