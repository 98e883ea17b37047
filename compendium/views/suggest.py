import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.shortcuts import redirect
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.generic import FormView

from ..cache import CacheUnavailable
from ..forms import SuggestionForm
from ..models import Practice, Suggestion


class SuggestView(FormView):
    """Let anyone propose a practice; it joins the editors' queue as submitted."""

    form_class = SuggestionForm
    template_name = "compendium/suggest.html"

    def post(self, request, *args, **kwargs):
        key = f"suggestions:{request.META.get('REMOTE_ADDR', '')}"
        cache.add(key, 0, timeout=settings.SUGGESTIONS_WINDOW)
        try:
            sent = cache.incr(key)
        except (CacheUnavailable, ValueError):
            # Without its counter the limit cannot hold: refuse rather than let a flood in.
            return self.refuse(
                _("Suggestions cannot be received just now. Please try again in a few minutes."),
                status=503,
            )
        if sent > settings.SUGGESTIONS_PER_WINDOW:
            return self.refuse(
                _("You have sent many suggestions in a short time. Please try again later."),
                status=429,
            )
        return super().post(request, *args, **kwargs)

    def refuse(self, message: str, status: int):
        form = self.get_form()
        form.add_error(None, message)
        response = self.render_to_response(self.get_context_data(form=form), status=status)
        response["Retry-After"] = "60"
        return response

    def form_valid(self, form):
        if not form.is_spam():
            record_suggestion(form.cleaned_data)
        return redirect("compendium:suggest-thanks")


def record_suggestion(data: dict) -> Practice:
    """Create the submitted practice and what the visitor told us about it."""
    slug = f"{slugify(data['title'])[:80] or 'suggestion'}-{secrets.token_hex(3)}"
    with transaction.atomic():
        practice = Practice.objects.create(
            title=data["title"],
            slug=slug,
            summary="",
            description=data["description"],
            editorial_status=Practice.EditorialStatus.SUBMITTED,
        )
        Suggestion.objects.create(
            practice=practice,
            countries=data["countries"],
            source_url=data["source_url"],
            contact_email=data["contact_email"],
        )
    return practice
