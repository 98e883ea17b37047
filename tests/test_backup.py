import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from compendium.backup import MODELS
from compendium.models import Practice

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def compendium(published_practice, draft_practice, hidden_practices):
    practice = published_practice
    practice.themes.add(factories.ThemeFactory())
    practice.instruments.add(factories.InstrumentTypeFactory())
    practice.gcm_objectives.add(factories.GcmObjectiveFactory())
    factories.PracticeCountryFactory(practice=practice, country="MX", role="origin")
    factories.PracticeOrganisationFactory(practice=practice)
    factories.KeyFigureFactory(practice=practice, value="1200000000.50", unit="USD")
    factories.SourceReferenceFactory(practice=practice, excerpt="« a quotation » with ünïcode")
    factories.PracticeRelationFactory(from_practice=practice, to_practice=draft_practice)


def empty_the_compendium():
    for model in reversed(MODELS):
        model.objects.all().delete()


def test_export_import_export_is_byte_identical(compendium, tmp_path):
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    call_command("export_compendium", first, stdout=StringIO())
    empty_the_compendium()
    assert not Practice.objects.exists()

    out = StringIO()
    call_command("import_compendium", first, stdout=out)
    call_command("export_compendium", second, stdout=StringIO())

    assert "Restored" in out.getvalue()
    assert first.read_bytes() == second.read_bytes()
    states = set(Practice.objects.values_list("editorial_status", flat=True))
    assert states == {"draft", "submitted", "in-review", "published", "archived"}


def test_import_refuses_a_database_that_is_not_empty(compendium, tmp_path):
    backup = tmp_path / "backup.json"
    call_command("export_compendium", backup, stdout=StringIO())

    with pytest.raises(CommandError, match="not empty"):
        call_command("import_compendium", backup)


def test_bad_record_names_itself_and_nothing_is_written(compendium, tmp_path):
    backup = tmp_path / "backup.json"
    call_command("export_compendium", backup, stdout=StringIO())
    document = json.loads(backup.read_text())
    bad = next(r for r in document["records"] if r["model"] == "compendium.practice")
    bad["fields"]["start_year"] = 1492
    backup.write_text(json.dumps(document))
    empty_the_compendium()

    with pytest.raises(CommandError) as error:
        call_command("import_compendium", backup)

    assert f"compendium.practice, pk {bad['pk']}" in str(error.value)
    assert "start_year" in str(error.value)
    assert all(not model.objects.exists() for model in MODELS)


def test_a_file_that_is_not_a_backup_is_refused(tmp_path):
    junk = tmp_path / "junk.json"
    junk.write_text("not json at all")

    with pytest.raises(CommandError, match="not a compendium backup"):
        call_command("import_compendium", junk)
