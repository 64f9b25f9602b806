from django.apps import AppConfig


class KioskConfig(AppConfig):
    """De tablet van een locatie als kiosk: inschrijven van het apparaat, pincodes, vergrendelen, en
    gemarkeerde incheckingen (buiten de openingstijden of niet gepland) voor de houder."""

    name = "tenants.kiosk"
    label = "kiosk"
