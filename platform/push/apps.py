from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PushConfig(AppConfig):
    """Pushmeldingen: a short notice on the phone or computer of the installed app when there is news (a
    handover, a message, an invoice, a contract to sign), each kind chosen per device."""

    name = "push"
    verbose_name = _("push notifications")

    def ready(self):
        from push import checks, receivers  # noqa: F401 (checks register themselves)

        receivers.connect()
