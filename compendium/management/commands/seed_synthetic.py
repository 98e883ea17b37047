from django.core.management.base import BaseCommand, CommandError

from ...synthetic import SeedError, clear_synthetic, seed_synthetic


class Command(BaseCommand):
    help = "Add synthetic practices shaped like the real ones (for benchmarks), or remove them."

    def add_arguments(self, parser):
        parser.add_argument("--practices", type=int, default=0, help="How many to add.")
        parser.add_argument("--clear", action="store_true", help="Remove all synthetic ones first.")
        parser.add_argument(
            "--seed", type=int, default=2013, help="Random seed, for repeatable data."
        )

    def handle(self, *args, practices, clear, seed, **options):
        if practices < 0:
            raise CommandError("--practices must be 0 or more.")
        if clear:
            self.stdout.write(f"Removed {clear_synthetic()} synthetic practices.")
        if practices:
            try:
                seed_synthetic(count=practices, seed=seed)
            except SeedError as error:
                raise CommandError(str(error)) from error
            self.stdout.write(f"Added {practices} synthetic practices.")
