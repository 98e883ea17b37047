"""Practice texts in other languages, written by editors; English stays the master."""

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from .practice import Practice

TRANSLATED_FIELDS = [
    "title",
    "summary",
    "description",
    "activities",
    "results",
    "lessons",
    "transferability",
]


class PracticeTranslationManager(models.Manager):
    def get_by_natural_key(self, practice, language):
        return self.get(practice__slug=practice, language=language)


class PracticeTranslation(models.Model):
    """A practice's texts in French or Spanish; empty fields show the English text."""

    class Language(models.TextChoices):
        FRENCH = "fr", _("French")
        SPANISH = "es", _("Spanish")

    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="translations")
    language = models.CharField(max_length=5, choices=Language)
    title = models.CharField(max_length=255, blank=True)
    summary = models.TextField(max_length=600, blank=True)
    description = models.TextField(blank=True)
    activities = models.TextField(blank=True)
    results = models.TextField(blank=True)
    lessons = models.TextField(blank=True)
    transferability = models.TextField(blank=True)

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

    def natural_key(self):
        return (*self.practice.natural_key(), self.language)

    natural_key.dependencies = ["compendium.practice"]


@dataclass(frozen=True)
class Text:
    """A practice text and the language it is written in."""

    value: str
    language: str


def texts_in(practice: Practice, language: str) -> dict[str, Text]:
    """Return the practice's texts in the language where an editor translated them, else English."""
    translation = None
    if language != settings.LANGUAGE_CODE:
        translation = practice.translations.filter(language=language).first()
    texts = {}
    for field in TRANSLATED_FIELDS:
        translated = getattr(translation, field, "")
        texts[field] = (
            Text(translated, language)
            if translated
            else Text(getattr(practice, field), settings.LANGUAGE_CODE)
        )
    return texts
