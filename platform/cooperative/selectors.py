"""Reads of locations that respect who is asking."""
from accounts.models import Membership
from accounts.roles import ADVISER, COOP_ADMIN, STAFF
from cooperative.models import Location


def locations_visible_to(user):
    """Cooperative admin and lead advisers: every location; an adviser: her assigned ones."""
    roles = user.coop_roles()
    qs = Location.objects.prefetch_related("memberships__user")
    if COOP_ADMIN in roles or user.is_lead_adviser:
        return qs
    if ADVISER in roles:
        return qs.filter(adviser_assignments__adviser=user)
    return Location.objects.none()


def entrepreneurs_of(location):
    return [m.user for m in location.memberships.all() if m.role == "entrepreneur" and m.is_active]


def locations_of_member(user, roles):
    """Locations where `user` holds one of `roles` in an active membership.

    One filter() call, so the role condition applies to the user's own membership row.
    """
    return Location.objects.filter(
        memberships__user=user, memberships__role__in=roles, memberships__is_active=True,
    ).exclude(status=Location.Status.OFFBOARDED).distinct().order_by("name")


def staff_of(location):
    return [m.user for m in Membership.objects.filter(location=location, role=STAFF, is_active=True)
            .select_related("user").order_by("user__full_name")]


def locations_by_kind(locations) -> list[tuple[str, int]]:
    """(kind label, number of locations not offboarded) for each kind, in the order of the kinds."""
    counts = {kind: 0 for kind in Location.Kind.values}
    for location in locations:
        if location.status != Location.Status.OFFBOARDED and location.kind in counts:
            counts[location.kind] += 1
    return [(Location.Kind(kind).label, count) for kind, count in counts.items()]
