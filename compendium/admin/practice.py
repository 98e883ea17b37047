from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IS_POPUP_VAR
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from import_export.admin import ExportActionMixin, ImportMixin
from simple_history.admin import SimpleHistoryAdmin

from ..desk import DeskFilter
from ..duplicates import likely_duplicates
from ..models import (
    KeyFigure,
    Practice,
    PracticeCountry,
    PracticeOrganisation,
    PracticeRelation,
    PracticeTranslation,
    SourceReference,
    Suggestion,
)
from ..models.practice import TRANSLATED_FIELDS
from ..resources import PracticeResource
from ..spreadsheets import ADMIN_FORMATS
from . import actions, form_review, reverting, versions
from .filters import CountryFilter, RegionFilter, TranslationFilter, VerifiedFilter
from .history import review_trail, row_changes
from .locking import conflict_message, conflict_since, present_editors, stored_revision

# Django's own select2, applied to plain choice lists (countries are not a table).
SELECT2 = forms.Media(
    js=[
        "admin/js/vendor/jquery/jquery.min.js",
        "admin/js/vendor/select2/select2.full.min.js",
        "admin/js/jquery.init.js",
        "compendium/admin/searchable-select.js",
    ],
    css={"screen": ["admin/css/vendor/select2/select2.min.css"]},
)


class PracticeCountryForm(forms.ModelForm):
    class Meta:
        model = PracticeCountry
        fields = ["country", "role"]
        widgets = {"country": forms.Select(attrs={"class": "searchable-select"})}


class PracticeCountryInline(admin.TabularInline):
    model = PracticeCountry
    form = PracticeCountryForm
    extra = 0

    @property
    def media(self):
        return super().media + SELECT2


class PracticeOrganisationInline(admin.TabularInline):
    model = PracticeOrganisation
    autocomplete_fields = ["organisation"]
    extra = 0


class KeyFigureInline(admin.TabularInline):
    model = KeyFigure
    extra = 0


class SourceReferenceInline(admin.StackedInline):
    model = SourceReference
    autocomplete_fields = ["source"]
    extra = 0


class PracticeRelationInline(admin.TabularInline):
    model = PracticeRelation
    fk_name = "from_practice"
    autocomplete_fields = ["to_practice"]
    extra = 0
    verbose_name = _("related practice")
    verbose_name_plural = _("related practices")


class PracticeTranslationInline(admin.StackedInline):
    model = PracticeTranslation
    extra = 0
    max_num = len(PracticeTranslation.Language)
    fields = ["language", "status", *TRANSLATED_FIELDS]
    verbose_name_plural = _("translations (empty fields show the English text)")


class SuggestionInline(admin.StackedInline):
    model = Suggestion
    readonly_fields = ["source_url", "contact_email", "countries", "submitted_at"]
    fields = readonly_fields
    can_delete = False
    extra = 0
    max_num = 0
    verbose_name_plural = _("suggested by the public")


class PracticeAdminForm(forms.ModelForm):
    opened_revision = forms.IntegerField(widget=forms.HiddenInput, required=False)
    review_comment = forms.CharField(
        label=_("Comment for the review trail"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Kept with the step you take with the buttons below; needed to send an entry back."
        ),
    )
    not_a_duplicate = forms.BooleanField(
        label=_("This is not a duplicate"),
        required=False,
        help_text=_("Tick it to save a new practice that resembles an existing one."),
    )

    class Meta:
        model = Practice
        fields = "__all__"  # noqa: DJ007 - the admin picks the fields through its fieldsets
        # A handful of terms each: ticked in place rather than moved between two lists.
        widgets = {
            "secondary_pillars": forms.CheckboxSelectMultiple,
            "themes": forms.CheckboxSelectMultiple,
            "target_groups": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # The stored revision, not the instance's: reverting to a version builds this
            # form on the old version, whose revision is an old one.
            stored = Practice.objects.filter(pk=self.instance.pk).values_list("revision", flat=True)
            self.fields["opened_revision"].initial = stored.first()

    def clean(self):
        self.refuse_if_saved_since_opened()
        self.warn_of_duplicates()
        cleaned = super().clean()
        step = form_review.chosen(self.data)
        if step in form_review.NOTE_REQUIRED and not cleaned.get("review_comment", "").strip():
            self.add_error(
                "review_comment",
                _("Say what should change before the practice can be published."),
            )
        primary = cleaned.get("primary_pillar")
        if primary and primary in (cleaned.get("secondary_pillars") or []):
            self.add_error(
                "secondary_pillars", _("The primary pillar cannot also be a secondary pillar.")
            )
        return cleaned

    def warn_of_duplicates(self):
        """Show the practices a new one may duplicate, and save it only once confirmed."""
        if self.instance.pk or self.cleaned_data.get("not_a_duplicate"):
            return
        close = likely_duplicates(
            self.cleaned_data.get("title", ""), self.cleaned_data.get("summary", "")
        )
        if close:
            links = format_html_join(
                ", ",
                '<a href="{}">{}</a>',
                (
                    (reverse("admin:compendium_practice_change", args=[p.pk]), p.title)
                    for p in close
                ),
            )
            raise forms.ValidationError(
                format_html(
                    "{} {}. {}",
                    _("This practice may already be in the compendium:"),
                    links,
                    _("If it is a different practice, tick “This is not a duplicate” and save."),
                ),
                code="duplicate",
            )

    def refuse_if_saved_since_opened(self):
        """Refuse the save if someone saved the practice after this form was opened."""
        opened = self.cleaned_data.get("opened_revision")
        if not self.instance.pk or opened is None:
            return  # a new practice, or a form from before revisions: nothing to compare
        if stored_revision(self.instance.pk) != opened:
            conflict = conflict_since(self.instance, opened)
            raise forms.ValidationError(conflict_message(conflict), code="stale")


@admin.register(Practice)
class PracticeAdmin(ImportMixin, ExportActionMixin, SimpleHistoryAdmin):
    form = PracticeAdminForm
    resource_classes = [PracticeResource]
    formats = ADMIN_FORMATS
    list_display = [
        "title",
        "primary_pillar",
        "country_list",
        "editorial_status",
        "updated_at",
        "last_verified_on",
    ]
    list_filter = [
        "editorial_status",
        "primary_pillar",
        "themes",
        "instruments__family",
        "instruments",
        RegionFilter,
        CountryFilter,
        ("organisations", admin.RelatedOnlyFieldListFilter),
        "evidence_level",
        "implementation_status",
        VerifiedFilter,
        TranslationFilter,
        DeskFilter,
    ]
    list_select_related = ["primary_pillar"]
    list_per_page = 50
    search_fields = [
        "title",
        "summary",
        "description",
        "organisations__name",
        "organisations__acronym",
    ]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["instruments", "gcm_objectives"]
    readonly_fields = [
        "editorial_status",
        "review_trail_table",
        "created_at",
        "updated_at",
        "first_published_at",
    ]
    date_hierarchy = "updated_at"
    actions = [
        actions.submit,
        actions.review,
        actions.publish,
        actions.publish_with_comment,
        actions.send_back,
        actions.archive,
        actions.mark_verified,
    ]
    inlines = [
        PracticeCountryInline,
        PracticeOrganisationInline,
        KeyFigureInline,
        SourceReferenceInline,
        PracticeRelationInline,
        PracticeTranslationInline,
        SuggestionInline,
    ]
    history_list_display = ["editorial_status"]
    object_history_template = "admin/compendium/practice/object_history.html"
    object_history_form_template = "admin/compendium/practice/object_history_form.html"
    change_form_template = "admin/compendium/practice/change_form.html"
    # In the order of the public page; the optional texts and the evidence fold away.
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "slug",
                    "summary",
                    "description",
                    "opened_revision",
                    "not_a_duplicate",
                ]
            },
        ),
        (
            _("Classification"),
            {
                "fields": [
                    "primary_pillar",
                    "secondary_pillars",
                    "themes",
                    "instruments",
                    "target_groups",
                    "gcm_objectives",
                    "scope",
                ]
            },
        ),
        (_("Time and status"), {"fields": ["start_year", "end_year", "implementation_status"]}),
        (
            _("Objectives, results, lessons, transferability"),
            {
                "fields": ["activities", "results", "lessons", "transferability"],
                "classes": ["collapse"],
            },
        ),
        (_("Evidence"), {"fields": ["evidence_level", "evidence_note"], "classes": ["collapse"]}),
        (
            _("Editorial"),
            {
                "fields": [
                    "editorial_status",
                    "review_trail_table",
                    "editorial_note",
                    "last_verified_on",
                    "created_at",
                    "updated_at",
                    "first_published_at",
                ]
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("countries")

    def get_urls(self):
        compare = self.admin_site.admin_view(self.compare_view)
        return [
            path("<path:object_id>/compare/", compare, name="compendium_practice_compare"),
            *super().get_urls(),
        ]

    def compare_view(self, request, object_id):
        """Show two versions of the practice side by side (?old=<id>&new=<id>)."""
        practice = self.get_object(request, object_id)
        if practice is None or not self.has_view_or_change_permission(request, practice):
            raise Http404(_("No such practice."))
        records = list(practice.history.select_related("history_user"))
        by_id = {str(record.history_id): record for record in records}
        new = by_id.get(request.GET.get("new", ""), records[0] if records else None)
        old = by_id.get(request.GET.get("old", ""), records[1] if len(records) > 1 else new)
        lines = versions.compare(old, new) if new else []
        return TemplateResponse(
            request,
            "admin/compendium/practice/compare.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Compare versions of “%(title)s”") % {"title": practice.title},
                "opts": self.model._meta,
                "original": practice,
                "records": records,
                "old": old,
                "new": new,
                "lines": lines,
                "changed": sum(line.changed for line in lines),
            },
        )

    def get_fieldsets(self, request, obj=None):
        """Ask "not a duplicate?" only of a practice being created, and for a review comment
        only where the user may take a review step."""
        main, *middle, editorial = self.fieldsets
        if obj is not None:
            fields = [field for field in main[1]["fields"] if field != "not_a_duplicate"]
            main = (main[0], {**main[1], "fields": fields})
        reverting_now = getattr(request, "reverting_to", None) is not None
        if form_review.offered(obj, request.user) and not reverting_now:
            fields = ["review_comment", *editorial[1]["fields"]]
            editorial = (editorial[0], {**editorial[1], "fields": fields})
        return [main, *middle, editorial]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        popup = context.get("is_popup")  # a popup saves and closes, back to the form it serves
        context["review_buttons"] = [] if popup else form_review.offered(obj, request.user)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def response_add(self, request, obj, post_url_continue=None):
        return self.after_review_step(request, obj) or super().response_add(
            request, obj, post_url_continue
        )

    def response_change(self, request, obj):
        return self.after_review_step(request, obj) or super().response_change(request, obj)

    def after_review_step(self, request, obj):
        """Take the review step of the button pressed, if any: back to the desk when done."""
        if form_review.chosen(request.POST) is None or IS_POPUP_VAR in request.POST:
            if request.POST.get("review_comment", "").strip():
                self.message_user(request, form_review.unsent_comment(), messages.WARNING)
            return None
        note = request.POST.get("review_comment", "").strip()
        if form_review.take_step(self, request, obj, note):
            return HttpResponseRedirect(reverse("admin:index"))
        return HttpResponseRedirect(reverse("admin:compendium_practice_change", args=[obj.pk]))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            others = present_editors(object_id, request.user.get_username())
            extra_context = {**(extra_context or {}), "others_editing": others}
        return super().change_view(request, object_id, form_url, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """Revert to a version as a new version: its texts, terms and rows, today's state.

        get_form and save_model read the version from the request.
        """
        if not (str(object_id).isdigit() and str(version_id).isdigit()):
            raise Http404(_("No such version."))
        request.reverting_to = Practice.history.filter(id=object_id, history_id=version_id).first()
        if request.reverting_to is None:
            raise Http404(_("No such version."))
        if request.method == "POST" and not self.has_change_permission(request):
            raise PermissionDenied
        extra_context = {**(extra_context or {}), "version": request.reverting_to}
        try:
            with transaction.atomic():
                return super().history_form_view(request, object_id, version_id, extra_context)
        except reverting.RevertRefused as refusal:
            self.message_user(request, str(refusal), messages.ERROR)
            return HttpResponseRedirect(request.path)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        version = getattr(request, "reverting_to", None)
        if version is None or obj is None:
            return form
        reverting.keep_review_state(obj)
        return reverting.form_for(version, form)

    def save_model(self, request, obj, form, change):
        version = getattr(request, "reverting_to", None)
        if version is None:
            return super().save_model(request, obj, form, change)
        obj._change_reason = reverting.change_reason(version)
        super().save_model(request, obj, form, change)
        form.save_m2m()  # before the publication check, which reads the terms
        lost = reverting.restore_rows(version)
        reverting.refuse_if_unpublishable(obj, version)
        self.message_user(request, reverting.reverted_message(obj, version))
        if lost:
            self.message_user(request, reverting.lost_rows_message(lost), messages.WARNING)

    def history_view(self, request, object_id, extra_context=None):
        """Show changes to the practice's countries, organisations, figures and sources too,
        and its review trail."""
        extra_context = {
            **(extra_context or {}),
            "row_changes": row_changes(object_id),
            "review_events": review_trail(object_id),
        }
        return super().history_view(request, object_id, extra_context=extra_context)

    @admin.display(description=_("review trail"))
    def review_trail_table(self, practice):
        if not practice.pk:
            return "—"
        return render_to_string(
            "admin/compendium/practice/_review_trail.html",
            {"events": review_trail(practice.pk)[:10]},
        )

    @admin.display(description=_("countries"))
    def country_list(self, practice):
        return ", ".join(link.country.name for link in practice.countries.all())

    def get_search_results(self, request, queryset, search_term):
        """Also find practices by the names of their countries."""
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        term = search_term.strip().lower()
        codes = [code for code, name in countries if term and term in name.lower()]
        if codes:
            results |= queryset.filter(countries__country__in=codes)
            may_have_duplicates = True
        return results, may_have_duplicates

    def view_on_site(self, practice):
        if practice.is_published:
            return practice.get_absolute_url()
        return reverse("compendium:practice-preview", kwargs={"slug": practice.slug})

    def has_publish_permission(self, request):
        return request.user.has_perm("compendium.publish_practice")

    def has_archive_permission(self, request):
        return request.user.has_perm("compendium.archive_practice")
