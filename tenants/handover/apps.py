from django.apps import AppConfig


class HandoverConfig(AppConfig):
    """Dagelijkse overdracht: eten en drinken, slapen, verschonen, stemming, activiteiten, foto's."""

    name = "tenants.handover"
    label = "handover"
