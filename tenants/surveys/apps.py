from django.apps import AppConfig


class SurveysConfig(AppConfig):
    """Tevredenheidsonderzoeken onder ouders, per vestiging en voor de hele coöperatie."""

    name = "tenants.surveys"
    label = "surveys"
