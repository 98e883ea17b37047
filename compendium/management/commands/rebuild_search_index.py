from django.core.management.base import BaseCommand

from compendium.search import indexing


class Command(BaseCommand):
    help = "Rewrite every practice's search document and the vocabulary (load_compendium does too)."

    def handle(self, *args, **options):
        count = indexing.rebuild()
        self.stdout.write(f"Indexed {count} practices.")
