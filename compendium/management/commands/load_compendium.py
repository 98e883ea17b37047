from django.core.management.base import BaseCommand

from compendium.content import load_compendium


class Command(BaseCommand):
    help = "Load the vocabularies and the practices of the compendium; safe to run again."

    def handle(self, *args, verbosity=1, **options):
        load_compendium(verbosity=verbosity)
