"""Demo data for sickness and contagious diseases at KDV Kikker: yesterday morning Mila had fever (the parents got
a message and she may come back 24 hours later — under the Dutch health policy: when she can take part again), and
a case of chickenpox in her group, with the anonymous notice to the group's parents. Dated from the location's own
yesterday, so the demo is the same at any hour."""
from datetime import time, timedelta

from django_tenants.utils import schema_context


def seed_health(location, staff) -> None:
    from django.utils import translation
    from jurisdictions import policy

    from tenants.attendance.selectors import at_local, location_zone
    from tenants.calendar.selectors import location_today
    from tenants.children.models import Child
    from tenants.outbreaks import services as outbreaks
    from tenants.sickness import services as sickness

    with schema_context(location.schema_name), translation.override(policy(location.jurisdiction).language):
        mila = Child.objects.filter(first_name="Mila").select_related("group").first()
        if mila is None or mila.group is None:
            return
        yesterday = location_today(location) - timedelta(days=1)
        sickness.record_sickness(mila, by=staff, moment="day", observed_at=at_local(yesterday, time(10, 15),
                                                                                     location_zone(location)),
                                 temperature="38.6", symptoms=["runny_nose"],
                                 note="Hangerig na het fruit, wilde niet spelen.")
        outbreaks.record_case(by=staff, group=mila.group, disease="chickenpox", noticed_on=yesterday,
                              note="Gemeld door de ouders bij het brengen.")
