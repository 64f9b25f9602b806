"""Demo: one signed accident report at KDV Kikker (yesterday, in the location's own days: independent of the hour)."""
from datetime import datetime, time, timedelta

from django_tenants.utils import schema_context


def seed_accidents(location, staff) -> None:
    from tenants.accidents import services
    from tenants.attendance.selectors import local_today, location_zone
    from tenants.children.models import Child

    with schema_context(location.schema_name):
        child = Child.objects.filter(first_name="Mila").first()
        if child is None:
            return
        zone = location_zone()
        yesterday = local_today() - timedelta(days=1)
        services.record_accident(
            child, by=staff, happened_at=datetime.combine(yesterday, time(10, 15), tzinfo=zone),
            place="Tuin, bij de glijbaan", kind="fall",
            what_happened="Mila gleed uit op het trapje van de glijbaan en stootte haar knie.",
            present="Daan Peters en Marieke Jansen", first_aid="Knie gekoeld met een coldpack, pleister op het "
            "schaafwondje. Daarna weer vrolijk gaan spelen.", called_112=False, doctor_called=False,
            parent_informed_at=datetime.combine(yesterday, time(10, 40), tzinfo=zone), confirmed=True)
