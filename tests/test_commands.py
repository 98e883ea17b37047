from io import StringIO

import pytest
from django.core.management import call_command

from .factories import PillarFactory, PracticeFactory, SourceReferenceFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def run(command: str) -> str:
    out = StringIO()
    call_command(command, stdout=out)
    return out.getvalue()


def test_stats_count_published_practices_per_chapter_pillar_and_theme(hidden_practices):
    enable = PillarFactory(slug="enable", name="Enable")
    crisis = ThemeFactory(name="Crisis situations")
    cited_twice = PracticeFactory(primary_pillar=enable)
    cited_twice.themes.add(crisis)
    SourceReferenceFactory(practice=cited_twice, chapter="Chapter 3")
    SourceReferenceFactory(practice=cited_twice, chapter="Chapter 4")
    SourceReferenceFactory(practice=PracticeFactory(), chapter="Chapter 3")
    SourceReferenceFactory(practice=hidden_practices[0], chapter="Chapter 3")

    lines = [" ".join(line.split()) for line in run("compendium_stats").splitlines()]

    assert "Published practices: 2" in lines
    assert "All practices, any state: 6" in lines
    assert "dmc-2013-report Chapter 3 2" in lines
    assert "dmc-2013-report Chapter 4 1" in lines
    assert lines.index("dmc-2013-report Chapter 3 2") < lines.index("dmc-2013-report Chapter 4 1")
    assert "Enable 1" in lines
    assert "Engage 1" in lines
    assert "Crisis situations 1" in lines
