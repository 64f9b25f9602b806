"""Who is expected on a day: the one place where attendance reads other apps' planning data.

- contracts (tenants.contracts.selectors.planned_care): a child is expected on the care days of the signed
  contract version in force, from the start to the end time of that day; a flexible contract has no fixed
  days and expects nobody;
- swaps (this app): an accepted swap removes the child from the contract day given up and adds it on the
  new day for the times asked;
- extra days (this app): accepted requests add the child for the times asked;
- absences (this app): a reported absence removes the child (unless `include_absent`).

Adjust `_contract_days` here when the contracts app changes its selectors; nothing else in attendance reads
contracts.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from django.db.models import Q

from tenants.attendance.models import Absence, ExtraDayRequest, SwapRequest

CONTRACT = "contract"
EXTRA_DAY = "extra_day"
SWAP = "swap"


@dataclass(frozen=True)
class Expected:
    child_id: int
    group_id: int | None
    start: time
    end: time
    source: str


def _contract_days(day: date) -> dict[int, Expected]:
    """{child_id: Expected} from the signed weekly and alternating plans in force on `day`
    (tenants.contracts.selectors.planned_care); the group is the one of the contract version in force."""
    from tenants.contracts import selectors as contracts

    found: dict[int, Expected] = {}
    for contract, care_day in contracts.planned_care(day):
        version = contracts.version_on(contract, day)
        group_id = (version.group_id if version is not None else None) or contract.child.group_id
        found[contract.child_id] = Expected(contract.child_id, group_id, care_day.start, care_day.end, CONTRACT)
    return found


def absent_child_ids(day: date) -> set[int]:
    return set(Absence.objects.filter(start_date__lte=day, end_date__gte=day).values_list("child_id", flat=True))


def expected_children(day: date, group_id: int | None = None, include_absent: bool = False) -> list[Expected]:
    """Children expected on `day` (by contract, an accepted swap or extra day), optionally of one group."""
    found = _contract_days(day)
    _apply_swaps(found, day)
    extra = ExtraDayRequest.objects.filter(date=day, status=ExtraDayRequest.Status.ACCEPTED).select_related("child")
    for request in extra:
        if request.child_id not in found:
            found[request.child_id] = Expected(request.child_id, request.group_id or request.child.group_id,
                                               request.start_time, request.end_time, EXTRA_DAY)
    if not include_absent:
        for child_id in absent_child_ids(day):
            found.pop(child_id, None)
    items = found.values()
    if group_id is not None:
        items = [item for item in items if item.group_id == group_id]
    return sorted(items, key=lambda item: (item.start, item.child_id))


def _apply_swaps(found: dict[int, Expected], day: date) -> None:
    """Accepted swaps from or to `day`: the contract day given up goes, the new day comes."""
    swaps = list(SwapRequest.objects.filter(Q(give_up_date=day) | Q(date=day), status=SwapRequest.Status.ACCEPTED)
                 .select_related("child"))
    for swap in swaps:
        if swap.give_up_date == day and found.get(swap.child_id) and found[swap.child_id].source == CONTRACT:
            del found[swap.child_id]
    for swap in swaps:
        if swap.date == day and swap.child_id not in found:
            found[swap.child_id] = Expected(swap.child_id, swap.group_id or swap.child.group_id, swap.start_time,
                                            swap.end_time, SWAP)


def expected_by_contract(child_id: int, day: date) -> Expected | None:
    return _contract_days(day).get(child_id)


def expected_on(child_id: int, day: date) -> Expected | None:
    """How the child is expected on `day` (contract, swap or extra day; absences not taken off), or None."""
    return next((item for item in expected_children(day, include_absent=True) if item.child_id == child_id), None)
