"""Reads of the accident register that respect who is asking: staff and the entrepreneur see every report of
the location, a parent only those of her own children (through the child's guardians, so a removed guardian
sees nothing), anyone else nothing. The cooperative's adviser reads counts only (`counts_for_location`)."""
from datetime import date

from django.db.models.functions import TruncDate
from django_tenants.utils import schema_context

from accounts.roles import ENTREPRENEUR, PARENT, STAFF
from tenants.accidents import rules
from tenants.accidents.models import Accident


def accidents_visible_to(user, roles: set[str]):
    qs = Accident.objects.select_related("child", "child__group")
    if roles & {ENTREPRENEUR, STAFF}:
        return qs
    if PARENT in roles:
        return qs.filter(child__guardians=user)
    return qs.none()


def counts_for_location(location, start: date, end: date) -> list[dict]:
    """The number of accidents per month and kind at `location` from `start` to `end` (inclusive), in the
    location's own days: [{"month": date, "kind": code, "label": text, "count": n}]. Only these numbers leave the
    location's schema: no child, no text, no person."""
    from tenants.attendance.selectors import location_zone

    labels = dict(Accident.Kind.choices)
    with schema_context(location.schema_name):
        pairs = list(Accident.objects.annotate(day=TruncDate("happened_at", tzinfo=location_zone(location)))
                     .filter(day__gte=start, day__lte=end).values_list("day", "kind"))
    return [{"month": month, "kind": kind, "label": labels.get(kind, kind), "count": n}
            for month, kind, n in rules.month_counts(pairs)]
