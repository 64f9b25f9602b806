from django.apps import AppConfig


class ContractsConfig(AppConfig):
    """Opvangovereenkomsten: schema, versies, ondertekening, proefperiode en opzegging."""

    name = "tenants.contracts"
    label = "contracts"
