from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save

from .freshness import touch


def connect() -> None:
    """Move the compendium's Last-Modified forward whenever any of its rows changes."""
    for model in apps.get_app_config("compendium").get_models():
        post_save.connect(touch, sender=model, dispatch_uid=f"touch-save-{model._meta.label}")
        post_delete.connect(touch, sender=model, dispatch_uid=f"touch-delete-{model._meta.label}")
    m2m_changed.connect(touch, dispatch_uid="touch-m2m")
