"""The Atom feed of newly published practices."""

import xml.etree.ElementTree as ET

import pytest

from compendium.models import Practice

from .factories import PillarFactory, PracticeFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    return [entry.find(f"{ATOM}title").text for entry in feed.iter(f"{ATOM}entry")]


def test_feed_lists_published_practices_newest_first(client, hidden_practices):
    for month, title in enumerate(["Older", "Newer"], start=1):
        practice = PracticeFactory(title=title)
        Practice.objects.filter(pk=practice.pk).update(
            first_published_at=f"2025-0{month}-01T00:00:00Z"
        )

    assert entries(client, "/feed/") == ["Newer", "Older"]


def test_feed_takes_the_lists_filters(client):
    PracticeFactory(title="Engaging")
    PracticeFactory(title="Enabling", primary_pillar=PillarFactory(slug="enable"))

    assert entries(client, "/feed/?pillar=enable") == ["Enabling"]


def test_feed_refuses_unknown_filters(client):
    response = client.get("/feed/?pillar=nonsense")
    assert response.status_code == 400
    assert "pillar" in response.content.decode()
