"""Demo data of medication: Mila at KDV Kikker has an antibiotic from today for a week, at 10:00 and 15:00
(signed by her mother), so staff see doses due today whatever the hour the demo is loaded."""
from datetime import time, timedelta

from django_tenants.utils import schema_context


def seed_medication(location) -> None:
    from tenants.calendar.selectors import location_today
    from tenants.children.models import Child
    from tenants.medication import services

    with schema_context(location.schema_name):
        child = Child.objects.filter(first_name="Mila").first()
        if child is None:
            return
        parent = child.guardians.first()
        today = location_today(location)
        services.request_medication(
            child, user=parent, name="Amoxicilline drank", dose="2,5 ml", times=[time(10, 0), time(15, 0)],
            start_date=today, end_date=today + timedelta(days=6), prescribed_by="Dr. Van Dam (huisarts)",
            in_fridge=True, notes="Goed schudden voor gebruik.", typed_name=parent.full_name, confirmed=True)
