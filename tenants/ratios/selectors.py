"""The ratio rules applied to a location's own groups: which children count, and the childminder's backup.

Planning, the tablet, the extra-day decision and the public calculator all end in `rules.check`; this module
is where the location's data becomes its arguments, so the pages cannot count differently.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from django.utils import timezone

from accounts.roles import ENTREPRENEUR
from tenants.ratios import rules

#: Group kind (tenants.groups) -> care type of the rules.
CARE_TYPE_OF_GROUP_KIND = {"stamgroep": rules.KDV, "basisgroep": rules.BSO, "gastouder": rules.GASTOUDER}


def care_type(group) -> str:
    return CARE_TYPE_OF_GROUP_KIND.get(group.kind, rules.KDV)


def own_child_ids(group, child_ids) -> set[int]:
    """The childminder's own children among `child_ids`: in a childminder's group, a child one of whose
    guardians is the location's entrepreneur. They count in the limits while under 10."""
    if care_type(group) != rules.GASTOUDER:
        return set()
    return _children_of_the_entrepreneur(child_ids)


def _children_of_the_entrepreneur(child_ids) -> set[int]:
    from accounts.models import Membership
    from tenants.calendar.selectors import current_location
    from tenants.children.models import Child

    if not child_ids:
        return set()
    owners = list(Membership.objects.filter(location=current_location(), role=ENTREPRENEUR, is_active=True)
                  .values_list("user_id", flat=True))
    return set(Child.objects.filter(pk__in=list(child_ids), guardians__in=owners).values_list("pk", flat=True))


def own_children_contract_ids(contracts) -> set[int]:
    """The contracts among `contracts` for childminder care of the childminder's own children: they count in
    her limits but are never invoiced (DESIGN.md "Locations (001)"; nobody pays her for her own child)."""
    childminding = [contract for contract in contracts if contract.care_type == rules.GASTOUDER]
    own = _children_of_the_entrepreneur({contract.child_id for contract in childminding})
    return {contract.pk for contract in childminding if contract.child_id in own}


def for_rules(age: int, care: str) -> int:
    """A child older or younger than the care type's table counts as its nearest age."""
    low, high = rules.AGE_RANGES[care]
    return min(max(age, low), high)


def group_check(group, ages: list[int], staff: int, own_ages: list[int] = ()) -> rules.Result:
    """The rules for the children present at one moment in `group`: placed children's `ages` and, in a
    childminder's group, her own children's `own_ages`. A group without a recorded play space (0 m²) is not
    checked on space."""
    care = care_type(group)
    counted = [for_rules(age, care) for age in ages][: rules.MAX_CHILDREN_INPUT]
    own = [min(age, rules.OWN_CHILD_MAX_AGE) for age in own_ages]
    space = float(group.play_space_m2) if group.play_space_m2 else None
    return rules.check(care, counted, staff, own_children_ages=own, play_space_m2=space)


def counted(ages: list[int], own_ages: list[int]) -> int:
    """How many children the rules count: every placed child, and own children under 10."""
    return len(ages) + sum(1 for age in own_ages if age < rules.OWN_CHILD_COUNTED_BELOW)


@dataclass(frozen=True)
class Backup:
    """What the planning and the tablet say about a childminder's backup on one day."""

    needed: bool
    person: object | None  # tenants.groups.models.BackupPerson

    @property
    def missing(self) -> bool:
        return self.needed and self.person is None


def backup_for(plan) -> Backup | None:
    """For a childminder's group on its day (an attendance GroupDay): whether any half hour counts four or more
    children, and the backup person set for the day. None for other groups."""
    from tenants.groups.selectors import backup_on

    if care_type(plan.group) != rules.GASTOUDER:
        return None
    needed = any(slot.result.backup_required for slot in plan.slots)
    return Backup(needed=needed, person=backup_on(plan.day))


@dataclass(frozen=True)
class RatioNow:
    """One group's ratio at this moment and for the rest of the day, for the tablet."""

    group: object
    slot: object | None  # the current half hour (attendance Slot), None when closed
    later_violations: int
    backup: Backup | None


def ratio_now(groups, day: date, now: datetime | None = None) -> list[RatioNow]:
    """Each group's current half hour (children counted, staff, the check) on `day`."""
    from tenants.attendance import selectors as attendance

    now = (now or timezone.now()).astimezone(attendance.location_zone())
    rows = []
    for group in groups:
        plan = attendance.group_day(group, day, now=now)
        current = next((slot for slot in plan.slots if slot.start <= now.time() < slot.end), None)
        later = sum(1 for slot in plan.slots if not slot.is_past and not slot.allowed and slot is not current)
        rows.append(RatioNow(group, current, later, backup_for(plan)))
    return rows
