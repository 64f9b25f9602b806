"""Reads of groups, staff and the roster that several places share (children's privacy, pages, API)."""
from datetime import date, timedelta

from accounts.roles import STAFF
from outbox import rules as outbox_rules
from outbox import selectors as outbox_selectors
from outbox.deliveries import invitation_ref
from tenants.groups.models import BackupPerson, Group, Shift, StaffProfile

#: Where a staff member's invitation stands (the staff page and the API's `invitation`).
INVITATION_ACTIVE = "active"  # the account is in use: nothing to do
INVITATION_PENDING = "pending"  # invited, the account not activated yet: the invitation can be sent again
INVITATION_RETRYING = outbox_rules.STATE_RETRYING  # the e-mail could not be sent yet; it is tried again
INVITATION_FAILED = outbox_rules.STATE_FAILED  # the e-mail was given up: send it again


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


def has_activated_account(user) -> bool:
    """Whether the person has used their account: set a password (through the invitation) or logged in."""
    return user.has_usable_password() or user.last_login is not None


def invitation_states(profiles, location) -> dict[int, str]:
    """Per staff profile id, where its invitation stands (INVITATION_*), in one query for the deliveries."""
    profiles = list(profiles)
    deliveries = outbox_selectors.states_of([invitation_ref(p.user, STAFF) for p in profiles], location)
    states = {}
    for profile in profiles:
        delivery = deliveries[invitation_ref(profile.user, STAFF)]
        if delivery in (outbox_rules.STATE_FAILED, outbox_rules.STATE_RETRYING):
            states[profile.pk] = delivery
        elif has_activated_account(profile.user):
            states[profile.pk] = INVITATION_ACTIVE
        else:
            states[profile.pk] = INVITATION_PENDING
    return states


def invitation_state(profile: StaffProfile, location) -> str:
    return invitation_states([profile], location)[profile.pk]


def backup_on(day: date) -> BackupPerson | None:
    """The childminder's backup person (achterwacht) set for `day`, if any."""
    return BackupPerson.objects.filter(date=day).first()


def backups_from(day: date, days: int = 14) -> list[BackupPerson]:
    return list(BackupPerson.objects.filter(date__gte=day, date__lt=day + timedelta(days=days)))
