from django.apps import AppConfig


class WebcamsConfig(AppConfig):
    """Webcam (camera's): live kijkvensters voor ouders, pauze, gastlinks voor opa en oma, beveiligingsopnames
    met het vier-ogenprincipe van de directie, en het cameraprotocol van de locatie."""

    name = "tenants.webcams"
    label = "webcams"
