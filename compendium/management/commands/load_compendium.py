from django.core.management.base import BaseCommand, CommandError

from compendium.content import (
    FixtureRowError,
    SynonymFileError,
    TranslationFileError,
    load_compendium,
)
from compendium.translation_files import PracticeTranslationFileError


class Command(BaseCommand):
    help = "Load the vocabularies and the practices of the compendium; safe to run again."

    def handle(self, *args, verbosity=1, **options):
        try:
            load_compendium(verbosity=verbosity)
        except (
            FixtureRowError,
            PracticeTranslationFileError,
            SynonymFileError,
            TranslationFileError,
        ) as error:
            raise CommandError(f"Nothing was loaded: {error}") from None
