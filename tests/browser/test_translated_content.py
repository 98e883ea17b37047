"""A French or Spanish reader of the shipped compendium meets no English prose.

Chromium reads the rendered text of a practice page, the list and a country profile,
leaving out what the page itself marks lang="en" (quotations of the English report and
the titles of its parts). A line that holds several English function words is English
prose; a proper name such as "Development Marketplace for the African Diaspora" holds
two at most.
"""

import re

import pytest

from compendium.content import load_compendium

pytestmark = pytest.mark.django_db(transaction=True)

# Words that are common in any English sentence and are not French or Spanish words.
ENGLISH = {
    "the", "and", "of", "with", "which", "that", "this", "is", "are", "was", "were", "has",
    "have", "been", "their", "from", "by", "for", "its", "into", "these", "it", "they", "to",
    "who", "will", "would", "should", "not", "or", "other", "also", "such", "be",
}  # fmt: skip
PROSE = 3  # distinct English function words that make a line English prose
PAGES = [
    "/practices/mexico-tres-por-uno/",
    "/practices/turkey-blue-card/",
    "/practices/philippines-balinkbayan/",
    "/practices/",
    "/countries/mx/",
    "/countries/ph/",
]
READ_TEXT = """() => {
    document.body.querySelectorAll('[lang="en"], script, style').forEach((node) => node.remove());
    return document.body.innerText;
}"""


def english_lines(text: str) -> list[str]:
    found = []
    for line in text.splitlines():
        words = set(re.findall(r"[a-z]+", line.lower()))
        if len(words & ENGLISH) >= PROSE:
            found.append(line)
    return found


def test_the_detector_tells_english_prose_from_a_name():
    assert english_lines("The report says that the diaspora is a bridge.")
    assert not english_lines("Development Marketplace for the African Diaspora in Europe")
    assert not english_lines("Les pouvoirs publics abondent chaque dollar de la diaspora.")


@pytest.mark.parametrize("language", ["fr", "es"])
def test_practice_pages_the_list_and_country_profiles_read_in_the_language(
    live_server, chromium_page, language
):
    load_compendium(verbosity=0)

    texts = {}
    with chromium_page() as page:
        for url in PAGES:
            response = page.goto(f"{live_server.url}/{language}{url}")
            assert response.status == 200, url
            texts[url] = page.evaluate(READ_TEXT)
        page.goto(f"{live_server.url}{PAGES[0]}")
        english = page.evaluate(READ_TEXT)

    assert len(english_lines(english)) >= 3  # the same page in English is caught
    for url, text in texts.items():
        assert len(text) > 500, url
        assert english_lines(text) == [], url
