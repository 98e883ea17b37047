import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from compendium.models import Practice

from .factories import PracticeFactory

EditorialStatus = Practice.EditorialStatus


@pytest.fixture
def published_practice(db):
    return PracticeFactory(title="Tres por Uno", slug="mexico-tres-por-uno")


@pytest.fixture
def draft_practice(db):
    return PracticeFactory(
        title="Unfinished draft", slug="unfinished-draft", editorial_status=EditorialStatus.DRAFT
    )


@pytest.fixture
def hidden_practices(db):
    """Return one practice in every state that the public must not see."""
    return [
        PracticeFactory(
            title=f"Hidden {status.label}", slug=f"hidden-{status.value}", editorial_status=status
        )
        for status in EditorialStatus
        if status != EditorialStatus.PUBLISHED
    ]


@pytest.fixture(autouse=True)
def fresh_cache():
    """Start every test with an empty cache: throttling and freshness dates live there."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api_client():
    return APIClient()
