from django.apps import AppConfig


class SafeguardingConfig(AppConfig):
    """Meldcode huiselijk geweld en kindermishandeling: signalen en casussen bij de pedagoog.

    Lives in the public schema on purpose: a location's export, admin or backup never carries a case.
    """

    name = "safeguarding"
