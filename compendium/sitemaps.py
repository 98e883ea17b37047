"""The sitemap: every public page, and nothing that is not published."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import InstrumentType, Organisation, Pillar, Practice, Theme
from .views.places import practice_counts


class LocalizedSitemap(Sitemap):
    """List a page once per language, each with hreflang links to the others."""

    i18n = True
    alternates = True
    x_default = True


class PracticeSitemap(LocalizedSitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return Practice.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, practice):
        return practice.updated_at


class TermSitemap(LocalizedSitemap):
    changefreq = "weekly"

    def items(self):
        return [
            *Pillar.objects.all(),
            *Theme.objects.all(),
            *InstrumentType.objects.all(),
        ]


class OrganisationSitemap(LocalizedSitemap):
    changefreq = "monthly"

    def items(self):
        published = Practice.objects.published()
        return (
            Organisation.objects.filter(practice_roles__practice__in=published)
            .distinct()
            .order_by("slug")
        )


class CountrySitemap(LocalizedSitemap):
    changefreq = "weekly"

    def items(self):
        return sorted(code.lower() for code in practice_counts())

    def location(self, code):
        return reverse("compendium:country-detail", kwargs={"code": code})


class PageSitemap(LocalizedSitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return ["home", "practice-list", "country-list", "map", "about"]

    def location(self, name):
        return reverse(f"compendium:{name}")


SITEMAPS = {
    "pages": PageSitemap,
    "practices": PracticeSitemap,
    "terms": TermSitemap,
    "countries": CountrySitemap,
    "organisations": OrganisationSitemap,
}
