"""The review trail of a practice: each change of editorial state, by whom, with its reason."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .practice import Practice


class ReviewEvent(models.Model):
    practice = models.ForeignKey(Practice, on_delete=models.CASCADE, related_name="review_events")
    transition = models.CharField(max_length=20, help_text=_("submit, review, publish, ..."))
    from_status = models.CharField(max_length=20)
    to_status = models.CharField(max_length=20)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    comment = models.TextField(blank=True, help_text=_("The reviewer's reason or request."))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("review event")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["practice", "-created_at"])]

    def __str__(self):
        return f"{self.practice} {self.transition} ({self.created_at:%Y-%m-%d})"
