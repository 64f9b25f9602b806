"""A group with two families at location A, a second group with one family, and a family at B with the same group
name, for the notices of contagious diseases."""
from dataclasses import dataclass
from decimal import Decimal

import pytest

from accounts.models import Membership
from tests.conftest import make_user
from tests.push.conftest import browser_subscription, push_service  # noqa: F401 (fixtures for the tests here)
from tests.tenants.conftest import in_schema


@dataclass
class Groups:
    rupsen: object
    vlinders: object
    rupsen_parents: list
    vlinders_parent: object
    removed_parent: object
    b_rupsen: object
    b_parent: object


def _family(site, email, name, child_first, group):
    from tenants.children.services import create_child

    parent = make_user(email, name)
    Membership.objects.get_or_create(user=parent, location=site.location, role="parent")
    with in_schema(site):
        child = create_child(first_name=child_first, last_name="Ziek", birth_date=__import__("datetime").date(
            2024, 3, 3), guardians=[parent], group=group)
    return parent, child


@pytest.fixture
def groups(world, db):
    from tenants.children.services import remove_guardian
    from tenants.groups.models import Group

    a, b = world.a, world.b
    with in_schema(a):
        rupsen = Group.objects.create(name="Rupsen", kind="stamgroep", play_space_m2=Decimal("40"))
        vlinders = Group.objects.create(name="Vlinders", kind="stamgroep", play_space_m2=Decimal("40"))
    with in_schema(b):
        b_rupsen = Group.objects.create(name="Rupsen", kind="gastouder", play_space_m2=Decimal("20"))
    p1, _c1 = _family(a, "rups1@alpha.test", "Rups Een", "Olivier", rupsen)
    p2, _c2 = _family(a, "rups2@alpha.test", "Rups Twee", "Fenna", rupsen)
    removed, child = _family(a, "rups-weg@alpha.test", "Rups Weg", "Guusje", rupsen)
    # Guusje's second guardian stays; the first is removed from her.
    stays, _ = make_user("rups3@alpha.test", "Rups Drie"), None
    Membership.objects.get_or_create(user=stays, location=a.location, role="parent")
    with in_schema(a):
        child.guardians.add(stays)
        remove_guardian(child, removed, actor=a.entrepreneur)
    vp, _c3 = _family(a, "vlinder@alpha.test", "Vlinder Ouder", "Mees", vlinders)
    bp, _c4 = _family(b, "rups@beta.test", "Beta Rups", "Teun", b_rupsen)
    from accounts.models import User

    User.objects.update(language="en")  # the people made here read English too (tests/tenants/conftest.py)
    return Groups(rupsen, vlinders, [p1, p2, stays], vp, removed, b_rupsen, bp)
