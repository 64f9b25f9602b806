"""Who is expected on a day: the one place where attendance reads other apps' planning data.

- contracts (tenants.contracts.selectors.planned_care): a child is expected on the care days of the signed
  contract version in force, from the start to the end time of that day; a flexible contract has no fixed
  days and expects nobody;
- swaps (this app): an accepted swap removes the child from the contract day given up and adds it on the
  new day for the times asked;
- extra days (this app): accepted requests add the child for the times asked;
- absences (this app): a reported absence removes the child (unless `include_absent`).

How these combine on a day is one pure rule, `tenants.attendance.rules.booking`, used by `expected_children`
(the register, planning, handover), by `contract_bookings` (one contract's days over a period: billing's care
month) and by the parent portal's overview.

Adjust `_contract_days` here when the contracts app changes its selectors; nothing else in attendance reads
contracts.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta

from django.db.models import Q

from tenants.attendance import rules
from tenants.attendance.models import Absence, ExtraDayRequest, SwapRequest

CONTRACT = rules.CONTRACT
EXTRA_DAY = rules.EXTRA_DAY
SWAP = rules.SWAP


@dataclass(frozen=True)
class Expected:
    child_id: int
    group_id: int | None
    start: time
    end: time
    source: str


def _contract_days(day: date) -> dict[int, tuple[tuple[time, time], int | None]]:
    """{child_id: ((start, end), group_id)} from the signed weekly and alternating plans in force on `day`
    (tenants.contracts.selectors.planned_care); the group is the one of the contract version in force."""
    from tenants.contracts import selectors as contracts

    found = {}
    for contract, care_day in contracts.planned_care(day):
        version = contracts.version_on(contract, day)
        group_id = (version.group_id if version is not None else None) or contract.child.group_id
        found[contract.child_id] = ((care_day.start, care_day.end), group_id)
    return found


def absent_child_ids(day: date) -> set[int]:
    return set(Absence.objects.filter(start_date__lte=day, end_date__gte=day).values_list("child_id", flat=True))


def expected_children(day: date, group_id: int | None = None, include_absent: bool = False) -> list[Expected]:
    """Children expected on `day` (by contract, an accepted swap or extra day), optionally of one group."""
    contract_days = _contract_days(day)
    swaps = list(SwapRequest.objects.filter(Q(give_up_date=day) | Q(date=day), status=SwapRequest.Status.ACCEPTED)
                 .select_related("child"))
    given_up = {swap.child_id for swap in swaps if swap.give_up_date == day}
    swapped_to = {swap.child_id: swap for swap in swaps if swap.date == day}
    extras = {request.child_id: request for request in ExtraDayRequest.objects.filter(
        date=day, status=ExtraDayRequest.Status.ACCEPTED).select_related("child")}
    found: dict[int, Expected] = {}
    for child_id in set(contract_days) | set(swapped_to) | set(extras):
        contract_day, group = contract_days.get(child_id, (None, None))
        swap, extra = swapped_to.get(child_id), extras.get(child_id)
        booked = rules.booking(contract_day, given_up=child_id in given_up,
                               swapped_to=(swap.start_time, swap.end_time) if swap else None,
                               extra_day=(extra.start_time, extra.end_time) if extra else None)
        if booked is None:
            continue
        if booked.source == SWAP:
            group = swap.group_id or swap.child.group_id
        elif booked.source == EXTRA_DAY:
            group = extra.group_id or extra.child.group_id
        found[child_id] = Expected(child_id, group, booked.start, booked.end, booked.source)
    if not include_absent:
        for child_id in absent_child_ids(day):
            found.pop(child_id, None)
    items = found.values()
    if group_id is not None:
        items = [item for item in items if item.group_id == group_id]
    return sorted(items, key=lambda item: (item.start, item.child_id))


def expected_by_contract(child_id: int, day: date) -> Expected | None:
    found = _contract_days(day).get(child_id)
    if found is None:
        return None
    (start, end), group_id = found
    return Expected(child_id, group_id, start, end, CONTRACT)


def expected_on(child_id: int, day: date) -> Expected | None:
    """How the child is expected on `day` (contract, swap or extra day; absences not taken off), or None."""
    return next((item for item in expected_children(day, include_absent=True) if item.child_id == child_id), None)


def contract_bookings(contract, start: date, end: date) -> dict[date, rules.Booking]:
    """{day: Booking} of one contract's child from `start` to `end` (within the contract's own span): the
    signed plan in force each day (the latest signed version that has taken effect), with the child's
    accepted swaps and extra days. Two reads besides the contract's prefetched versions; the same reckoning
    as `expected_children` (rules.booking)."""
    from tenants.contracts import rules as contract_rules

    first = max(start, contract.start_date)
    last = end if contract.end_date is None else min(end, contract.end_date)
    if last < first:
        return {}
    versions = sorted((v for v in contract.versions.all() if v.signed_at is not None), key=lambda v: v.number)
    plans = [(v.effective_from, v.weeks) for v in versions]
    swaps = SwapRequest.objects.filter(Q(give_up_date__range=(first, last)) | Q(date__range=(first, last)),
                                       child_id=contract.child_id, status=SwapRequest.Status.ACCEPTED)
    given_up, swapped_to = set(), {}
    for swap in swaps:
        given_up.add(swap.give_up_date)
        swapped_to[swap.date] = (swap.start_time, swap.end_time)
    extras = dict((row.date, (row.start_time, row.end_time)) for row in ExtraDayRequest.objects.filter(
        child_id=contract.child_id, date__range=(first, last), status=ExtraDayRequest.Status.ACCEPTED))
    found = {}
    day = first
    while day <= last:
        in_force = [(effective, weeks) for effective, weeks in plans if effective <= day]
        care_day = contract_rules.schedule_for_date(in_force[-1][1], in_force[-1][0], day) if in_force else None
        booked = rules.booking((care_day.start, care_day.end) if care_day else None, given_up=day in given_up,
                               swapped_to=swapped_to.get(day), extra_day=extras.get(day))
        if booked is not None:
            found[day] = booked
        day += timedelta(days=1)
    return found
