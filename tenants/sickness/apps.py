from django.apps import AppConfig


class SicknessConfig(AppConfig):
    """Ziekte: symptomen en temperatuur bij het brengen of tijdens de dag, toegelaten of niet, wanneer terug."""

    name = "tenants.sickness"
    label = "sickness"
