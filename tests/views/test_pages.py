"""The home page, the about page and its charts, robots.txt."""

import pytest

from ..factories import PracticeCountryFactory, PracticeFactory, ThemeFactory

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
    with django_assert_num_queries(5):
        client.get("/")
    PracticeFactory.create_batch(30)
    with django_assert_num_queries(5):
        client.get("/")


def test_home_counts_each_pillar_and_theme_and_offers_search(client, published_practice):
    theme = ThemeFactory(name="Crisis situations", slug="crisis")
    published_practice.themes.add(theme)

    body = client.get("/").content.decode()

    assert 'href="/pillars/engage/"' in body
    assert "1 practice</p>" in body
    assert 'href="/themes/crisis/">Crisis situations</a> <span class="count">(1)</span>' in body
    assert 'role="search"' in body and 'name="q"' in body


def test_about_charts_give_the_counts_as_text(client, hidden_practices):
    for code in ["MX", "GT"]:
        PracticeCountryFactory(practice=PracticeFactory(), country=code)
    PracticeCountryFactory(practice=PracticeFactory(), country="SN")

    response = client.get("/about/")

    charts = response.context["charts"]
    assert [(bar["label"], bar["count"]) for bar in charts["pillar"]] == [("Engage", 3)]
    regions = {bar["label"]: bar["count"] for bar in charts["region"]}
    assert regions["Americas"] == 2
    assert regions["Africa"] == 1
    assert regions["Asia"] == 0
    assert '<span class="value">2</span>' in response.content.decode()
    assert response.context["practice_count"] == 3


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_off_endless_pages(client):
    response = client.get("/robots.txt")

    body = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /compare/" in body
    assert "admin" not in body  # the admin's address may be kept private
