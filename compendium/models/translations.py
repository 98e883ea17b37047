"""Practice texts in other languages, written by editors; English stays the master."""

import hashlib
import json
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .practice import TRANSLATED_FIELDS, Practice


class PracticeTranslationManager(models.Manager):
    def get_by_natural_key(self, practice, language):
        return self.get(practice__slug=practice, language=language)


def english_digest(practice: Practice) -> str:
    """Fingerprint the English that a translation renders: the texts and key figure labels."""
    labels = sorted(practice.key_figures.values_list("label", flat=True))
    return digest([getattr(practice, field) for field in TRANSLATED_FIELDS], labels)


def digest(*parts) -> str:
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()


class PracticeTranslation(models.Model):
    """A practice's texts in French or Spanish; empty fields show the English text."""

    class Language(models.TextChoices):
        FRENCH = "fr", _("French")
        SPANISH = "es", _("Spanish")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Machine-assisted draft")
        REVIEWED = "reviewed", _("Reviewed")
        OUTDATED = "outdated", _("Outdated: the English changed since")

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(max_length=5, choices=Language)
    title = models.CharField(max_length=255, blank=True)
    summary = models.TextField(max_length=600, blank=True)
    description = models.TextField(blank=True)
    activities = models.TextField(blank=True)
    results = models.TextField(blank=True)
    lessons = models.TextField(blank=True)
    transferability = models.TextField(blank=True)
    status = models.CharField(
        max_length=10,
        choices=Status,
        default=Status.DRAFT,
        help_text=_(
            "Set it to reviewed once a translator has checked it against the English. It turns "
            "to outdated by itself when someone changes the English texts afterwards."
        ),
    )
    english_digest = models.CharField(
        max_length=64, blank=True, editable=False, help_text="The English it was saved against."
    )
    loaded_digest = models.CharField(
        max_length=64,
        blank=True,
        editable=False,
        help_text="Its texts as load_compendium last wrote them, so a reload spares edits.",
    )

    objects = PracticeTranslationManager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("translation")
        ordering = ["language"]
        constraints = [
            models.UniqueConstraint(
                fields=["practice", "language"], name="unique_practice_translation"
            )
        ]

    def __str__(self):
        return f"{self.practice} ({self.get_language_display()})"

    def save(self, *args, **kwargs):
        self.english_digest = english_digest(self.practice)
        super().save(*args, **kwargs)

    @property
    def is_outdated(self) -> bool:
        return self.status == self.Status.OUTDATED

    def natural_key(self):
        return (*self.practice.natural_key(), self.language)

    natural_key.dependencies = ["compendium.practice"]


@dataclass(frozen=True)
class Text:
    """A practice text and the language it is written in."""

    value: str
    language: str


def translated_title():
    """An expression for a practice's title in the active language, '' where it has none."""
    language = translation.get_language()
    if language == settings.LANGUAGE_CODE:
        return Value("", output_field=models.CharField())
    titles = PracticeTranslation.objects.filter(practice=OuterRef("pk"), language=language)
    return Coalesce(Subquery(titles.values("title")[:1]), Value(""))


def mark_outdated(practice: Practice) -> int:
    """Mark outdated the translations made from English texts the practice no longer has."""
    return (
        practice.translations.exclude(english_digest=english_digest(practice))
        .exclude(status=PracticeTranslation.Status.OUTDATED)
        .update(status=PracticeTranslation.Status.OUTDATED)
    )


def texts_in(practice: Practice) -> dict[str, Text]:
    """Return the practice's texts in the language of its prefetched translation, else English.

    See Practice.objects.localised().
    """
    row = practice.current_translation
    language = row.language if row else settings.LANGUAGE_CODE
    texts = {}
    for field in TRANSLATED_FIELDS:
        translated = getattr(row, field, "")
        texts[field] = (
            Text(translated, language)
            if translated
            else Text(getattr(practice, field), settings.LANGUAGE_CODE)
        )
    return texts
