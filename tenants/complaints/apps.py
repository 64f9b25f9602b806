from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    """Klachtenregeling en klachten van een vestiging (Wet kinderopvang art. 1.57b/1.57c)."""

    name = "tenants.complaints"
    label = "complaints"
