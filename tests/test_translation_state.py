"""A translation knows whether its English moved on, and a reload spares an editor's edit."""

import pytest
from django.core.management import CommandError, call_command

from compendium import translation_files
from compendium.models import Practice, PracticeTranslation
from compendium.translation_files import (
    PracticeTranslationFileError,
    load_practice_translations,
    numbers,
    problems,
)

from .factories import KeyFigureFactory, PracticeFactory

pytestmark = pytest.mark.django_db
Status = PracticeTranslation.Status


def translated(practice, **fields):
    return PracticeTranslation.objects.create(
        practice=practice, language="fr", title="Titre", summary="Résumé", **fields
    )


def test_a_changed_english_text_marks_its_translations_outdated():
    practice = PracticeFactory(title="Mobile consulates", summary="132 consulates in 2012.")
    french = translated(practice)
    assert french.status == Status.DRAFT

    practice.summary = "133 consulates in 2012."
    practice.save()

    french.refresh_from_db()
    assert french.status == Status.OUTDATED
    assert french.is_outdated


def test_a_save_that_leaves_the_english_as_it_was_keeps_the_translation_current():
    practice = PracticeFactory()
    french = translated(practice, status=Status.REVIEWED)

    practice.last_verified_on = "2026-12-01"
    practice.editorial_note = "Checked against the report."
    practice.save()

    french.refresh_from_db()
    assert french.status == Status.REVIEWED


def test_a_changed_key_figure_label_marks_the_translation_outdated():
    figure = KeyFigureFactory(label="Mobile consulates")
    french = translated(figure.practice)

    figure.label = "Mobile consulates opened"
    figure.save()

    french.refresh_from_db()
    assert french.status == Status.OUTDATED


def test_a_translation_saved_again_is_measured_against_the_english_of_that_moment():
    practice = PracticeFactory(title="Old title")
    french = translated(practice)
    practice.title = "New title"
    practice.save()
    french.refresh_from_db()

    french.title = "Nouveau titre"
    french.status = Status.REVIEWED
    french.save()
    practice.save()  # unchanged English: stays reviewed

    french.refresh_from_db()
    assert french.status == Status.REVIEWED


def write(directory, language, part, text):
    folder = directory / language
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{part}.yaml").write_text(text, encoding="utf-8")


def test_loading_writes_the_shipped_texts_and_key_figure_labels(tmp_path):
    figure = KeyFigureFactory(practice__slug="mobile", label="Mobile consulates")
    write(
        tmp_path,
        "fr",
        "01",
        "mobile:\n  title: Consulats mobiles\n  summary: Des consulats.\n"
        "  key_figures: {'Mobile consulates': 'Consulats mobiles ouverts'}\n",
    )

    assert load_practice_translations(directory=tmp_path)["written"] == 1

    french = PracticeTranslation.objects.get(practice=figure.practice, language="fr")
    assert (french.title, french.summary, french.status) == (
        "Consulats mobiles",
        "Des consulats.",
        Status.DRAFT,
    )
    figure.refresh_from_db()
    assert figure.label_fr == "Consulats mobiles ouverts"


def test_a_reload_keeps_an_editors_change_and_takes_a_changed_shipped_text(tmp_path):
    edited = PracticeFactory(slug="edited")
    untouched = PracticeFactory(slug="untouched")
    write(tmp_path, "fr", "01", "edited:\n  title: Premier\nuntouched:\n  title: Premier\n")
    load_practice_translations(directory=tmp_path)
    french = PracticeTranslation.objects.get(practice=edited, language="fr")
    french.title = "Corrigé par une rédactrice"
    french.status = Status.REVIEWED
    french.save()

    write(tmp_path, "fr", "01", "edited:\n  title: Second\nuntouched:\n  title: Second\n")
    counts = load_practice_translations(directory=tmp_path)

    assert counts == {"written": 1, "kept": 1, "unchanged": 0}
    french.refresh_from_db()
    assert (french.title, french.status) == ("Corrigé par une rédactrice", Status.REVIEWED)
    assert PracticeTranslation.objects.get(practice=untouched, language="fr").title == "Second"
    assert load_practice_translations(directory=tmp_path) == {
        "written": 0,
        "kept": 1,
        "unchanged": 1,
    }


def test_a_file_naming_an_unknown_practice_or_figure_says_which(tmp_path):
    PracticeFactory(slug="known")
    write(tmp_path, "es", "02", "known:\n  title: Conocido\n  key_figures: {Nope: No}\n")

    with pytest.raises(PracticeTranslationFileError, match=r"es/02.yaml: known: .*'Nope'"):
        load_practice_translations(directory=tmp_path)

    write(tmp_path, "es", "02", "ghost:\n  title: Fantasma\n")
    with pytest.raises(PracticeTranslationFileError, match=r"es/02.yaml: no practice 'ghost'"):
        load_practice_translations(directory=tmp_path)


def test_an_over_long_shipped_text_is_refused_with_its_field(tmp_path):
    PracticeFactory(slug="known")
    write(tmp_path, "fr", "03", f"known:\n  title: {'x' * 300}\n")

    with pytest.raises(PracticeTranslationFileError, match=r"fr/03.yaml: known: title: "):
        load_practice_translations(directory=tmp_path)


def test_load_compendium_stops_on_a_bad_translation_file_and_writes_nothing(monkeypatch, tmp_path):
    write(tmp_path, "fr", "99", "no-such-practice:\n  title: Rien\n")
    monkeypatch.setattr(translation_files, "TRANSLATIONS_DIR", tmp_path)

    with pytest.raises(CommandError, match="Nothing was loaded: fr/99.yaml: no practice"):
        call_command("load_compendium", verbosity=0)

    assert not Practice.objects.exists()
    assert not PracticeTranslation.objects.exists()


@pytest.mark.parametrize(
    "english, translation, same",
    [
        ("In 2012, 132 consulates", "En 2012, 132 consulats", True),
        ("USD 1,000,000 over 2.5 years", "1 000 000 USD sur 2,5 ans", True),
        ("USD 1,000,000", "1.000.000 USD", True),
        ("In 2012, 132 consulates", "En 2012, 123 consulats", False),
        ("In 2012, 132 consulates", "En 2012, des consulats", False),
        ("Two programmes", "2 programmes", False),
    ],
)
def test_numbers_are_compared_whatever_the_separators(english, translation, same):
    assert (numbers(english) == numbers(translation)) is same


def test_the_checker_names_each_problem(monkeypatch):
    english = {
        "mobile": {
            "texts": {"title": "Mobile consulates", "summary": "132 in 2012", "description": ""},
            "key_figures": ["Consulates"],
        },
        "missing": {"texts": {"title": "Missing"}, "key_figures": []},
    }
    shipped = {
        "mobile": {"title": "Mobile consulates", "summary": "123 en 2012", "description": "x"}
    }
    monkeypatch.setattr(translation_files, "read_translations", lambda language, part: shipped)

    found = problems("fr", "01", english)

    assert "fr/01.yaml: mobile: title: identical to the English" in found[0]
    assert "numbers differ" in found[1] and "'132'" in found[1]
    assert "description: English is empty" in found[2]
    assert "key figure 'Consulates': not translated" in found[3]
    assert found[4] == "fr/01.yaml: missing: missing"
