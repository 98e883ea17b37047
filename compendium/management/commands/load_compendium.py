from django.core.management.base import BaseCommand, CommandError

from compendium.content import (
    FixtureRowError,
    SynonymFileError,
    TranslationFileError,
    is_loaded,
    load_compendium,
)
from compendium.translation_files import PracticeTranslationFileError


class Command(BaseCommand):
    help = (
        "Load the vocabularies and the practices of the compendium in one transaction; safe to "
        "run again. Skipped when no fixture file changed since the last load, unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Load even if no fixture file changed."
        )
        parser.add_argument(
            "--overwrite-edits",
            action="store_true",
            help="Also rewrite the shipped practices saved since the last load.",
        )

    def handle(self, *args, verbosity=1, force=False, overwrite_edits=False, **options):
        # An unchanged reload would hold the write lock for seconds and rewrite every row.
        if not force and is_loaded():
            if verbosity:
                self.stdout.write("The compendium is loaded already: no fixture file changed.")
            return
        try:
            spared = load_compendium(verbosity=verbosity, overwrite_edits=overwrite_edits)
        except (
            FixtureRowError,
            PracticeTranslationFileError,
            SynonymFileError,
            TranslationFileError,
        ) as error:
            raise CommandError(f"Nothing was loaded: {error}") from None
        if spared and verbosity:
            self.stdout.write(
                f"Kept as they are, because they were saved since the last load: "
                f"{', '.join(spared)}. --overwrite-edits takes the shipped versions instead."
            )
