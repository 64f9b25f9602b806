"""Which roles a user has where. Used by the access middleware, DRF permissions and page mixins."""
from functools import cache

from django.db import connection

from accounts.models import CooperativeRole, Membership

ENTREPRENEUR = Membership.Role.ENTREPRENEUR.value
STAFF = Membership.Role.STAFF.value
PARENT = Membership.Role.PARENT.value
COOP_ADMIN = CooperativeRole.Role.COOP_ADMIN.value
ADVISER = CooperativeRole.Role.ADVISER.value
PEDAGOGUE = CooperativeRole.Role.PEDAGOGUE.value
COOP_ROLES = frozenset(CooperativeRole.Role.values)



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
    found = _roles_on_main_domain(user.pk)
    roles = found & COOP_ROLES
    if not hasattr(user, "_coop_roles"):  # what User.coop_roles() would read, for the second-factor check
        user._coop_roles = set(roles)
    memberships = found - COOP_ROLES
    if PARENT in memberships:
        roles.add(PARENT)
    if memberships & {ENTREPRENEUR, STAFF}:
        roles.add("location_worker")
    return roles


@cache
def _main_domain_statement() -> str:
    quote = connection.ops.quote_name
    membership = Membership._meta
    location = membership.get_field("location").related_model._meta
    return (f"SELECT role FROM {quote(CooperativeRole._meta.db_table)} WHERE user_id = %(user)s UNION "
            f"SELECT m.role FROM {quote(membership.db_table)} m JOIN {quote(location.db_table)} l "
            f"ON l.id = m.location_id WHERE m.user_id = %(user)s AND m.is_active "
            f"AND (m.role IN (%(entrepreneur)s, %(staff)s) OR (m.role = %(parent)s AND l.status = 'active'))")


def _roles_on_main_domain(user_id) -> set[str]:
    """The user's cooperative roles and her location roles that count on the main domain (entrepreneur and
    staff at any location, parent at an active one), in one statement: the two sets of names are apart.
    Plain SQL: composing it in the ORM cost several times what PostgreSQL took to answer it, on every page."""
    with connection.cursor() as cursor:
        cursor.execute(_main_domain_statement(), {"user": user_id, "entrepreneur": ENTREPRENEUR, "staff": STAFF,
                                                  "parent": PARENT})
        return {role for (role,) in cursor.fetchall()}


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
