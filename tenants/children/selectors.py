"""Reads of children that respect who is asking (DESIGN section 2).

- the entrepreneur sees every child and the whole file;
- staff see every child's care information (allergies, diet, medication, GP, pick-up and custody), but the
  medical notes only of children in the groups they work with that day (assigned or on the roster), and
  never the BSN;
- a parent sees only their own children, with the whole file.
"""
from django.utils import timezone

from accounts.roles import ENTREPRENEUR, PARENT, STAFF
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
