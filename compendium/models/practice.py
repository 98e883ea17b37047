"""The good practice: the compendium's central record."""

from django.conf import settings
from django.db import models
from django.db.models import Case, Count, F, Prefetch, Q, Value, When
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .taxonomy import GcmObjective, InstrumentType, Pillar, TargetGroup, Theme

# The texts that editors translate (PracticeTranslation); English stays the master.
TRANSLATED_FIELDS = [
    "title",
    "summary",
    "description",
    "activities",
    "results",
    "lessons",
    "transferability",
]
EARLIEST_YEAR = 1900
LATEST_YEAR = 2100


def translations_prefetch(lookup: str = "translations") -> list[Prefetch]:
    """Prefetch the translations into the active language, for Practice.local_title and the rest.

    `lookup` reaches the translations from the rows fetched ("practice__translations" from a
    practice's country link, say). English needs none, so it costs no query.
    """
    language = translation.get_language()
    if language == settings.LANGUAGE_CODE:
        return []
    translations = Practice._meta.get_field("translations").related_model.objects
    return [
        Prefetch(lookup, translations.filter(language=language), to_attr="current_translations")
    ]


class PracticeQuerySet(models.QuerySet):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)

    def published(self):
        """Return the practices the public may see: the only gate to public visibility."""
        return self.filter(editorial_status=Practice.EditorialStatus.PUBLISHED)

    def localised(self):
        """Prefetch each practice's translation into the active language for its local_ texts."""
        return self.prefetch_related(*translations_prefetch())

    def similar_to(self, practice: "Practice"):
        """Return practices sharing the pillar, instruments or countries, most in common first.

        Reads the practice's instruments and countries from its prefetched rows, so it
        costs one query.
        """
        instruments = [instrument.pk for instrument in practice.instruments.all()]
        codes = [link.country.code for link in practice.countries.all()]
        if not instruments and not codes:
            return self.none()
        # An empty list inside a filtered Count would empty the whole query: add only
        # the terms that have something to compare.
        score = Case(
            When(primary_pillar=practice.primary_pillar_id, then=Value(1)), default=Value(0)
        )
        if instruments:
            score += Count("instruments", filter=Q(instruments__in=instruments), distinct=True)
        if codes:
            score += Count(
                "countries__country", filter=Q(countries__country__in=codes), distinct=True
            )
        # Narrow to practices sharing something before counting, so the cost follows the
        # number of neighbours rather than the size of the compendium.
        sharing = Q(
            pk__in=Practice.instruments.through.objects.filter(
                instrumenttype__in=instruments
            ).values("practice")
        ) | Q(pk__in=practice.countries.model.objects.filter(country__in=codes).values("practice"))
        return (
            self.filter(sharing)
            .exclude(pk=practice.pk)
            .annotate(similarity=score)
            .filter(similarity__gt=1)
            .order_by("-similarity", "title")
        )

    def update(self, **kwargs):
        """Update the rows, then their search documents: no signal tells the index."""
        from ..search import indexing  # the search imports these models

        ids = list(self.values_list("pk", flat=True))
        count = super().update(**kwargs)
        indexing.practices_changed(ids)
        return count

    update.alters_data = True

    def bulk_create(self, objs, *args, **kwargs):
        """Insert the rows, then index them: bulk inserts send no signal."""
        from ..search import indexing

        created = super().bulk_create(objs, *args, **kwargs)
        indexing.practices_changed(practice.pk for practice in created)
        return created

    bulk_create.alters_data = True

    def search(self, query):
        """Return the practices matching a free-text query, best matches first."""
        from ..search import search_practices  # the search module imports these models

        return search_practices(self, query)


def year_in_range(field):
    """Return a condition that holds when the year field is empty or plausible."""
    return Q(**{f"{field}__isnull": True}) | Q(
        **{f"{field}__gte": EARLIEST_YEAR, f"{field}__lte": LATEST_YEAR}
    )


class Practice(models.Model):
    """A policy, programme or institution that engages, enables or empowers diasporas."""

    class EditorialStatus(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        IN_REVIEW = "in-review", _("In review")
        PUBLISHED = "published", _("Published")
        ARCHIVED = "archived", _("Archived")

    class ImplementationStatus(models.TextChoices):
        PLANNED = "planned", _("Planned")
        PILOT = "pilot", _("Pilot")
        ONGOING = "ongoing", _("Ongoing")
        COMPLETED = "completed", _("Completed")
        DISCONTINUED = "discontinued", _("Discontinued")
        UNKNOWN = "unknown", _("Unknown")

    class Scope(models.TextChoices):
        LOCAL = "local", _("Local")
        SUBNATIONAL = "subnational", _("Subnational")
        NATIONAL = "national", _("National")
        BILATERAL = "bilateral", _("Bilateral")
        REGIONAL = "regional", _("Regional")
        GLOBAL = "global", _("Global")

    class EvidenceLevel(models.TextChoices):
        NOT_EVALUATED = "not-evaluated", _("Not evaluated")
        MONITORING = "monitoring", _("Monitoring data")
        INTERNAL_REVIEW = "internal-review", _("Internal review")
        INDEPENDENT_EVALUATION = "independent-evaluation", _("Independent evaluation")
        IMPACT_EVALUATION = "impact-evaluation", _("Impact evaluation")

    title = models.CharField(max_length=255, help_text=_("The official name where one exists."))
    slug = models.SlugField(
        max_length=120,
        unique=True,
        help_text=_("The permalink. Do not change it once the practice is published."),
    )
    summary = models.TextField(
        help_text=_("One or two sentences: who does what, where."), max_length=600
    )
    description = models.TextField(help_text=_("Several paragraphs, in our own words."))
    activities = models.TextField(
        blank=True, help_text=_("Objectives and activities: what the practice sets out to do.")
    )
    results = models.TextField(blank=True, help_text=_("What it achieved, as sources report."))
    lessons = models.TextField(blank=True, help_text=_("Lessons learned."))
    transferability = models.TextField(
        blank=True, help_text=_("What it takes to replicate the practice elsewhere.")
    )

    primary_pillar = models.ForeignKey(
        Pillar,
        on_delete=models.PROTECT,
        related_name="primary_practices",
        null=True,
        blank=True,
        help_text=_("The one pillar the practice mainly serves; required from review on."),
    )
    secondary_pillars = models.ManyToManyField(
        Pillar, blank=True, related_name="secondary_practices"
    )
    themes = models.ManyToManyField(Theme, blank=True, related_name="practices")
    instruments = models.ManyToManyField(InstrumentType, blank=True, related_name="practices")
    gcm_objectives = models.ManyToManyField(
        GcmObjective, blank=True, related_name="practices", verbose_name=_("GCM objectives")
    )
    target_groups = models.ManyToManyField(TargetGroup, blank=True, related_name="practices")
    organisations = models.ManyToManyField(
        "Organisation", through="PracticeOrganisation", blank=True, related_name="practices"
    )
    related_practices = models.ManyToManyField(
        "self", through="PracticeRelation", symmetrical=False, blank=True
    )

    scope = models.CharField(
        max_length=20, choices=Scope, blank=True, help_text=_("Geographic scope, if known.")
    )
    start_year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text=_("Year it started, only as a source states it.")
    )
    end_year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text=_("Year it ended, only as a source states it.")
    )
    implementation_status = models.CharField(
        max_length=20,
        choices=ImplementationStatus,
        default=ImplementationStatus.UNKNOWN,
        help_text=_("Where the practice stands, as its sources describe it."),
    )
    evidence_level = models.CharField(
        max_length=30,
        choices=EvidenceLevel,
        default=EvidenceLevel.NOT_EVALUATED,
        help_text=_("Most practices called good have never been evaluated: say so."),
    )
    evidence_note = models.TextField(
        blank=True, help_text=_("What the sources say about evaluation, if anything.")
    )

    editorial_status = models.CharField(
        max_length=20,
        choices=EditorialStatus,
        default=EditorialStatus.DRAFT,
        db_index=True,
        help_text=_("Only published practices are public."),
    )
    # Defaults rather than auto_now: fixtures load with raw saves, which skip auto_now.
    created_at = models.DateTimeField(
        default=timezone.now, editable=False, help_text=_("When the entry was created.")
    )
    updated_at = models.DateTimeField(
        default=timezone.now, editable=False, help_text=_("When the entry last changed.")
    )
    first_published_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text=_("When the entry was first published.")
    )
    revision = models.PositiveIntegerField(
        default=1,
        editable=False,
        help_text=_("Counts saves, so that a form opened before another save is refused."),
    )
    editorial_note = models.TextField(
        blank=True,
        help_text=_("Staff only: what a publisher asks to change before publication."),
    )
    last_verified_on = models.DateField(
        null=True,
        blank=True,
        help_text=_("When an editor last checked the entry against its sources."),
    )

    is_synthetic = models.BooleanField(
        default=False,
        editable=False,
        help_text=_("Made by seed_synthetic for benchmarks; seed_synthetic --clear removes it."),
    )

    objects = PracticeQuerySet.as_manager()
    history = HistoricalRecords(
        m2m_fields=[secondary_pillars, themes, instruments, gcm_objectives, target_groups],
        excluded_fields=["updated_at"],
    )

    class Meta:
        ordering = ["title"]
        # Every public list reads published rows in one of the list's orders.
        indexes = [
            # Lets "which practices are published" be read from the index alone, without
            # the wide rows: facet counts and subqueries ask it on every cold page.
            models.Index(fields=["editorial_status", "id"], name="practice_published_id"),
            models.Index(fields=["editorial_status", "title"], name="practice_published_title"),
            models.Index(
                fields=["editorial_status", "-first_published_at"], name="practice_published_new"
            ),
            models.Index(
                fields=["editorial_status", "-start_year"], name="practice_published_year"
            ),
            models.Index(fields=["primary_pillar", "editorial_status"], name="practice_pillar"),
            models.Index(fields=["scope"], name="practice_scope"),
            models.Index(fields=["implementation_status"], name="practice_status"),
            models.Index(fields=["evidence_level"], name="practice_evidence"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=year_in_range("start_year"), name="practice_start_year_plausible"
            ),
            models.CheckConstraint(
                condition=year_in_range("end_year"), name="practice_end_year_plausible"
            ),
            models.CheckConstraint(
                condition=Q(start_year__isnull=True)
                | Q(end_year__isnull=True)
                | Q(end_year__gte=F("start_year")),
                name="practice_ends_after_it_starts",
            ),
            # Drafts and public suggestions may wait for a pillar; nothing further along may.
            models.CheckConstraint(
                condition=Q(primary_pillar__isnull=False)
                | Q(editorial_status__in=["draft", "submitted"]),
                name="practice_has_primary_pillar_from_review_on",
            ),
        ]
        permissions = [
            ("publish_practice", _("Can publish practices and send them back")),
            ("archive_practice", _("Can archive practices")),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.updated_at = timezone.now()
        if self.is_published and self.first_published_at is None:
            self.first_published_at = self.updated_at
        if not self._state.adding:
            # Counted from the stored row, not from this instance: a fixture row or an import
            # carries no revision of its own and must not move the count back.
            stored = Practice.objects.filter(pk=self.pk).values_list("revision", flat=True)
            self.revision = (stored.first() or 0) + 1
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("compendium:practice-detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)

    @property
    def local_title(self) -> str:
        """Return the title in the language of current_translations, if prefetched and set."""
        return self._local("title")

    @property
    def local_summary(self) -> str:
        return self._local("summary")

    @property
    def local_description(self) -> str:
        return self._local("description")

    @property
    def original_title(self) -> str:
        """Return the English title where the title shown is a translation, else ''."""
        return self.title if self.local_title != self.title else ""

    @property
    def local_language(self) -> str:
        """Return the language of the title shown: the translation's, else English."""
        translated = self.current_translation
        return translated.language if translated and translated.title else settings.LANGUAGE_CODE

    @property
    def current_translation(self):
        return next(iter(getattr(self, "current_translations", ())), None)

    @property
    def local_texts(self) -> dict[str, str]:
        """Return every translated text in the language of current_translations, by field."""
        return {field: self._local(field) for field in TRANSLATED_FIELDS}

    def _local(self, field: str) -> str:
        translated = getattr(self.current_translation, field, "")
        return translated or getattr(self, field)

    @property
    def is_published(self):
        return self.editorial_status == self.EditorialStatus.PUBLISHED
