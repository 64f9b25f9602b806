"""Helpers for the medication tests: a signed request at location A due at the location's current minute (so
the tests hold at any hour, also just after midnight)."""
from datetime import timedelta

from tests.tenants.conftest import in_schema


def child_of(site):
    from tenants.children.models import Child

    return Child.objects.get(pk=site.child_id)


def now_here(site):
    from tenants.attendance.selectors import local_now

    return local_now(site.location)


def this_minute(site):
    """The location's current time of day, to the minute: always a valid due time today."""
    return now_here(site).time().replace(second=0, microsecond=0)


def signed_request(site, days=0, **fields):
    from tenants.medication import services

    today = now_here(site).date()
    values = {"name": "Amoxicilline", "dose": "5 ml", "times": [this_minute(site)], "start_date": today,
              "end_date": today + timedelta(days=days), "prescribed_by": "Dr. Peeters", "in_fridge": True,
              "typed_name": site.parent.full_name, "confirmed": True} | fields
    with in_schema(site):
        return services.request_medication(child_of(site), user=site.parent, **values)
