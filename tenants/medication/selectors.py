"""Reads of medication, for whoever asks (DESIGN section 2): staff and the entrepreneur of this location see
every child's medication; a parent only her own children's (a guardian removed from the child sees nothing);
anybody else nothing. An adviser reads only counts (`counts`), never a name or a medicine."""
from dataclasses import dataclass
from datetime import date, datetime, time

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from accounts.roles import ENTREPRENEUR, PARENT, STAFF
from tenants.medication import rules
from tenants.medication.models import DoseGiven, MedicationRequest


def requests_visible_to(user, roles: set[str]):
    qs = MedicationRequest.objects.select_related("child")
    if roles & {ENTREPRENEUR, STAFF}:
        return qs
    if PARENT in roles:
        return qs.filter(child__guardians=user)
    return qs.none()


def doses_visible_to(user, roles: set[str]):
    qs = DoseGiven.objects.select_related("child", "request")
    if roles & {ENTREPRENEUR, STAFF}:
        return qs
    if PARENT in roles:
        return qs.filter(child__guardians=user)
    return qs.none()


def request_for(user, roles: set[str], pk: int) -> MedicationRequest:
    found = requests_visible_to(user, roles).filter(pk=pk).first()
    if found is None:
        raise PermissionDenied
    return found


def counts(today: date) -> dict[str, int]:
    """Numbers only (for an adviser): medicines in use today and doses given today."""
    running = MedicationRequest.objects.filter(signed_at__isnull=False, start_date__lte=today, end_date__gte=today,
                                               stopped_at__isnull=True)
    return {"running": running.count(), "doses_today": DoseGiven.objects.filter(due_date=today).count()}


@dataclass
class DueDose:
    request: MedicationRequest
    due_time: time
    due_at: datetime
    given: DoseGiven | None
    overdue: bool

    @property
    def child(self):
        return self.request.child


def due_on(day: date, now: datetime, requests=None, grace_minutes: int | None = None) -> list[DueDose]:
    """Every dose due on `day` of the signed requests (of `requests`, a query set, or all), with the dose given
    for it if any, and whether it is late at `now` (rules.is_overdue); in order of time, then child."""
    from tenants.medication.services import policy

    grace = policy().grace_minutes if grace_minutes is None else grace_minutes
    qs = (requests if requests is not None else MedicationRequest.objects.select_related("child"))
    qs = qs.filter(signed_at__isnull=False, start_date__lte=day, end_date__gte=day).filter(
        Q(stopped_at__isnull=True) | Q(stopped_at__date__gt=day))
    qs = list(qs.select_related("child"))
    given = {(dose.request_id, dose.due_time): dose
             for dose in DoseGiven.objects.filter(request__in=qs, due_date=day).select_related("given_by")}
    found = []
    for request in qs:
        for moment in rules.due_times(request.start_date, request.end_date, request.times, day):
            due_at = datetime.combine(day, moment, tzinfo=now.tzinfo)
            dose = given.get((request.pk, moment))
            found.append(DueDose(request, moment, due_at, dose,
                                 rules.is_overdue(due_at, now, grace, given=dose is not None)))
    found.sort(key=lambda item: (item.due_time, item.request.child.first_name, item.request.name))
    return found


def due_today(location=None, requests=None) -> list[DueDose]:
    from tenants.attendance.selectors import local_now

    now = local_now(location)
    return due_on(now.date(), now, requests)


def fever_reducers_on(day: date, doses=None):
    return (doses if doses is not None else DoseGiven.objects.all()).filter(
        due_date=day, request__isnull=True).select_related("child")
