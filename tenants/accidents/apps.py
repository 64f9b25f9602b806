from django.apps import AppConfig


class AccidentsConfig(AppConfig):
    """Ongevallenregister: wat er gebeurde, waar en wanneer, wie erbij was, eerste hulp, 112 of dokter, ouder
    verwittigd, schadenummer van de verzekering; ondertekend door de medewerker."""

    name = "tenants.accidents"
    label = "accidents"
