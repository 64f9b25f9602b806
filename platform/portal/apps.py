from django.apps import AppConfig


class PortalConfig(AppConfig):
    """Het ouderportaal over alle vestigingen heen: overzicht, taken, eigen gegevens (AVG)."""

    name = "portal"

    def ready(self):
        from portal import signals

        signals.connect()
