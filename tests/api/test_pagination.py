import pytest

from ..factories import PracticeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def thirty(db):
    PracticeFactory.create_batch(30)


def test_pages_hold_25_by_default(api_client, thirty):
    first = api_client.get("/api/v1/practices/").json()
    second = api_client.get(first["next"]).json()

    assert first["count"] == 30
    assert len(first["results"]) == 25
    assert len(second["results"]) == 5
    assert second["next"] is None


@pytest.mark.parametrize(("size", "expected"), [("1", 1), ("100", 30)])
def test_page_size_can_be_chosen_up_to_100(api_client, thirty, size, expected):
    response = api_client.get("/api/v1/practices/", {"page_size": size})
    assert len(response.json()["results"]) == expected


@pytest.mark.parametrize("size", ["0", "101", "1000", "-5", "ten", "2.5"])
def test_page_size_outside_1_to_100_is_refused(api_client, thirty, size):
    response = api_client.get("/api/v1/practices/", {"page_size": size})

    assert response.status_code == 400
    assert response.json() == {"page_size": ["Give a whole number from 1 to 100."]}


@pytest.mark.parametrize("page", ["abc", "-1", "1.5"])
def test_malformed_page_is_refused(api_client, thirty, page):
    response = api_client.get("/api/v1/practices/", {"page": page})
    assert response.status_code == 400
    assert "page" in response.json()


def test_page_past_the_end_is_404(api_client, thirty):
    assert api_client.get("/api/v1/practices/", {"page": 3}).status_code == 404
    assert api_client.get("/api/v1/practices/", {"page": 0}).status_code == 404
