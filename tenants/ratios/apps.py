from django.apps import AppConfig


class RatiosConfig(AppConfig):
    """Beroepskracht-kindratio (BKR), groepsgrootte en speelruimte: the rules and the public calculator."""

    name = "tenants.ratios"
    label = "ratios"
