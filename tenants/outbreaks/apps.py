from django.apps import AppConfig


class OutbreaksConfig(AppConfig):
    """Besmettelijke ziekte melden: anonieme melding aan de ouders van de groep, melding aan GGD of agentschap."""

    name = "tenants.outbreaks"
    label = "outbreaks"
