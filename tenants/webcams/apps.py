from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebcamsConfig(AppConfig):
    """Webcam (camera's): live kijkvensters voor ouders, pauze, gastlinks voor opa en oma, beveiligingsopnames
    met het vier-ogenprincipe van de directie, en het cameraprotocol van de locatie."""

    name = "tenants.webcams"
    label = "webcams"

    def ready(self):
        from tenants.house_rules import appendices

        # Seed 003 lists the camera protocol as bijlage 1 of the house rules.
        appendices.register("webcams-protocol", _("Camera protocol"), order=10)
