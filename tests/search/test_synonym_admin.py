"""Editors keep the synonym groups in the admin, and a saved group is searched at once."""

import pytest
from django.urls import reverse

from compendium.models import Practice, SearchSynonym

from ..conftest import staff_user
from ..factories import PracticeFactory, SearchSynonymFactory

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:compendium_searchsynonym_changelist")


def test_synonym_admin_pages_open(admin_client):
    synonym = SearchSynonymFactory(slug="dual-citizenship")

    pages = [
        admin_client.get(CHANGELIST),
        admin_client.get(CHANGELIST, {"q": "nationality"}),
        admin_client.get(CHANGELIST, {"kind": "wording", "is_active__exact": "1"}),
        admin_client.get(reverse("admin:compendium_searchsynonym_add")),
        admin_client.get(reverse("admin:compendium_searchsynonym_change", args=[synonym.pk])),
    ]

    assert [page.status_code for page in pages] == [200] * 5
    assert "dual citizenship, double nationality" in pages[1].content.decode()


def test_an_editor_adds_a_group_and_the_next_search_uses_it(client):
    PracticeFactory(slug="twinning", title="Municipal twinning")
    client.force_login(staff_user("editor", "Editor"))
    assert not Practice.objects.published().search("sister cities").exists()

    response = client.post(
        reverse("admin:compendium_searchsynonym_add"),
        {"slug": "twinning", "terms": "twinning\nsister cities\njumelage", "is_active": "on"},
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert SearchSynonym.objects.get().term_list == ["twinning", "sister cities", "jumelage"]
    found = Practice.objects.published().search("sister cities")
    assert [practice.slug for practice in found] == ["twinning"]
