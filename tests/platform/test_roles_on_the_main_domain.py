"""Which roles a person has on the main domain: the cooperative's roles, 'parent' for a membership at an
active location, and 'location_worker' for anyone who works at a location — in two queries."""
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import CooperativeRole, Membership
from accounts.roles import roles_for
from tests.conftest import make_user


@pytest.mark.parametrize(("memberships", "coop_role", "expected"), [
    ([], None, set()),
    ([("a", "parent", True)], None, {"parent"}),
    ([("a", "parent", False)], None, set()),
    ([("suspended", "parent", True)], None, set()),
    ([("a", "staff", True)], None, {"location_worker"}),
    ([("suspended", "entrepreneur", True)], None, {"location_worker"}),
    ([("a", "parent", True), ("b", "staff", True)], None, {"parent", "location_worker"}),
    ([("b", "parent", True)], "adviser", {"adviser", "parent"}),
])
def test_roles_on_the_main_domain(world, memberships, coop_role, expected):
    from cooperative.models import Location

    user = make_user("rollen@example.test", "Rollen Test")
    suspended = Location.objects.create(name="Dicht", slug="dicht", schema_name="loc_dicht", kind="kdv",
                                        jurisdiction="NL", status=Location.Status.SUSPENDED)
    places = {"a": world.a.location, "b": world.b.location, "suspended": suspended}
    for place, role, active in memberships:
        Membership.objects.create(user=user, location=places[place], role=role, is_active=active)
    if coop_role:
        CooperativeRole.objects.create(user=user, role=coop_role)
    with CaptureQueriesContext(connection) as ctx:
        roles = roles_for(user, None)
    assert roles == expected
    assert len(ctx.captured_queries) <= 2
