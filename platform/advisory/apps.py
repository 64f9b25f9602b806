from django.apps import AppConfig


class AdvisoryConfig(AppConfig):
    """Adviesbezoeken, kwaliteitsdocumenten, GGD-inspecties en de dashboards van de coöperatie."""

    name = "advisory"

    def ready(self):
        from advisory import receivers

        receivers.connect()
