from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompendiumConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "compendium"
    verbose_name = _("Diaspora good practices compendium")

    def ready(self):
        from . import signals

        signals.connect()
