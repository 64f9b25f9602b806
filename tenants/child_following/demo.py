"""Demo of following each child at the KDV Kikker: a few observations of Mila by the staff and her yearly
summary, waiting for her mother's comment. Dates count back from the location's own today."""
from datetime import timedelta

from django_tenants.utils import schema_context

OBSERVATIONS = [
    (40, "motor", "Mila trekt zich op aan de bank en zet een paar stapjes langs de rand."),
    (30, "language", "Mila brabbelt veel en zegt 'ba' als ze de bal ziet."),
    (21, "social_emotional", "Mila zoekt bij het afscheid even troost, daarna speelt ze tevreden verder."),
    (12, "wellbeing", "Mila voelt zich thuis in de groep: ze lacht veel en ontdekt de hele ruimte."),
    (5, "self_care", "Mila eet zelf stukjes fruit uit haar bakje."),
]
SUMMARY = ("Mila is goed gewend in de Dreumesen. Ze beweegt zich steeds zekerder en begint te lopen. Ze maakt veel "
           "klanken en reageert op haar naam. Bij het afscheid heeft ze soms even troost nodig. We blijven haar "
           "aanmoedigen om te lopen en lezen veel prentenboeken voor.")


def seed(location, staff) -> None:
    from tenants.calendar.selectors import location_today
    from tenants.child_following import services
    from tenants.children.models import Child

    with schema_context(location.schema_name):
        today = location_today(location)
        mila = Child.objects.get(first_name="Mila")
        roles = {"staff"}
        for days_ago, area, text in OBSERVATIONS:
            services.record_observation(mila, by=staff, roles=roles, area=area, text=text,
                                        observed_on=today - timedelta(days=days_ago), today=today)
        services.write_summary(mila, by=staff, roles=roles, kind="yearly", text=SUMMARY,
                               period_start=today - timedelta(days=60), period_end=today - timedelta(days=1),
                               discussed_on=today - timedelta(days=1), today=today)
