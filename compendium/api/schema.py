"""Additions to the generated OpenAPI document."""

ERROR = {
    "type": "object",
    "description": "Each key names a parameter (or is `detail`); its value says what is wrong.",
    "additionalProperties": {
        "oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]
    },
}
ERRORS = {
    "400": "A parameter is unknown or has a value the endpoint cannot use.",
    "404": "No such item, or a page past the end.",
    "414": "The query string is longer than 2,048 characters.",
    "429": "Too many requests; retry after the number of seconds in `Retry-After`.",
}


def document_errors(result, generator, request, public):
    """Declare the error answers every read can give, so clients and tests can rely on them."""
    for operations in result["paths"].values():
        for operation in operations.values():
            for status, description in ERRORS.items():
                operation["responses"].setdefault(
                    status,
                    {
                        "description": description,
                        "content": {"application/json": {"schema": ERROR}},
                    },
                )
    return result
