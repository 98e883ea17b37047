"""The API's contract: any change to these documents must be deliberate (additions only)."""

from datetime import UTC, date, datetime

import pytest

from compendium.models import Practice

from ..factories import (
    GcmObjectiveFactory,
    InstrumentTypeFactory,
    KeyFigureFactory,
    OrganisationFactory,
    PillarFactory,
    PracticeCountryFactory,
    PracticeFactory,
    PracticeOrganisationFactory,
    PracticeRelationFactory,
    SourceReferenceFactory,
    TargetGroupFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db

PUBLISHED_AT = datetime(2026, 11, 28, tzinfo=UTC)
UPDATED_AT = datetime(2026, 11, 29, 8, 30, tzinfo=UTC)


@pytest.fixture
def tres_por_uno():
    practice = PracticeFactory(
        title="Tres por Uno",
        slug="mexico-tres-por-uno",
        summary="Mexico's governments match diaspora funds three to one.",
        description="Every dollar is matched.",
        primary_pillar=PillarFactory(slug="empower", name="Empower"),
        scope="national",
        start_year=2002,
        implementation_status="ongoing",
        evidence_note="",
        last_verified_on=date(2026, 11, 28),
    )
    practice.secondary_pillars.add(PillarFactory(slug="engage", name="Engage"))
    practice.themes.add(ThemeFactory(slug="partnerships", name="Partnerships"))
    practice.instruments.add(
        InstrumentTypeFactory(
            slug="matching-grants", name="Matching grants", family__slug="financial"
        )
    )
    practice.gcm_objectives.add(GcmObjectiveFactory(number=19, title="Diaspora contributions"))
    practice.target_groups.add(
        TargetGroupFactory(slug="diaspora-associations", name="Associations")
    )
    PracticeCountryFactory(practice=practice, country="MX", role="origin")
    PracticeOrganisationFactory(
        practice=practice,
        organisation=OrganisationFactory(slug="mx-sre", name="Foreign Ministry", acronym="SRE"),
        role="lead",
    )
    KeyFigureFactory(practice=practice, label="Dollars added per dollar", value=3, unit="USD")
    SourceReferenceFactory(
        practice=practice,
        chapter="Chapter 3",
        section="Grant funding and matching grants",
        excerpt="the celebrated Mexican Tres por Uno programme",
    )
    PracticeRelationFactory(
        from_practice=practice,
        to_practice=PracticeFactory(title="MDM INVEST", slug="morocco-mdm-invest"),
        kind="similar",
    )
    Practice.objects.update(first_published_at=PUBLISHED_AT, updated_at=UPDATED_AT)
    return practice


def test_practice_detail_document_is_pinned(api_client, tres_por_uno):
    response = api_client.get("/api/v1/practices/mexico-tres-por-uno/")

    assert response.status_code == 200
    assert response.json() == {
        "slug": "mexico-tres-por-uno",
        "url": "http://testserver/api/v1/practices/mexico-tres-por-uno/",
        "web_url": "http://testserver/practices/mexico-tres-por-uno/",
        "title": "Tres por Uno",
        "summary": "Mexico's governments match diaspora funds three to one.",
        "primary_pillar": {"slug": "empower", "name": "Empower"},
        "themes": [{"slug": "partnerships", "name": "Partnerships"}],
        "countries": [{"code": "MX", "name": "Mexico", "role": "origin"}],
        "start_year": 2002,
        "implementation_status": "ongoing",
        "first_published_at": "2026-11-28T00:00:00Z",
        "updated_at": "2026-11-29T08:30:00Z",
        "language": "en",
        "original_title": "",
        "description": "Every dollar is matched.",
        "activities": "",
        "results": "",
        "lessons": "",
        "transferability": "",
        "secondary_pillars": [{"slug": "engage", "name": "Engage"}],
        "instruments": [
            {"slug": "matching-grants", "name": "Matching grants", "family": "financial"}
        ],
        "gcm_objectives": [{"number": 19, "title": "Diaspora contributions"}],
        "target_groups": [{"slug": "diaspora-associations", "name": "Associations"}],
        "scope": "national",
        "end_year": None,
        "organisations": [
            {
                "slug": "mx-sre",
                "name": "Foreign Ministry",
                "acronym": "SRE",
                "role": "lead",
                "url": "http://testserver/api/v1/organisations/mx-sre/",
            }
        ],
        "key_figures": [
            {"label": "Dollars added per dollar", "value": 3, "unit": "USD", "year": None}
        ],
        "evidence_level": "not-evaluated",
        "evidence_note": "",
        "source_references": [
            {
                "source": {
                    "slug": "dmc-2013-report",
                    "title": "Diaspora Ministerial Conference report",
                    "publisher": "",
                    "year": 2013,
                    "url": "",
                },
                "chapter": "Chapter 3",
                "section": "Grant funding and matching grants",
                "page": "",
                "excerpt": "the celebrated Mexican Tres por Uno programme",
            }
        ],
        "related_practices": [
            {
                "slug": "morocco-mdm-invest",
                "title": "MDM INVEST",
                "kind": "similar",
                "url": "http://testserver/api/v1/practices/morocco-mdm-invest/",
            }
        ],
        "last_verified_on": "2026-11-28",
    }


def test_practice_list_page_is_pinned(api_client, tres_por_uno):
    response = api_client.get("/api/v1/practices/", {"page_size": 1})

    assert response.status_code == 200
    assert response.json() == {
        "count": 2,
        "next": "http://testserver/api/v1/practices/?page=2&page_size=1",
        "previous": None,
        "results": [
            {
                "slug": "morocco-mdm-invest",
                "url": "http://testserver/api/v1/practices/morocco-mdm-invest/",
                "web_url": "http://testserver/practices/morocco-mdm-invest/",
                "title": "MDM INVEST",
                "summary": "A government works with its diaspora.",
                "primary_pillar": {"slug": "engage", "name": "Engage"},
                "themes": [],
                "countries": [],
                "start_year": None,
                "implementation_status": "unknown",
                "first_published_at": "2026-11-28T00:00:00Z",
                "updated_at": "2026-11-29T08:30:00Z",
                "language": "en",
                "original_title": "",
            }
        ],
    }


def test_related_practice_that_is_not_published_is_not_linked(api_client, tres_por_uno):
    Practice.objects.filter(slug="morocco-mdm-invest").update(editorial_status="archived")

    document = api_client.get("/api/v1/practices/mexico-tres-por-uno/").json()

    assert document["related_practices"] == []
