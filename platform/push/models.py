"""A browser's push subscription (public schema): one per device on which a person turned notifications on,
with the kinds of news that person wants on that device."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from push import rules


class PushSubscription(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="push_subscriptions",
                             verbose_name=_("person"))
    #: The push service's address for this browser: a capability, never shown or logged.
    endpoint = models.CharField(max_length=rules.MAX_ENDPOINT, unique=True)
    p256dh = models.CharField(max_length=100)
    auth = models.CharField(max_length=40)
    device = models.CharField(_("device"), max_length=60, blank=True)
    handover = models.BooleanField(_("new handover"), default=True)
    message = models.BooleanField(_("new message"), default=True)
    invoice = models.BooleanField(_("new invoice"), default=True)
    contract = models.BooleanField(_("contract to sign"), default=True)
    health = models.BooleanField(_("health news"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("push subscription")

    def __str__(self):
        return f"push subscription {self.pk} of user {self.user_id}"

    @property
    def kinds(self) -> list[str]:
        return [kind for kind in rules.KINDS if getattr(self, kind)]

    def as_webpush(self) -> dict:
        return {"endpoint": self.endpoint, "keys": {"p256dh": self.p256dh, "auth": self.auth}}
