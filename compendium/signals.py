from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save

from .freshness import touch
from .models import KeyFigure, Practice
from .models.translations import mark_outdated


def connect() -> None:
    """Move the compendium's Last-Modified forward whenever any of its rows changes."""
    for model in apps.get_app_config("compendium").get_models():
        post_save.connect(touch, sender=model, dispatch_uid=f"touch-save-{model._meta.label}")
        post_delete.connect(touch, sender=model, dispatch_uid=f"touch-delete-{model._meta.label}")
    m2m_changed.connect(touch, dispatch_uid="touch-m2m")
    post_save.connect(_english_changed, sender=Practice, dispatch_uid="outdated-practice")
    post_save.connect(_figure_changed, sender=KeyFigure, dispatch_uid="outdated-figure-save")
    post_delete.connect(_figure_changed, sender=KeyFigure, dispatch_uid="outdated-figure-delete")


def _english_changed(sender, instance, created=False, **kwargs):
    if not created:
        mark_outdated(instance)


def _figure_changed(sender, instance, **kwargs):
    practice = Practice.objects.filter(pk=instance.practice_id).first()
    if practice is not None:  # gone when the whole practice is being deleted
        mark_outdated(practice)
