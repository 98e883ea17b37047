"""A record of each load of the shipped content, so that an unchanged reload can be skipped
and the practices that editors changed stay as they left them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentLoad(models.Model):
    digest = models.CharField(max_length=64, help_text="SHA-256 of every shipped fixture file.")
    loaded_at = models.DateTimeField(auto_now_add=True)
    kept = models.JSONField(
        default=list,
        blank=True,
        help_text="Slugs of the shipped practices this load left as editors had saved them.",
    )

    class Meta:
        verbose_name = _("content load")
        ordering = ["-loaded_at", "-id"]

    def __str__(self):
        return f"{self.loaded_at:%Y-%m-%d %H:%M} {self.digest[:12]}"
