from django.apps import AppConfig


class HouseRulesConfig(AppConfig):
    """Huishoudelijk reglement: versies, kennisname door de ouders, wijzigingen ten nadele van het gezin."""

    name = "tenants.house_rules"
    label = "house_rules"
