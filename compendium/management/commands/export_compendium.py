from pathlib import Path

from django.core.management.base import BaseCommand

from compendium.backup import export_compendium


class Command(BaseCommand):
    help = "Write the whole compendium (every state, every relation) to one JSON file."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The JSON file to write.")

    def handle(self, *args, path, **options):
        count = export_compendium(path=path)
        self.stdout.write(f"Wrote {count} records to {path}.")
