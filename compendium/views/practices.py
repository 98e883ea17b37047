import re

from django.contrib.admin.views.decorators import staff_member_required
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from .. import citations, querystrings
from ..changelog import change_log
from ..models import (
    InstrumentType,
    Practice,
    PracticeOrganisation,
    SourceReference,
)
from ..models.practice import translations_prefetch
from ..models.translations import texts_in
from ..related import related_practices
from ..search.snippets import snippet
from .listing import FacetedListMixin

PAGE_SIZE = 20


class PracticeListView(FacetedListMixin, ListView):
    """The published practices, filtered, faceted, sorted and paginated by the query string."""

    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return (
            self.filterset.qs.select_related("primary_pillar")
            .prefetch_related("countries")
            .localised()
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.filterset.form.cleaned_data.get("q")
        if query:
            plan = self.filterset.search_plan(query)
            for practice in context["practice_list"]:
                texts = [practice.local_summary, practice.local_description]
                practice.snippet = snippet(texts, plan)
            if plan.suggestion:
                context["suggestion"] = plan.suggestion
                context["suggestion_url"] = querystrings.replaced(
                    self.request.GET, "q", plan.suggestion
                )
        return context


class TermPracticeListView(PracticeListView):
    """A vocabulary term's page: its description, then the list filtered by it."""

    term_model = None
    term_related: tuple[str, ...] = ()  # what the page shows of the term's own relations
    parameter = ""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        terms = self.term_model.objects.all()
        if self.term_related:  # select_related() with no names would follow every key
            terms = terms.select_related(*self.term_related)
        self.term = get_object_or_404(terms, slug=kwargs["slug"])

    def fixed_filters(self):
        return {self.parameter: self.term.slug}

    def get_context_data(self, **kwargs):
        return super().get_context_data(term=self.term, term_parameter=self.parameter, **kwargs)


def detail_queryset(practices):
    """Fetch a practice with everything its page shows, in a fixed number of queries."""
    return practices.select_related("primary_pillar").prefetch_related(
        "secondary_pillars",
        "themes",
        Prefetch("instruments", InstrumentType.objects.select_related("family")),
        "gcm_objectives",
        "target_groups",
        "countries",
        Prefetch("organisation_roles", PracticeOrganisation.objects.select_related("organisation")),
        "key_figures",
        Prefetch("source_references", SourceReference.objects.select_related("source")),
        *translations_prefetch(),
    )


class PracticeDetailView(DetailView):
    def get_queryset(self):
        return detail_queryset(self.practices())

    def practices(self):
        return Practice.objects.published()

    def get_context_data(self, **kwargs):
        practice = self.object
        url = self.request.build_absolute_uri(practice.get_absolute_url())
        linked, similar = related_practices(practice)
        return super().get_context_data(
            explicit_relations=linked,
            similar_practices=similar,
            changes=change_log(practice),
            texts=texts_in(practice),
            citation=citations.plain_text(practice, url, timezone.localdate()),
            json_ld=citations.json_ld(practice, url),
            **kwargs,
        )


@method_decorator(staff_member_required, name="dispatch")
class PracticePreviewView(PracticeDetailView):
    """Show staff an unpublished practice exactly as the public page would."""

    def practices(self):
        return Practice.objects.all()


CITATION_FORMATS = {
    "bib": (citations.bibtex, "application/x-bibtex; charset=utf-8"),
    "ris": (citations.ris, "application/x-research-info-systems; charset=utf-8"),
}


def cite_practice(request, slug, format):
    """Download the practice's reference as BibTeX or RIS."""
    if format not in CITATION_FORMATS:
        raise Http404(_("Citations come as .bib or .ris."))
    practice = get_object_or_404(detail_queryset(Practice.objects.published()), slug=slug)
    render_citation, content_type = CITATION_FORMATS[format]
    url = request.build_absolute_uri(practice.get_absolute_url())
    response = HttpResponse(
        render_citation(practice, url, timezone.localdate()), content_type=content_type
    )
    response["Content-Disposition"] = f'attachment; filename="{practice.slug}.{format}"'
    return response


COMPARE_MIN, COMPARE_MAX = 2, 4
SLUG = re.compile(r"[-a-zA-Z0-9_]{1,120}")


def compare(request):
    """Show two to four practices side by side, field by field."""
    if not request.GET:
        return render(request, "compendium/compare.html", {"practices": []})
    practices, problems = chosen_practices(request.GET)
    if problems:
        context = {"problems": problems, "allowed": ["p"]}
        return render(request, "compendium/invalid_query.html", context, status=400)
    return render(request, "compendium/compare.html", {"practices": practices})


def chosen_practices(params) -> tuple[list[Practice], dict[str, list[str]]]:
    """Return the published practices that `p` names, in its order, or what is wrong with it."""
    slugs = list(dict.fromkeys(params.getlist("p")))
    problems = {name: [_("Unknown parameter.")] for name in sorted(set(params) - {"p"})}
    if not all(SLUG.fullmatch(slug) for slug in slugs):
        problems["p"] = [_("A practice's address has only letters, digits and hyphens.")]
    elif not COMPARE_MIN <= len(slugs) <= COMPARE_MAX:
        problems["p"] = [_("Choose from two to four practices to compare.")]
    if problems:
        return [], problems
    found = detail_queryset(Practice.objects.published()).filter(slug__in=slugs)
    by_slug = {practice.slug: practice for practice in found}
    missing = [slug for slug in slugs if slug not in by_slug]
    if missing:
        message = _("No published practice has the address “%(slug)s”.")
        return [], {"p": [message % {"slug": slug} for slug in missing]}
    return [by_slug[slug] for slug in slugs], {}
