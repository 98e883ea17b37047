from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from compendium.search import evaluation


class Command(BaseCommand):
    help = "Score the search on a query set: recall@10, MRR and the share of empty answers."

    def add_arguments(self, parser):
        parser.add_argument(
            "path",
            nargs="?",
            default=str(Path(settings.BASE_DIR) / "tests" / "search_relevance.yaml"),
            help="A YAML query set (default: tests/search_relevance.yaml).",
        )

    def handle(self, *args, path, **options):
        scores = evaluation.evaluate(evaluation.load_judgements(Path(path)))
        self.stdout.write(evaluation.report(scores))
