from django.apps import AppConfig


class ComplaintReportsConfig(AppConfig):
    """Klachtenjaarverslagen van de vestigingen, samengevoegd tot het verslag van de coöperatie."""

    name = "complaint_reports"
