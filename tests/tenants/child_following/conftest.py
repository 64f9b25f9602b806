"""Two groups at location A: staff member 1 (world.a.staff) works in Dreumesen, staff member 2 in Peuters.
Saartje (world.a's child) is in Dreumesen."""
from dataclasses import dataclass

import pytest

from tests.conftest import make_user
from tests.tenants.conftest import in_schema


@dataclass
class Groups:
    first: int
    next: int
    other_staff: object


@pytest.fixture
def groups(world):
    from accounts.models import Membership
    from tenants.children.models import Child
    from tenants.groups.models import Group, StaffProfile

    other = make_user("peuters@alpha.test", "Staff Peuters")
    Membership.objects.get_or_create(user=other, location=world.a.location, role="staff")
    with in_schema(world.a):
        first = Group.objects.create(name="Dreumesen", kind="stamgroep")
        following = Group.objects.create(name="Peuters", kind="stamgroep")
        StaffProfile.objects.create(user=world.a.staff).groups.add(first)
        StaffProfile.objects.create(user=other).groups.add(following)
        Child.objects.filter(pk=world.a.child_id).update(group=first)
    return Groups(first.pk, following.pk, other)


def child(world):
    from tenants.children.models import Child

    return Child.objects.get(pk=world.a.child_id)


def observe(world, text="Stapelt zes blokken", by=None, area="motor"):
    from tenants.calendar.selectors import location_today
    from tenants.child_following import services

    with in_schema(world.a):
        return services.record_observation(child(world), by=by or world.a.staff, roles={"staff"}, area=area,
                                           observed_on=location_today(), text=text)


def summarise(world, text="Saartje groeit goed; ze praat veel."):
    from datetime import date

    from tenants.child_following import services

    with in_schema(world.a):
        return services.write_summary(child(world), by=world.a.staff, roles={"staff"}, kind="yearly",
                                      period_start=date(2025, 12, 1), period_end=date(2026, 11, 30), text=text,
                                      discussed_on=date(2026, 12, 1))


def move_to(world, group_id):
    from tenants.children.models import Child

    with in_schema(world.a):
        Child.objects.filter(pk=world.a.child_id).update(group_id=group_id)
