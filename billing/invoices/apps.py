from django.apps import AppConfig


class InvoicesConfig(AppConfig):
    """Facturen, creditnota's, herinneringen en jaaropgaven van een vestiging."""

    name = "billing.invoices"
    label = "invoices"
