from django.apps import AppConfig


class CooperativeConfig(AppConfig):
    name = "cooperative"
    verbose_name = "Coöperatie"
