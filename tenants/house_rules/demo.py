"""Demo house rules at the KDV Kikker: version 1 in force and acknowledged by its parents, version 2 announced
today (the location's own date) with a change to the family's disadvantage that takes effect in a little over
two months, so a parent may still end her contract without notice costs."""
from datetime import date, timedelta

from django_tenants.utils import schema_context

V1 = """1. Openingstijden
Kinderdagverblijf Kikker is open van maandag tot en met vrijdag van 7.30 tot 18.30 uur.

2. Brengen en halen
Meld je kind af vóór 8.00 uur als het niet komt. Wie na 18.30 uur ophaalt zonder te bellen, betaalt € 10 per
begonnen kwartier.

3. Ziekte
Een kind met koorts (38,0 °C of meer) blijft thuis.

4. Wijzigingen
Een wijziging in het nadeel van het gezin melden we minstens twee maanden voordat ze ingaat."""

V2_CHANGE = ("Te laat ophalen kost voortaan € 15 per begonnen kwartier (was € 10). Je kunt de overeenkomst tot het "
             "einde van de aankondigingstermijn zonder opzegkosten beëindigen.")


def seed(location, entrepreneur) -> None:
    from tenants.calendar.selectors import location_today
    from tenants.children.models import Child
    from tenants.house_rules import rules, services
    from tenants.house_rules.models import HouseRulesVersion

    with schema_context(location.schema_name):
        today = location_today(location)
        services.announce_version(by=entrepreneur, text=V1, effective_on=date(2024, 1, 1), today=today)
        first = HouseRulesVersion.objects.get(number=1)
        for child in Child.objects.prefetch_related("guardians"):
            for parent in child.guardians.all():
                services.acknowledge(first, user=parent, roles={"parent"}, today=today)
        services.announce_version(by=entrepreneur, text=V1.replace("€ 10 per", "€ 15 per"), summary=V2_CHANGE,
                                  disadvantageous=True, today=today,
                                  effective_on=rules.earliest_effective_date(today) + timedelta(days=14))
