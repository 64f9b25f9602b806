from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    """Uitgaande berichten: side effects of a saved action (e-mail, background work), written in the same
    transaction and delivered after the commit, retried until they succeed or are shown as failed."""

    name = "outbox"
    verbose_name = _("outgoing messages")

    def ready(self):
        from django.utils.module_loading import autodiscover_modules

        # Each app registers what it delivers in its `deliveries` module; the deployment checks live with the
        # project configuration, which has no app of its own.
        autodiscover_modules("deliveries")
        from config import checks  # noqa: F401
