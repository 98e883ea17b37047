import json
import re

import pytest
from django.urls import reverse

from ..factories import (
    InstrumentTypeFactory,
    KeyFigureFactory,
    PracticeCountryFactory,
    PracticeFactory,
    PracticeOrganisationFactory,
    PracticeRelationFactory,
    SourceReferenceFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


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

    with django_assert_num_queries(12):
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


def test_practice_page_links_its_vocabulary_places_and_organisations(client, published_practice):
    published_practice.themes.add(ThemeFactory(slug="partnerships", name="Partnerships"))
    published_practice.instruments.add(InstrumentTypeFactory(slug="matching-grants"))
    PracticeCountryFactory(practice=published_practice, country="MX")
    PracticeOrganisationFactory(practice=published_practice, organisation__slug="sedesol")

    body = client.get(published_practice.get_absolute_url()).content.decode()

    for href in [
        "/pillars/engage/",
        "/themes/partnerships/",
        "/instruments/matching-grants/",
        "/countries/mx/",
        "/organisations/sedesol/",
    ]:
        assert f'href="{href}"' in body, href


def test_evidence_is_stated_plainly_even_when_there_is_none(client, published_practice):
    body = client.get(published_practice.get_absolute_url()).content.decode()
    assert "Not evaluated." in body
    assert "The sources report no evaluation of this practice" in body


def test_practice_page_embeds_schema_org_metadata(client, published_practice):
    PracticeCountryFactory(practice=published_practice, country="MX")
    SourceReferenceFactory(practice=published_practice)

    body = client.get(published_practice.get_absolute_url()).content.decode()

    script = re.search(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', body, re.S)
    data = json.loads(script.group(1))
    assert data["@type"] == "CreativeWork"
    assert data["name"] == "Tres por Uno"
    assert data["url"] == "http://testserver/practices/mexico-tres-por-uno/"
    assert data["spatialCoverage"] == [{"@type": "Country", "name": "Mexico", "identifier": "MX"}]
    assert data["isBasedOn"][0]["name"].startswith("Diaspora Ministerial Conference report")


def test_cite_box_gives_a_plain_text_reference(client, published_practice):
    SourceReferenceFactory(practice=published_practice)

    citation = client.get(published_practice.get_absolute_url()).context["citation"]

    year = published_practice.updated_at.year
    assert citation.startswith(f"Diaspora Good Practices Compendium ({year}). Tres por Uno.")
    assert "http://testserver/practices/mexico-tres-por-uno/" in citation
    assert "Based on: Diaspora Ministerial Conference report, 2013." in citation


def test_citation_downloads_as_bibtex_and_ris(client, published_practice):
    bib = client.get("/practices/mexico-tres-por-uno/cite.bib")
    ris = client.get("/practices/mexico-tres-por-uno/cite.ris")

    assert bib["Content-Type"].startswith("application/x-bibtex")
    assert bib["Content-Disposition"] == 'attachment; filename="mexico-tres-por-uno.bib"'
    assert bib.content.decode().startswith("@misc{compendium-mexico-tres-por-uno,\n")
    assert "  title = {{Tres por Uno}}," in bib.content.decode()
    lines = ris.content.decode().split("\r\n")
    assert lines[0] == "TY  - ELEC"
    assert "TI  - Tres por Uno" in lines
    assert lines[-2] == "ER  - "


def test_citations_exist_only_in_known_formats_and_for_published_practices(
    client, published_practice, draft_practice
):
    assert client.get("/practices/mexico-tres-por-uno/cite.pdf").status_code == 404
    assert client.get(f"/practices/{draft_practice.slug}/cite.bib").status_code == 404


def test_related_practices_put_editors_links_first_then_similar_ones(
    client, published_practice, draft_practice
):
    PracticeCountryFactory(practice=published_practice, country="MX")
    linked = PracticeFactory(title="Linked by an editor", primary_pillar__slug="empower")
    PracticeRelationFactory(
        from_practice=linked, to_practice=published_practice, kind="inspired-by"
    )
    PracticeRelationFactory(from_practice=published_practice, to_practice=draft_practice)
    similar = PracticeFactory(title="Also in Mexico")
    PracticeCountryFactory(practice=similar, country="MX")
    PracticeCountryFactory(practice=draft_practice, country="MX")
    PracticeFactory(title="Same pillar only")

    response = client.get(published_practice.get_absolute_url())

    assert [p.title for p in response.context["explicit_relations"]] == ["Linked by an editor"]
    assert [p.title for p in response.context["similar_practices"]] == ["Also in Mexico"]
    body = response.content.decode()
    assert "Inspired by this practice:" in body
    assert draft_practice.title not in body


def test_similar_practices_fill_up_to_six_places_most_alike_first(client, published_practice):
    shared = InstrumentTypeFactory()
    published_practice.instruments.add(shared)
    PracticeCountryFactory(practice=published_practice, country="MX")
    linked = PracticeFactory(title="Linked and alike")
    linked.instruments.add(shared)
    PracticeRelationFactory(from_practice=published_practice, to_practice=linked)
    closest = PracticeFactory(title="Z closest")
    closest.instruments.add(shared)
    PracticeCountryFactory(practice=closest, country="MX")
    for n in range(6):
        PracticeCountryFactory(practice=PracticeFactory(title=f"Mexican {n}"), country="MX")

    response = client.get(published_practice.get_absolute_url())

    linked_ones = [(p.title, p.relation_label) for p in response.context["explicit_relations"]]
    assert linked_ones == [("Linked and alike", "Similar to")]
    similar = [p.title for p in response.context["similar_practices"]]
    assert similar == ["Z closest", "Mexican 0", "Mexican 1", "Mexican 2", "Mexican 3"]
    assert 'Z closest</a> <span class="role">(Engage)</span>' in response.content.decode()


def test_sharing_only_a_pillar_does_not_make_practices_similar(client, published_practice):
    PracticeFactory(title="Same pillar only")

    response = client.get(published_practice.get_absolute_url())

    assert list(response.context["similar_practices"]) == []


def test_change_log_lists_public_changes_without_editor_names(client, published_practice):
    published_practice.summary = "A clearer summary."
    published_practice.save()
    published_practice.editorial_note = "Internal remark"
    published_practice.save()

    response = client.get(published_practice.get_absolute_url())

    changes = response.context["changes"]
    assert [change.fields for change in changes] == [["summary"], []]
    body = response.content.decode()
    assert "Changed: summary" in body
    assert "Internal remark" not in body


def test_compare_shows_two_to_four_practices_side_by_side(client, published_practice):
    other = PracticeFactory(slug="balinkbayan", title="BaLinkBayan", start_year=2012)

    response = client.get("/compare/?p=mexico-tres-por-uno&p=balinkbayan")

    body = response.content.decode()
    assert response.status_code == 200
    assert [p.slug for p in response.context["practices"]] == ["mexico-tres-por-uno", "balinkbayan"]
    assert f">{other.title}</a></th>" in body
    assert "<td>2012</td>" in body


def test_compare_without_practices_explains_how_to_choose_them(client):
    response = client.get("/compare/")
    assert response.status_code == 200
    assert "Tick two to four practices" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "p=mexico-tres-por-uno",
        "p=a&p=b&p=c&p=d&p=e",
        "p=mexico-tres-por-uno&p=no-such-practice",
        "p=mexico-tres-por-uno&p=unfinished-draft",
        "p=mexico-tres-por-uno&p=%00",
        "p=mexico-tres-por-uno&p=mexico-tres-por-uno",
        "p=mexico-tres-por-uno&p=x&sort=title",
    ],
)
def test_compare_explains_bad_choices_with_a_400(client, published_practice, draft_practice, query):
    response = client.get(f"/compare/?{query}")
    assert response.status_code == 400
    assert "This address has a problem" in response.content.decode()


def test_staff_preview_shows_a_draft_that_the_public_cannot_see(
    client, admin_client, draft_practice
):
    assert admin_client.get(f"/practices/{draft_practice.slug}/preview/").status_code == 200
    assert client.get(f"/practices/{draft_practice.slug}/preview/").status_code == 302


def test_machine_readable_times_have_whole_seconds_as_html_requires(client, published_practice):
    import re

    html = client.get(published_practice.get_absolute_url()).content.decode()
    stamps = re.findall(r'<time datetime="([^"]+)"', html)

    assert len(stamps) >= 2
    for stamp in stamps:
        assert re.fullmatch(r"\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\d[+-]\d\d:\d\d)?", stamp), stamp
