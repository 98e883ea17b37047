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


@pytest.fixture
def small_fixtures(tmp_path, monkeypatch):
    """A compendium of one pillar, so that loading it takes a moment."""
    from compendium import content, translation_files

    (tmp_path / "practices").mkdir()
    (tmp_path / "vocabularies.yaml").write_text(
        "- model: compendium.pillar\n  fields: {slug: engage, name: Engage, position: 1}\n"
    )
    (tmp_path / "gcm_objectives.yaml").write_text(
        "- model: compendium.gcmobjective\n  fields: {number: 19, title: Diasporas}\n"
    )
    (tmp_path / "organisations.yaml").write_text(
        "- model: compendium.organisation\n  fields: {slug: iom, name: IOM, kind: international}\n"
    )
    monkeypatch.setattr(content, "FIXTURES_DIR", tmp_path)
    monkeypatch.setattr(translation_files, "TRANSLATIONS_DIR", tmp_path / "none")
    return tmp_path


def test_load_compendium_skips_a_reload_of_unchanged_files_unless_forced(small_fixtures):
    from compendium.models import ContentLoad, Pillar

    first = run("load_compendium")
    again = run("load_compendium")
    (small_fixtures / "vocabularies.yaml").write_text(
        "- model: compendium.pillar\n  fields: {slug: engage, name: Engage them, position: 1}\n"
    )
    changed = run("load_compendium")
    out = StringIO()
    call_command("load_compendium", "--force", stdout=out)

    assert "loaded already" not in first
    assert "The compendium is loaded already: no fixture file changed." in again
    assert "loaded already" not in changed
    assert "loaded already" not in out.getvalue()
    assert Pillar.objects.get(slug="engage").name == "Engage them"
    assert ContentLoad.objects.count() == 3
