from django.core.management.base import BaseCommand
from django.db.models import Count

from compendium.content import REPORT_PARTS
from compendium.models import Practice, SourceReference


def chapter_order(chapter: str) -> int:
    """Sort chapters of the 2013 report in reading order, and any other locator after them."""
    return REPORT_PARTS.index(chapter) if chapter in REPORT_PARTS else len(REPORT_PARTS)


class Command(BaseCommand):
    help = "Print how many published practices the compendium holds, per report chapter and pillar."

    def handle(self, *args, **options):
        published = Practice.objects.published()
        self.stdout.write(f"Published practices: {published.count()}")
        self.stdout.write(f"All practices, any state: {Practice.objects.count()}")

        self.stdout.write(
            "\nPer chapter of the source (a practice cited in two chapters counts in both):"
        )
        chapters = (
            SourceReference.objects.filter(practice__in=published)
            .values("source__slug", "chapter")
            .annotate(practices=Count("practice", distinct=True))
            .order_by("source__slug")
        )
        for row in sorted(
            chapters, key=lambda row: (row["source__slug"], chapter_order(row["chapter"]))
        ):
            self.stdout.write(
                f"  {row['source__slug']:<20} {row['chapter']:<36} {row['practices']:>4}"
            )

        self.stdout.write("\nPer primary pillar:")
        pillars = published.values("primary_pillar__name").annotate(practices=Count("id"))
        for row in pillars.order_by("primary_pillar__position"):
            self.stdout.write(f"  {row['primary_pillar__name']:<20} {row['practices']:>4}")

        self.stdout.write("\nPer theme (a practice may have several):")
        themes = published.values("themes__name").annotate(practices=Count("id"))
        for row in themes.order_by("themes__position"):
            self.stdout.write(f"  {row['themes__name'] or '(none)':<45} {row['practices']:>4}")
