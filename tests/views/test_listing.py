"""The practice list and the pillar, theme and instrument pages built on it."""

import pytest
from django.http import QueryDict

from compendium.filters import PracticeFilter
from compendium.models import Practice

from ..factories import (
    InstrumentTypeFactory,
    PillarFactory,
    PracticeCountryFactory,
    PracticeFactory,
    ThemeFactory,
    populate,
)

pytestmark = pytest.mark.django_db


def listed(response) -> list[str]:
    assert response.status_code == 200, response.content.decode()[:500]
    return [practice.slug for practice in response.context["practice_list"]]


def facet(response, name: str) -> dict[str, int]:
    groups = {group["facet"].name: group for group in response.context["facets"]}
    return {entry["value"].key: entry["value"].count for entry in groups[name]["entries"]}


@pytest.fixture
def practices():
    enable = PillarFactory(slug="enable", name="Enable")
    crisis = ThemeFactory(slug="crisis", name="Crisis")
    mexico = PracticeFactory(slug="tres-por-uno", title="Tres por Uno", start_year=2002)
    PracticeCountryFactory(practice=mexico, country="MX")
    PracticeCountryFactory(practice=mexico, country="US", role="host")
    philippines = PracticeFactory(
        slug="balinkbayan", title="BaLinkBayan", primary_pillar=enable, start_year=2012
    )
    philippines.themes.add(crisis)
    PracticeCountryFactory(practice=philippines, country="PH")
    morocco = PracticeFactory(slug="mdm-invest", title="MDM Invest", primary_pillar=enable)
    PracticeCountryFactory(practice=morocco, country="MA")
    return [mexico, philippines, morocco]


def test_list_shows_every_published_practice_and_only_those(client, practices, hidden_practices):
    response = client.get("/practices/")

    assert listed(response) == ["balinkbayan", "mdm-invest", "tres-por-uno"]
    assert "3 practices" in response.content.decode()


def test_filters_combine_and_values_of_one_filter_are_alternatives(client, practices):
    assert listed(client.get("/practices/?pillar=enable&country=ph")) == ["balinkbayan"]
    assert listed(client.get("/practices/?country=PH&country=mx")) == [
        "balinkbayan",
        "tres-por-uno",
    ]
    assert listed(client.get("/practices/?pillar=enable&theme=crisis&country=MA")) == []
    assert listed(client.get("/practices/?region=19")) == ["tres-por-uno"]
    assert listed(client.get("/practices/?year_from=2010")) == ["balinkbayan"]


def test_facet_counts_reflect_the_other_active_filters(client, practices):
    response = client.get("/practices/?pillar=enable")

    # The pillar's own facet still offers the other pillar, counted without itself.
    assert facet(response, "pillar") == {"engage": 1, "enable": 2}
    # Other facets count among the enable practices only.
    assert facet(response, "country") == {"MA": 1, "PH": 1}
    assert facet(response, "theme") == {"crisis": 1}


def test_facet_counts_match_the_database_for_every_value(client):
    populate(30)
    response = client.get("/practices/?theme=theme-0&country=MX")

    published = Practice.objects.published()
    for code, count in facet(response, "country").items():
        expected = published.filter(themes__slug="theme-0", countries__country=code)
        assert count == expected.distinct().count(), code
    for slug, count in facet(response, "pillar").items():
        expected = published.filter(
            primary_pillar__slug=slug, themes__slug="theme-0", countries__country="MX"
        )
        assert count == expected.distinct().count(), slug
    for slug, count in facet(response, "theme").items():
        assert count == published.filter(themes__slug=slug, countries__country="MX").count()


@pytest.mark.parametrize(
    "query",
    [
        "q=practice",  # every facet shares one filtered set
        "q=practice&theme=theme-0&country=MX&country=PH",  # and some count among their own
        "region=142&pillar=engage&status=ongoing",
    ],
)
def test_every_facet_count_is_the_count_the_filter_itself_gives(client, hidden_practices, query):
    populate(40)
    response = client.get(f"/practices/?{query}")

    params = QueryDict(query)
    published = Practice.objects.published()
    checked = 0
    for group in response.context["facets"]:
        name = group["facet"].name
        for entry in group["entries"]:
            chosen = params.copy()
            chosen.setlist(name, [entry["value"].key])
            expected = PracticeFilter(chosen, queryset=published).qs.distinct().count()
            assert entry["value"].count == expected, (name, entry["value"].key)
            checked += 1
    assert checked >= 10


def test_selected_values_show_as_chips_that_remove_only_themselves(client, practices):
    response = client.get("/practices/?pillar=enable&country=PH&q=balinkbayan")
    chips = {chip.label: chip.remove_url for chip in response.context["chips"]}

    assert set(chips) == {"Enable", "Philippines", "Search: “balinkbayan”"}
    assert listed(client.get(f"/practices/{chips['Philippines']}")) == [
        "balinkbayan",
    ]
    assert "country" not in chips["Philippines"]
    assert "pillar=enable" in chips["Philippines"]
    assert "q=" not in chips["Search: “balinkbayan”"]


def test_facet_links_toggle_one_value_and_keep_the_rest(client, practices):
    response = client.get("/practices/?pillar=enable")
    countries = {
        entry["value"].key: entry["url"]
        for group in response.context["facets"]
        if group["facet"].name == "country"
        for entry in group["entries"]
    }

    assert countries["PH"] == "?pillar=enable&country=PH"


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("title", ["balinkbayan", "mdm-invest", "tres-por-uno"]),
        ("start-year", ["balinkbayan", "tres-por-uno", "mdm-invest"]),
    ],
)
def test_list_sorts_by_title_and_start_year(client, practices, sort, expected):
    assert listed(client.get(f"/practices/?sort={sort}")) == expected


def test_newest_first_follows_first_publication(client, practices):
    oldest, middle, newest = practices
    for order, practice in enumerate([oldest, middle, newest]):
        Practice.objects.filter(pk=practice.pk).update(
            first_published_at=f"2024-0{order + 1}-01T00:00:00Z"
        )
    assert listed(client.get("/practices/?sort=newest")) == [
        "mdm-invest",
        "balinkbayan",
        "tres-por-uno",
    ]


def test_search_ranks_a_title_match_above_a_body_match(client):
    PracticeFactory(slug="body", title="Annual forum", description="Diaspora bonds, too.")
    PracticeFactory(slug="title", title="Diaspora bonds", description="Sold abroad.")
    PracticeFactory(slug="other", title="Something else")

    assert listed(client.get("/practices/?q=bonds")) == ["title", "body"]
    assert listed(client.get("/practices/?q=bonds&sort=title")) == ["body", "title"]


def test_pages_hold_twenty_practices_and_a_page_past_the_end_is_404(client):
    populate(45)

    assert len(listed(client.get("/practices/"))) == 20
    assert len(listed(client.get("/practices/?page=3"))) == 5
    assert client.get("/practices/?page=4").status_code == 404


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("pilar=engage", "pilar"),
        ("pillar=nonsense", "pillar"),
        ("country=XX", "country"),
        ("region=12345", "region"),
        ("gcm=99999999999999999999", "gcm"),
        ("theme=%00", "theme"),
        ("year_from=abc", "year_from"),
        ("year_from=2010&year_to=2000", "year_to"),
        ("sort=random", "sort"),
        ("page=abc", "page"),
        ("page=0", "page"),
        ("q=" + "x" * 501, "q"),
    ],
)
def test_bad_parameters_are_explained_with_a_400(client, practices, query, parameter):
    response = client.get(f"/practices/?{query}")

    assert response.status_code == 400
    assert parameter in response.context["problems"]
    assert "This address has a problem" in response.content.decode()


def test_unmatched_filters_show_an_empty_state_that_suggests_loosening(client, practices):
    response = client.get("/practices/?pillar=enable&country=MX")

    body = response.content.decode()
    assert listed(response) == []
    assert "No published practice matches all these filters" in body
    assert "Try removing a filter" in body


def test_list_works_without_javascript(client, practices):
    body = client.get("/practices/").content.decode()
    assert "<script" not in body
    assert 'action="/compare/"' in body


def test_pillar_page_describes_the_pillar_and_lists_its_practices(client, practices):
    response = client.get("/pillars/enable/?country=PH")

    body = response.content.decode()
    assert listed(response) == ["balinkbayan"]
    assert "<h1>Enable</h1>" in body
    assert "pillar" not in {group["facet"].name for group in response.context["facets"]}
    assert "export.csv?country=PH&amp;pillar=enable" in body


def test_theme_and_instrument_pages_filter_by_their_term(client, practices):
    grants = InstrumentTypeFactory(slug="matching-grants", name="Matching grants")
    practices[0].instruments.add(grants)

    assert listed(client.get("/themes/crisis/")) == ["balinkbayan"]
    assert listed(client.get("/instruments/matching-grants/")) == ["tres-por-uno"]
    assert "Matching grants" in client.get("/instruments/matching-grants/").content.decode()


def test_term_pages_refuse_unknown_terms_and_a_second_value_of_their_own_filter(client, practices):
    assert client.get("/pillars/nonsense/").status_code == 404
    assert client.get("/themes/nonsense/").status_code == 404
    assert client.get("/pillars/enable/?pillar=engage").status_code == 400


def test_a_search_shows_why_each_result_matched(client):
    PracticeFactory(
        slug="costs",
        title="Remittance costs",
        summary="Banks charge a lot. Money sent home through <b>mobile</b> phones costs less.",
    )

    body = client.get("/practices/?q=mobile+phones").content.decode()

    assert '<p class="snippet">' in body
    assert "<mark>mobile</mark>" in body and "<mark>phones</mark>" in body
    assert "&lt;b&gt;" in body and "<b>" not in body


def test_a_misspelt_search_offers_the_corrected_one(client):
    PracticeFactory(slug="costs", title="Remittance costs")

    response = client.get("/practices/?q=remitance+costs&pillar=engage")

    assert listed(response) == ["costs"]
    body = response.content.decode()
    assert 'Did you mean <a href="?q=remittance+costs&amp;pillar=engage">' in body


def test_a_draft_never_lends_a_word_to_corrections(client):
    PracticeFactory(title="Quokkamarker scheme", editorial_status="draft")

    response = client.get("/practices/?q=quokkamarkr")

    assert listed(response) == []
    assert "quokkamarker" not in response.content.decode().lower()


@pytest.mark.parametrize(
    "query",
    ['"', '"bonds', "AND", "OR NOT", "* ( ) ^", "a%20%26%20b%20|%20!c", "the%20of", "%25_%25"],
)
def test_odd_searches_answer_a_list_never_a_server_error(client, practices, query):
    response = client.get(f"/practices/?q={query}")

    assert response.status_code == 200
    assert len(listed(response)) <= 1


@pytest.mark.parametrize("query", ["bonds%00", "x" * 501])
def test_nul_bytes_and_long_searches_are_refused_with_a_message(client, practices, query):
    response = client.get(f"/practices/?q={query}")

    assert response.status_code == 400
    assert "q" in response.context["problems"]


def test_a_10000_character_search_is_refused_before_any_work(client, practices):
    response = client.get("/practices/?q=" + "x" * 10_000)

    assert response.status_code == 414
