import pytest

pytestmark = pytest.mark.django_db


def test_anonymous_clients_beyond_the_rate_get_429_with_retry_after(api_client, settings):
    settings.API_ANON_RATE = "3/minute"

    statuses = [api_client.get("/api/v1/pillars/").status_code for _ in range(4)]
    refused = api_client.get("/api/v1/pillars/")

    assert statuses == [200, 200, 200, 429]
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
    assert "throttled" in refused.json()["detail"].lower()


def test_each_client_address_has_its_own_allowance(api_client, settings):
    settings.API_ANON_RATE = "1/minute"

    first = api_client.get("/api/v1/pillars/", REMOTE_ADDR="10.0.0.1")
    other = api_client.get("/api/v1/pillars/", REMOTE_ADDR="10.0.0.2")
    again = api_client.get("/api/v1/pillars/", REMOTE_ADDR="10.0.0.1")

    assert [first.status_code, other.status_code, again.status_code] == [200, 200, 429]
