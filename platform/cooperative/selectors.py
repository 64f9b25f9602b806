"""Reads of locations that respect who is asking."""
from accounts.roles import ADVISER, COOP_ADMIN
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


def locations_of_member(user, roles=None):
    qs = Location.objects.filter(memberships__user=user, memberships__is_active=True).exclude(status="offboarded")
    if roles:
        qs = qs.filter(memberships__role__in=roles)
    return qs.distinct()
