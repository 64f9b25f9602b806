"""Reads of groups, staff and the roster that several places share (children's privacy, pages, API)."""
from datetime import date

from tenants.groups.models import Group, Shift, StaffProfile


def all_groups():
    return Group.objects.all()


def active_staff():
    return StaffProfile.objects.filter(is_active=True).select_related("user").prefetch_related("groups")


def staff_profile_of(user) -> StaffProfile | None:
    return StaffProfile.objects.filter(user=user, is_active=True).first()


def group_ids_of_staff_member(user, on: date) -> set[int]:
    """The groups a staff member works with on a day: the groups they are assigned to, and the groups they
    are on the roster for that day. Staff see the medical notes of the children of these groups only."""
    profile = staff_profile_of(user)
    if profile is None:
        return set()
    assigned = set(profile.groups.values_list("id", flat=True))
    rostered = set(Shift.objects.filter(staff=profile, date=on).values_list("group_id", flat=True))
    return assigned | rostered


def roster_for(day: date, group: Group | None = None):
    shifts = Shift.objects.filter(date=day).select_related("staff__user", "group")
    if group is not None:
        shifts = shifts.filter(group=group)
    return shifts
