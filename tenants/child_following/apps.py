from django.apps import AppConfig


class ChildFollowingConfig(AppConfig):
    """Kindvolgsysteem: observaties per ontwikkelingsgebied, periodieke samenvatting met de ouders besproken,
    overdracht naar een volgende groep of locatie alleen met toestemming van de ouder."""

    name = "tenants.child_following"
    label = "child_following"
