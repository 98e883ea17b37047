"""Public suggestions: they land in the editors' queue and nowhere public."""

import pytest

from compendium.models import Practice, Suggestion

pytestmark = pytest.mark.django_db

VALID = {
    "title": "Diaspora investment forum",
    "countries": ["LK"],
    "description": "Sri Lanka holds yearly forums where investors of the diaspora meet officials.",
    "source_url": "https://example.org/report.pdf",
    "contact_email": "someone@example.org",
    "website": "",
}


def test_form_is_offered(client):
    response = client.get("/suggest/")
    assert response.status_code == 200
    assert "Suggest a practice" in response.content.decode()


def test_suggestion_lands_as_submitted_and_stays_out_of_public_view(client, api_client):
    response = client.post("/suggest/", VALID)

    practice = Practice.objects.get()
    suggestion = Suggestion.objects.get()
    assert response.status_code == 302
    assert response["Location"] == "/suggest/thanks/"
    assert practice.editorial_status == Practice.EditorialStatus.SUBMITTED
    assert practice.primary_pillar is None
    assert (suggestion.contact_email, suggestion.countries[0].code) == ("someone@example.org", "LK")
    assert client.get(f"/practices/{practice.slug}/").status_code == 404
    assert VALID["title"] not in client.get("/").content.decode()
    assert api_client.get("/api/v1/practices/").json()["count"] == 0
    assert api_client.get("/api/v1/countries/lk/").status_code == 404


def test_contact_email_is_shown_to_staff_only(admin_client, client):
    client.post("/suggest/", VALID)
    practice = Practice.objects.get()

    page = admin_client.get(f"/admin/compendium/practice/{practice.pk}/change/").content.decode()

    assert "someone@example.org" in page
    assert "someone@example.org" not in client.get(f"/practices/{practice.slug}/").content.decode()


def test_honeypot_filled_by_a_bot_saves_nothing(client):
    response = client.post("/suggest/", {**VALID, "website": "http://spam.example"})
    assert response.status_code == 302
    assert not Practice.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"description": "x" * 5001}, "description"),
        ({"title": "t" * 256}, "title"),
        ({"source_url": "not a link"}, "source_url"),
        ({"countries": ["ZZ"]}, "countries"),
        ({"contact_email": "nobody"}, "contact_email"),
        ({"description": "Too short."}, "description"),
    ],
)
def test_bad_input_is_refused_with_a_message(client, changes, field):
    response = client.post("/suggest/", {**VALID, **changes})

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Practice.objects.exists()


def test_clients_sending_too_many_suggestions_are_slowed_down(client, settings):
    settings.SUGGESTIONS_PER_WINDOW = 2

    statuses = [client.post("/suggest/", VALID).status_code for _ in range(3)]

    assert statuses == [302, 302, 429]
    assert Practice.objects.count() == 2


def test_oversized_request_body_is_refused(client):
    response = client.post("/suggest/", {**VALID, "description": "x" * (2 * 1024 * 1024)})
    assert response.status_code == 400
    assert not Practice.objects.exists()
