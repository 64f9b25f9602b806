from django.apps import AppConfig


class ConsentsConfig(AppConfig):
    """Toestemmingen en vaccinaties: wat ouders toestaan of intrekken (foto's in de overdracht, foto's op de
    website, uitstappen, zonnecrème, de webcam), elk met datum en versie van de tekst; de vaccinatiestatus die de
    locatie vraagt."""

    name = "tenants.consents"
    label = "consents"
