from django.apps import AppConfig


class TariffsConfig(AppConfig):
    """Tarieven per opvangsoort en jaar, en het tariefmodel per contract (per vestiging)."""

    name = "billing.tariffs"
    label = "tariffs"
