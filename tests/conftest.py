import os
import shutil

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache
from django.utils import translation
from rest_framework.test import APIClient

from compendium import roles
from compendium.models import Practice

from .factories import PracticeCountryFactory, PracticeFactory, SourceReferenceFactory, ThemeFactory
from .fault.servers import RedisServer

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


@pytest.fixture(autouse=True)
def english():
    """Start every test in English: a request in French leaves its language active, and a
    term created then would get its name in French only."""
    with translation.override("en"):
        yield


@pytest.fixture
def api_client():
    return APIClient()


def staff_user(username: str, role: str):
    user = User.objects.create_user(username, password="correct-horse-battery", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def editor(db):
    return staff_user("editor", roles.EDITOR)


@pytest.fixture
def publisher(db):
    return staff_user("publisher", roles.PUBLISHER)


@pytest.fixture
def complete_draft(db):
    """A draft that has everything publication requires."""
    practice = PracticeFactory(
        title="Mobile consulates",
        slug="guatemala-mobile-consulates",
        editorial_status=EditorialStatus.DRAFT,
    )
    practice.themes.add(ThemeFactory())
    PracticeCountryFactory(practice=practice, country="GT")
    SourceReferenceFactory(practice=practice)
    return practice


@pytest.fixture
def own_redis():
    """A Redis server of the test's own on a spare port; stopping it stops nothing else."""
    if not shutil.which("redis-server"):
        if os.environ.get("CI"):
            pytest.fail("the fault tests need redis-server (apt-get install redis-server)")
        pytest.skip("redis-server is not installed")
    server = RedisServer()
    server.start()
    yield server
    server.stop()
