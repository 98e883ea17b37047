from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class CompendiumConfig(AppConfig):
    default = True  # this module also holds the admin's config below
    default_auto_field = "django.db.models.BigAutoField"
    name = "compendium"
    verbose_name = _("Diaspora good practices compendium")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import roles, signals
        from .search import signals as search_signals

        signals.connect()
        search_signals.connect()
        post_migrate.connect(roles.sync_roles, sender=self, dispatch_uid="compendium-roles")


class CompendiumAdminConfig(admin_apps.AdminConfig):
    """The admin with the editorial desk as its index (compendium.desk)."""

    default = False
    default_site = "compendium.desk.DeskAdminSite"
