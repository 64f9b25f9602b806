"""Reads of outgoing messages: how an action's deliveries went, and the failures the cooperative admin sees."""
from django.db.models import Count, Q

from outbox import rules
from outbox.models import Delivery
from outbox.services import current_location


def deliveries_of(ref: str, location=...):
    """The deliveries that belong to one saved object (`ref`, e.g. "announcement:12") here."""
    if location is ...:
        location = current_location()
    return Delivery.objects.filter(location=location, ref=ref)


def state_of(ref: str, location=...) -> str:
    """One of rules.STATE_*: what to tell the person who acted."""
    return rules.overall_state(list(deliveries_of(ref, location).values_list("status", "attempts")))


def states_of(refs: list[str], location=...) -> dict[str, str]:
    if location is ...:
        location = current_location()
    rows: dict[str, list[tuple[str, int]]] = {ref: [] for ref in refs}
    for ref, status, attempts in Delivery.objects.filter(location=location, ref__in=refs).values_list(
            "ref", "status", "attempts"):
        rows[ref].append((status, attempts))
    return {ref: rules.overall_state(items) for ref, items in rows.items()}


def failed_count() -> int:
    return Delivery.objects.filter(status=Delivery.Status.FAILED).count()


def problems_by_location():
    """Per location (None: cooperative-wide) and kind: deliveries given up and deliveries still being retried."""
    return (Delivery.objects.filter(Q(status=Delivery.Status.FAILED) | Q(attempts__gt=0, status__in=[
        Delivery.Status.PENDING, Delivery.Status.SENDING]))
        .values("location__name", "location_id", "kind")
        .annotate(failed=Count("pk", filter=Q(status=Delivery.Status.FAILED)),
                  retrying=Count("pk", filter=~Q(status=Delivery.Status.FAILED)))
        .order_by("location__name", "kind"))
