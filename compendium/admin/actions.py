"""Admin actions: the editorial workflow's transitions, and marking entries verified."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..freshness import touch
from ..workflow import TRANSITIONS, TransitionRefused, apply_transition


def apply_to_selection(modeladmin, request, queryset, name: str, note: str = "") -> None:
    """Apply one transition to every selected practice, reporting each refusal."""
    done = 0
    for practice in queryset:
        try:
            apply_transition(practice, name, user=request.user, note=note)
        except TransitionRefused as refusal:
            modeladmin.message_user(request, str(refusal), messages.ERROR)
        else:
            done += 1
    if done:
        transition = TRANSITIONS[name]
        modeladmin.message_user(
            request,
            ngettext("%(count)d practice %(action)s.", "%(count)d practices %(action)s.", done)
            % {"count": done, "action": transition.past_tense},
            messages.SUCCESS,
        )


def transition_action(name: str, permission: str):
    transition = TRANSITIONS[name]

    @admin.action(description=transition.label, permissions=[permission])
    def action(modeladmin, request, queryset):
        apply_to_selection(modeladmin, request, queryset, name)

    action.__name__ = name
    return action


class CommentForm(forms.Form):
    note = forms.CharField(
        label=_("Note to the editor"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
    )


COMMENTED = {
    # action: (transition, comment required, help text, page title, button)
    "send_back": (
        "send_back",
        True,
        _("What should change before the practice can be published?"),
        _("Send back to draft"),
        _("Send back"),
    ),
    "publish_with_comment": (
        "publish",
        False,
        _("Optional: a word for the editor, kept in the review trail."),
        _("Publish"),
        _("Publish"),
    ),
}


def commented_action(action_name: str, description):
    """An action that asks for a comment on an intermediate page, then applies its transition."""
    name, required, help_text, title, button = COMMENTED[action_name]

    @admin.action(description=description, permissions=["publish"])
    def action(modeladmin, request, queryset):
        form = CommentForm(request.POST if "apply" in request.POST else None)
        form.fields["note"].required = required
        form.fields["note"].help_text = help_text
        if form.is_valid():
            apply_to_selection(modeladmin, request, queryset, name, form.cleaned_data["note"])
            return None
        return TemplateResponse(
            request,
            "admin/compendium/practice/send_back.html",
            {
                **modeladmin.admin_site.each_context(request),
                "title": title,
                "button": button,
                "action_name": action_name,
                "form": form,
                "queryset": queryset,
                "opts": modeladmin.model._meta,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            },
        )

    action.__name__ = action_name
    return action


send_back = commented_action("send_back", _("Send back to draft, with a note"))
publish_with_comment = commented_action("publish_with_comment", _("Publish, with a comment"))


@admin.action(description=_("Mark as verified today"), permissions=["change"])
def mark_verified(modeladmin, request, queryset):
    count = queryset.update(last_verified_on=timezone.localdate())
    touch()  # update() sends no signal, and public pages show the date
    modeladmin.message_user(
        request,
        ngettext(
            "%(count)d practice marked as verified.",
            "%(count)d practices marked as verified.",
            count,
        )
        % {"count": count},
        messages.SUCCESS,
    )


submit = transition_action("submit", "change")
review = transition_action("review", "publish")
publish = transition_action("publish", "publish")
archive = transition_action("archive", "archive")
