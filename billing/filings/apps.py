from django.apps import AppConfig


class FilingsConfig(AppConfig):
    """Aanleveringen: what a location owes the authorities and its bookkeeper, month by month and year by year."""

    name = "billing.filings"
    label = "filings"
