import pytest
from django.urls import reverse

from .factories import (
    InstrumentTypeFactory,
    KeyFigureFactory,
    PracticeCountryFactory,
    PracticeFactory,
    PracticeOrganisationFactory,
    SourceReferenceFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


def test_home_lists_pillars_themes_and_published_practices(
    client, published_practice, hidden_practices
):
    ThemeFactory(name="Partnerships")

    response = client.get("/")

    body = response.content.decode()
    assert response.status_code == 200
    assert "Engage" in body
    assert "Partnerships" in body
    assert "1 practice through which" in body
    assert published_practice.title in body
    for hidden in hidden_practices:
        assert hidden.title not in body


def test_home_costs_the_same_queries_with_many_practices(client, django_assert_num_queries):
    PracticeFactory.create_batch(3)
    with django_assert_num_queries(4):
        client.get("/")
    PracticeFactory.create_batch(30)
    with django_assert_num_queries(4):
        client.get("/")


def test_practice_page_shows_everything_public_in_constant_queries(
    client, published_practice, django_assert_num_queries
):
    for code in ["MX", "US", "GT"]:
        PracticeCountryFactory(practice=published_practice, country=code)
    PracticeOrganisationFactory.create_batch(3, practice=published_practice)
    KeyFigureFactory(practice=published_practice, label="Mobile consulates", value=132, year=2012)
    SourceReferenceFactory.create_batch(2, practice=published_practice)
    published_practice.themes.add(ThemeFactory(name="Partnerships"))
    published_practice.instruments.add(*InstrumentTypeFactory.create_batch(2))

    with django_assert_num_queries(10):
        response = client.get(reverse("compendium:practice-detail", args=[published_practice.slug]))

    body = response.content.decode()
    assert response.status_code == 200
    assert published_practice.summary in body
    assert "Guatemala" in body
    assert "132</strong> Mobile consulates (2012)" in body
    assert "Partnerships" in body
    assert body.count("<blockquote>") == 2


def test_hidden_practices_have_no_public_page(client, hidden_practices):
    for practice in hidden_practices:
        assert client.get(f"/practices/{practice.slug}/").status_code == 404


def test_admin_login_page_is_served(client):
    response = client.get("/admin/", follow=True)
    assert response.status_code == 200
    assert "Log in" in response.content.decode()


def test_unknown_address_gets_a_helpful_404_page(client):
    response = client.get("/practices/no-such-practice/")
    assert response.status_code == 404
    assert "There is no public page at this address" in response.content.decode()
