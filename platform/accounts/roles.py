"""Which roles a user has where. Used by the access middleware, DRF permissions and page mixins."""
from django.db.models import Q

from accounts.models import CooperativeRole, Membership

ENTREPRENEUR = Membership.Role.ENTREPRENEUR.value
STAFF = Membership.Role.STAFF.value
PARENT = Membership.Role.PARENT.value
COOP_ADMIN = CooperativeRole.Role.COOP_ADMIN.value
ADVISER = CooperativeRole.Role.ADVISER.value
PEDAGOGUE = CooperativeRole.Role.PEDAGOGUE.value



def role_label(role: str) -> str:
    """A role's name in the reader's language (a stored role key such as an audit entry's, or as it is)."""
    labels = {**dict(CooperativeRole.Role.choices), **dict(Membership.Role.choices)}
    return str(labels.get(role, role))


# When a person has several roles in one place, the home page follows the first in this list.
PRECEDENCE = [COOP_ADMIN, PEDAGOGUE, ADVISER, ENTREPRENEUR, STAFF, PARENT]


def roles_for(user, location) -> set[str]:
    """Roles at a location (location hosts) or in the cooperative plus 'parent' (main domain)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return set()
    if location is not None:
        roles = set(
            Membership.objects.filter(user=user, location=location, is_active=True).values_list("role", flat=True)
        )
        if PARENT in roles:
            # 'parent' also needs a child here whose place runs today, read from the location's data at each
            # request (tenants.children.rules.has_parent_tie): a last day of care needs no job to take effect.
            from tenants.children.selectors import roles_here

            roles = roles_here(user, roles, location)
        return roles
    roles = set(user.coop_roles())
    memberships = set(Membership.objects.filter(user=user, is_active=True).filter(
        Q(role=PARENT, location__status="active") | Q(role__in=[ENTREPRENEUR, STAFF]))
        .values_list("role", flat=True).distinct())
    if PARENT in memberships:
        roles.add(PARENT)
    if memberships & {ENTREPRENEUR, STAFF}:
        roles.add("location_worker")
    return roles


def primary_role(roles: set[str]) -> str | None:
    for role in PRECEDENCE:
        if role in roles:
            return role
    return "location_worker" if "location_worker" in roles else None


def request_roles(request) -> set[str]:
    """Roles of the request's user where the request is; cached on the underlying HttpRequest."""
    base = getattr(request, "_request", request)
    user = getattr(request, "user", None) or getattr(base, "user", None)
    key = (getattr(user, "pk", None), getattr(getattr(base, "location", None), "pk", None))
    cached = getattr(base, "_roles_cache", None)
    if cached is None or cached[0] != key:
        cached = (key, roles_for(user, getattr(base, "location", None)))
        base._roles_cache = cached
    return cached[1]
