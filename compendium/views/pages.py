"""The home page, the about page with its charts, and robots.txt."""

from django.db.models import Count
from django.http import HttpResponse
from django.urls import reverse
from django.views.generic import TemplateView

from .. import fragments, geography
from ..models import InstrumentFamily, Pillar, Practice, PracticeCountry, Theme

RECENT = 6


def _counts(rows, key: str) -> dict:
    return {row[key]: row["count"] for row in rows}


def _pillar_counts() -> dict[int, int]:
    rows = Practice.objects.published().values("primary_pillar").annotate(count=Count("pk"))
    return _counts(rows.order_by(), "primary_pillar")


def _theme_counts() -> dict[int, int]:
    links = Practice.themes.through.objects.filter(practice__in=Practice.objects.published())
    return _counts(links.values("theme").annotate(count=Count("practice")).order_by(), "theme")


def _family_counts() -> dict[int, int]:
    links = Practice.instruments.through.objects.filter(practice__in=Practice.objects.published())
    rows = links.values("instrumenttype__family").annotate(count=Count("practice", distinct=True))
    return _counts(rows.order_by(), "instrumenttype__family")


def _region_counts() -> list[tuple[geography.Region, int]]:
    """Count published practices per M49 region; a practice counts once per region."""
    links = PracticeCountry.objects.filter(practice__in=Practice.objects.published())
    rows = (
        links.annotate(region=geography.region_code())
        .values("region")
        .annotate(count=Count("practice", distinct=True))
        .order_by()
    )
    counts = _counts(rows, "region")
    return [(region, counts.get(region.code, 0)) for region in geography.top_level_regions()]


def pillar_counts() -> dict[int, int]:
    return fragments.cached("pillar-counts", _pillar_counts)


def theme_counts() -> dict[int, int]:
    return fragments.cached("theme-counts", _theme_counts)


def family_counts() -> dict[int, int]:
    return fragments.cached("family-counts", _family_counts)


def region_counts() -> list[tuple[geography.Region, int]]:
    return fragments.cached("region-counts", _region_counts)


def bars(items) -> list[dict]:
    """Turn (label, count, url) triples into bars scaled to the largest count."""
    items = list(items)
    largest = max((count for _label, count, _url in items), default=0) or 1
    return [
        {"label": label, "count": count, "url": url, "percent": round(100 * count / largest, 1)}
        for label, count, url in items
    ]


class HomeView(TemplateView):
    template_name = "compendium/home.html"

    def get_context_data(self, **kwargs):
        published = Practice.objects.published()
        counts = pillar_counts()
        themes = theme_counts()
        pillars = list(Pillar.objects.all())
        for pillar in pillars:
            pillar.practice_count = counts.get(pillar.pk, 0)
        theme_list = list(Theme.objects.all())
        for theme in theme_list:
            theme.practice_count = themes.get(theme.pk, 0)
        return super().get_context_data(
            pillars=pillars,
            themes=theme_list,
            practice_count=sum(counts.values()),
            recent_practices=published.select_related("primary_pillar")
            .localised()
            .order_by("-first_published_at", "title")[:RECENT],
            **kwargs,
        )


class AboutView(TemplateView):
    template_name = "compendium/about.html"

    def get_context_data(self, **kwargs):
        pillars, themes, families = pillar_counts(), theme_counts(), family_counts()
        practices = reverse("compendium:practice-list")
        charts = {
            "pillar": bars(
                (p.name, pillars.get(p.pk, 0), p.get_absolute_url()) for p in Pillar.objects.all()
            ),
            "theme": bars(
                (t.name, themes.get(t.pk, 0), t.get_absolute_url()) for t in Theme.objects.all()
            ),
            "region": bars(
                (region.label, count, f"{practices}?region={region.code}")
                for region, count in region_counts()
            ),
            "family": bars(
                (f.name, families.get(f.pk, 0), None) for f in InstrumentFamily.objects.all()
            ),
        }
        return super().get_context_data(
            charts=charts, practice_count=sum(pillars.values()), **kwargs
        )


def robots_txt(request):
    """Let crawlers in, except where pages are endless or not for them."""
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = [
        "User-agent: *",
        "Disallow: /api/",
        "Disallow: /compare/",
        "Disallow: /practices/export.",
        "Disallow: /suggest/",
        f"Sitemap: {sitemap}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
