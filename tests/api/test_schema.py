import re

import pytest
import schemathesis
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from ..api.test_views import full_practices

pytestmark = pytest.mark.django_db


def test_schema_describes_every_parameter_and_field(client):
    response = client.get("/api/schema/", {"format": "json"})
    schema = response.json()

    undescribed = [
        (path, parameter["name"])
        for path, operations in schema["paths"].items()
        for operation in operations.values()
        for parameter in operation.get("parameters", [])
        if not parameter.get("description")
    ] + [
        (name, field)
        for name, component in schema["components"]["schemas"].items()
        for field, definition in component.get("properties", {}).items()
        if not definition.get("description")
    ]
    assert response.status_code == 200
    assert schema["openapi"].startswith("3.")
    assert undescribed == []
    assert "fields are only ever added" in schema["info"]["description"]


def test_every_operation_is_a_read(client):
    schema = client.get("/api/schema/", {"format": "json"}).json()
    methods = {method for operations in schema["paths"].values() for method in operations}
    assert methods == {"get"}


def test_docs_are_served_from_our_own_static_files(client):
    response = client.get("/api/docs/")
    html = response.content.decode()

    assert response.status_code == 200
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    external = re.findall(r"""(?:src|href)=["'](https?:)?//""", html)
    assert external == []


CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def test_api_conforms_to_its_schema(live_server, settings):
    """Generate requests for every GET operation from the schema, bounded in number."""
    settings.API_ANON_RATE = "100000/minute"
    full_practices(5)
    schema = schemathesis.openapi.from_url(f"{live_server.url}/api/schema/?format=json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 16

    for operation in operations:

        @given(case=operation.as_strategy())
        @hypothesis_settings(
            max_examples=25,
            deadline=None,
            database=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        )
        def conforms(case):
            case.call_and_validate(checks=CHECKS)

        conforms()
