from django.core.management.base import BaseCommand, CommandError

from compendium.translation_files import LANGUAGES, all_problems


class Command(BaseCommand):
    help = (
        "Check the shipped French and Spanish practice texts against their English: every "
        "practice and filled field translated, the same numbers, nothing left in English."
    )

    def add_arguments(self, parser):
        parser.add_argument("--language", choices=LANGUAGES, action="append")
        parser.add_argument(
            "--part",
            action="append",
            help="a practices file stem, e.g. 01-bridges-between-societies",
        )

    def handle(self, *args, language=None, part=None, **options):
        found = all_problems(languages=language or LANGUAGES, parts=part)
        for message in found:
            self.stdout.write(message)
        if found:
            raise CommandError(f"{len(found)} problems")
        self.stdout.write("No problems.")
