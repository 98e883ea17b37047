"""The Atom feed of newly published practices, filtered like the practice list."""

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from django.views import View

from .views.listing import FilteredPracticesMixin

ITEMS = 50


class PracticeFeed(Feed):
    feed_type = Atom1Feed
    title = _("Diaspora Good Practices Compendium: newly published practices")
    subtitle = _("Practices through which governments engage, enable and empower their diasporas.")

    def __init__(self, practices):
        super().__init__()
        self.practices = practices

    def link(self):
        return reverse("compendium:practice-list")

    def items(self):
        return (
            self.practices.select_related("primary_pillar")
            .localised()
            .order_by("-first_published_at", "title")[:ITEMS]
        )

    def item_title(self, practice):
        return practice.local_title

    def item_description(self, practice):
        # Atom's summary is type="html": readers render it, so plain text is escaped first.
        return escape(practice.local_summary)

    def item_pubdate(self, practice):
        return practice.first_published_at

    def item_updateddate(self, practice):
        return practice.updated_at

    def item_categories(self, practice):
        return [practice.primary_pillar.name]


class PracticeFeedView(FilteredPracticesMixin, View):
    """Serve the feed of the practices that the query string's filters select."""

    def invalid_query(self, problems):
        lines = [f"{name}: {' '.join(messages)}" for name, messages in problems.items()]
        return HttpResponse("\n".join(lines), status=400, content_type="text/plain; charset=utf-8")

    def get(self, request, *args, **kwargs):
        return PracticeFeed(self.filterset.qs)(request)
