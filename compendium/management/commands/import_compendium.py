from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from compendium.backup import BackupError, import_compendium


class Command(BaseCommand):
    help = "Restore a file written by export_compendium into an empty compendium, all or nothing."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The JSON file to read.")

    def handle(self, *args, path, **options):
        try:
            count = import_compendium(path=path)
        except BackupError as error:
            raise CommandError(f"Nothing was imported: {error}") from error
        self.stdout.write(f"Restored {count} records from {path}.")
