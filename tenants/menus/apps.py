from django.apps import AppConfig


class MenusConfig(AppConfig):
    """Menu en maaltijden: het weekmenu van de locatie met de allergenen per gerecht, nagekeken tegen de allergieën
    en diëten van de kinderen die die dag komen, met een waarschuwing voor de kok."""

    name = "tenants.menus"
    label = "menus"
