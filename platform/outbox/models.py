"""Outgoing messages (uitgaande berichten) in the public schema: one row per side effect of a saved action."""
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from outbox import rules


class Delivery(models.Model):
    """A side effect to carry out after the commit of the action that wrote it: an e-mail to one person, a piece
    of background work. The payload holds ids only; what is sent is rendered when it is delivered."""

    class Status(models.TextChoices):
        PENDING = rules.PENDING, _("waiting")
        SENDING = rules.SENDING, _("being delivered")
        SENT = rules.SENT, _("delivered")
        FAILED = rules.FAILED, _("failed")

    #: Where the action happened; the delivery runs in that location's schema. Empty: cooperative-wide.
    location = models.ForeignKey("cooperative.Location", on_delete=models.CASCADE, null=True, blank=True,
                                 related_name="+", verbose_name=_("location"))
    kind = models.CharField(_("kind"), max_length=60)
    #: The saved object it belongs to ("announcement:12"), so its page can show how delivery went.
    ref = models.CharField(_("belongs to"), max_length=100, blank=True)
    payload = models.JSONField(default=dict, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"), default=timezone.now)
    #: While a worker delivers it: until when no one else may take it.
    claimed_until = models.DateTimeField(null=True, blank=True)
    #: The class of the last error only: never a message, which could carry addresses or content.
    last_error = models.CharField(_("last error"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("outgoing message")
        verbose_name_plural = _("outgoing messages")
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="outbox_due"),
            models.Index(fields=["location", "ref"], name="outbox_ref"),
        ]

    def __str__(self):
        return f"{self.kind} {self.pk} ({self.status})"
