"""The compendium's shipped content: which fixture files make it up, in loading order."""

from pathlib import Path

from django.conf import settings
from django.core.management import call_command

FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"

# The parts of the 2013 conference report, in reading order: the values of a
# source reference's chapter.
REPORT_PARTS = [
    "Foreword",
    "Introduction",
    "Deliberations and recommendations",
    "Chapter 1",
    "Chapter 2",
    "Chapter 3",
    "Chapter 4",
    "Chapter 5",
    "Conclusion",
    "Annex",
]


def fixture_files() -> list[Path]:
    """Return the vocabularies and organisations first, then every practices file in name order."""
    shared = ["vocabularies.yaml", "gcm_objectives.yaml", "organisations.yaml"]
    return [FIXTURES_DIR / name for name in shared] + sorted(
        (FIXTURES_DIR / "practices").glob("*.yaml")
    )


def load_compendium(*, verbosity: int = 1) -> None:
    """Load every fixture file in one transaction (loaddata's own).

    Rows are matched by natural key, so loading again updates them in place instead of
    adding duplicates, and leaves rows that editors added alone.
    """
    call_command("loaddata", *map(str, fixture_files()), verbosity=verbosity)
