from django.apps import AppConfig


class CooperativeConfig(AppConfig):
    name = "cooperative"
    verbose_name = "Coöperatie"

    def ready(self):
        from cooperative import signals

        signals.connect()
