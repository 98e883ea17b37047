from compendium.search import text


def test_fold_ignores_case_and_accents():
    assert text.fold("Diáspora ÉMIGRÉS Ñandú") == "diaspora emigres nandu"


def test_words_drop_stop_words_of_the_three_languages():
    assert text.words("How do the countries keep in touch?") == ["countries", "keep", "touch"]
    assert text.words("l'envoi d'argent vers le pays") == ["envoi", "argent", "vers", "pays"]
    assert text.words("inversión de la diáspora") == ["inversion", "diaspora"]


def test_a_word_in_capitals_is_an_acronym_not_a_stop_word():
    assert text.words("US development cooperation") == ["us", "development", "cooperation"]
    assert text.words("help them") == ["help"]
    assert text.words("THEM") == ["them"]


def test_compound_names_are_also_split_into_their_parts():
    assert text.raw_words("BaLinkBayan portal") == ["BaLinkBayan", "Ba", "Link", "Bayan", "portal"]
    assert "bayan" in text.words("BaLinkBayan")


def test_stems_cover_english_french_and_spanish():
    assert text.stem("remittances", "en") == text.stem("remittance", "en")
    assert text.stem("investissements", "fr") == text.stem("investissement", "fr")
    assert text.stem("remesas", "es") == text.stem("remesa", "es")
    assert text.stems("diaspora") == {"diaspora", "diaspor"}


def test_long_runs_of_letters_are_cut_to_a_word_length():
    assert text.words("x" * 10_000) == ["x" * text.MAX_WORD_LENGTH]
