from django.apps import AppConfig


class GroupsConfig(AppConfig):
    """Groepen (stamgroep, basisgroep), medewerkers en het dagrooster."""

    name = "tenants.groups"
    label = "groups"
