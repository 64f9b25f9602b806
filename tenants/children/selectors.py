"""Reads of children that respect who is asking (DESIGN section 2).

- the entrepreneur sees every child and the whole file;
- staff see every child's care information (allergies, diet, medication, GP, pick-up and custody), but the
  medical notes only of children in the groups they work with that day (assigned or on the roster), and
  never the BSN;
- a parent sees only their own children, with the whole file.

A person is a parent at the location only while a child ties her to it (rules.has_parent_tie): the dates
are read here at each request, in the location's own day, so a child's last day of care needs no job.
"""
from contextlib import nullcontext

from django.db import connection
from django.utils import timezone
from django_tenants.utils import schema_context

from accounts.roles import ENTREPRENEUR, PARENT, STAFF
from tenants.calendar.selectors import current_location, location_today
from tenants.children import rules
from tenants.children.models import Child, ChildChange, CorrectionRequest
from tenants.groups.selectors import group_ids_of_staff_member


def children_visible_to(user, roles: set[str]):
    """Entrepreneur and staff see every child of the location; a parent only their own."""
    if roles & {ENTREPRENEUR, STAFF}:
        return Child.objects.select_related("group")
    if PARENT in roles:
        return Child.objects.filter(guardians=user).select_related("group")
    return Child.objects.none()


def children_of_parent(user):
    return Child.objects.filter(guardians=user)


class FileAccess:
    """What of a child file one person may read; built once per request."""

    def __init__(self, user, roles: set[str], on=None):
        self.user = user
        self.roles = set(roles)
        self.is_entrepreneur = ENTREPRENEUR in self.roles
        self.is_staff = STAFF in self.roles
        self._staff_groups = None
        self._own = None
        self.on = on or timezone.localdate()

    @property
    def staff_groups(self) -> set[int]:
        if self._staff_groups is None:
            self._staff_groups = group_ids_of_staff_member(self.user, self.on) if self.is_staff else set()
        return self._staff_groups

    def is_guardian(self, child: Child) -> bool:
        if self._own is None:
            self._own = set(Child.objects.filter(guardians=self.user).values_list("id", flat=True))
        return child.pk in self._own

    def medical_notes(self, child: Child) -> bool:
        if self.is_entrepreneur or self.is_guardian(child):
            return True
        return self.is_staff and child.group_id is not None and child.group_id in self.staff_groups

    def bsn(self, child: Child) -> bool:
        return self.is_entrepreneur or self.is_guardian(child)

    def may_edit(self) -> bool:
        return self.is_entrepreneur


def changes_of(child: Child):
    return ChildChange.objects.filter(child=child).select_related("actor")


def corrections_visible_to(user, roles: set[str]):
    qs = CorrectionRequest.objects.select_related("child", "requested_by", "decided_by")
    if ENTREPRENEUR in roles:
        return qs
    if PARENT in roles:
        return qs.filter(requested_by=user, child__guardians=user)
    return qs.none()


# --- a parent's tie to the location --------------------------------------------------------------


def guardianships(user) -> dict[int, list[rules.Period]]:
    """{child id: its contracts' periods} for every child here of whom `user` is a guardian, in one query."""
    places: dict[int, list[rules.Period]] = {}
    rows = Child.objects.filter(guardians=user).values_list("pk", "contracts__start_date", "contracts__end_date")
    for child_id, start, end in rows:
        periods = places.setdefault(child_id, [])
        if start is not None:
            periods.append((start, end))
    return places


def running_child_ids(user, today=None) -> set[int]:
    """The children here of whom `user` is a guardian and whose place has not ended today."""
    today = today or location_today()
    return {pk for pk, periods in guardianships(user).items() if not rules.place_ended(periods, today)}


def _schema_of(location):
    same = connection.schema_name == location.schema_name
    return nullcontext() if same else schema_context(location.schema_name)


def roles_here(user, membership_roles, location) -> set[str]:
    """The roles `user` holds at `location` today (rules.roles_at_location), read in the location's schema."""
    with _schema_of(location):
        return rules.roles_at_location(membership_roles, guardianships(user).values(), location_today(location))


def has_parent_tie(user, location=None) -> bool:
    location = location or current_location()
    with _schema_of(location):
        return rules.has_parent_tie(guardianships(user).values(), location_today(location))


def tied_guardian_ids(children) -> set[int]:
    """Those guardians of `children` (a query set here) who are parents here today through one of them: the
    child's place runs and the guardian's parent membership is active. For who hears of news at the location."""
    from accounts.models import Membership

    periods: dict[int, set] = {}
    guardians: dict[int, set] = {}
    for child_id, guardian_id, start, end in children.values_list(
            "pk", "guardians", "contracts__start_date", "contracts__end_date"):
        periods.setdefault(child_id, set())
        if start is not None:
            periods[child_id].add((start, end))
        if guardian_id is not None:
            guardians.setdefault(child_id, set()).add(guardian_id)
    today = location_today()
    ids = {guardian for child_id, ids in guardians.items() if not rules.place_ended(periods[child_id], today)
           for guardian in ids}
    if not ids:
        return set()
    return set(Membership.objects.filter(location=current_location(), role=PARENT, is_active=True, user_id__in=ids)
               .values_list("user_id", flat=True))
