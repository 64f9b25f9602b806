"""Who is expected on a day: the one place where attendance reads other apps' planning data.

- contracts (tenants.contracts.selectors.planned_care): a child is expected on the care days of the signed
  contract version in force, from the start to the end time of that day; a flexible contract has no fixed
  days and expects nobody;
- extra days (this app): accepted requests add the child for the times asked;
- absences (this app): a reported absence removes the child (unless `include_absent`).

Adjust `_contract_days` here when the contracts app changes its selectors; nothing else in attendance reads
contracts.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from tenants.attendance.models import Absence, ExtraDayRequest

CONTRACT = "contract"
EXTRA_DAY = "extra_day"


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
    """Children expected on `day` (by contract or an accepted extra day), optionally of one group."""
    found = _contract_days(day)
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


def expected_by_contract(child_id: int, day: date) -> Expected | None:
    return _contract_days(day).get(child_id)
