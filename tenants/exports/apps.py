from django.apps import AppConfig


class ExportsConfig(AppConfig):
    name = "tenants.exports"
    label = "exports"
    verbose_name = "Exports"
