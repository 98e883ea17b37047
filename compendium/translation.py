"""The vocabulary fields that editors translate (django-modeltranslation).

Each registered field gains one column per language (name_en, name_fr, name_es); reading
`term.name` gives the visitor's language, or English where no translation exists.
Practice texts are translated separately (PracticeTranslation), so that the English text
stays the one master that search, history and backups read.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import GcmObjective, InstrumentFamily, InstrumentType, Pillar, TargetGroup, Theme


@register([Pillar, Theme, InstrumentFamily, InstrumentType, TargetGroup])
class TermTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(GcmObjective)
class GcmObjectiveTranslationOptions(TranslationOptions):
    fields = ("title", "description")
