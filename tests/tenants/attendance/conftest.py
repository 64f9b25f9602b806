"""Fixtures for the attendance tests: location A (a KDV) open on weekdays with one group, its staff member on
the roster, children of a chosen age, and helpers to plan them on a day."""
from dataclasses import dataclass
from datetime import date, time, timedelta

import pytest

from tests.tenants.calendar.conftest import at, flemish_a  # noqa: F401 (fixture re-exported)

HOURS = (time(7, 0), time(18, 30))


@dataclass
class Kdv:
    site: object
    group: object
    staff: object  # the StaffProfile of world.a.staff
    day: date  # a future day on which the location is open

    @property
    def child_id(self) -> int:
        return self.site.child_id


def next_open_day(after: date) -> date:
    """The first weekday after `after` that is not a closed public holiday (in the current schema)."""
    from tenants.calendar import selectors

    day = after + timedelta(days=1)
    while not selectors.is_open(day):
        day += timedelta(days=1)
    return day


def age_on(day: date, years: int) -> date:
    """A birth date that makes a child `years` old (and a half) on `day`."""
    return date(day.year - years, day.month, 1) - timedelta(days=180)


def add_child(first: str, birth_date: date, group, guardians=()):
    from tenants.children.services import create_child

    child = create_child(first_name=first, last_name="Test", birth_date=birth_date, guardians=list(guardians))
    child.group = group
    child.save(update_fields=["group"])
    return child


def plan_extra_day(child, day: date, start=time(8, 0), end=time(17, 0)):
    """Expect a child on `day` through an accepted extra day (stored directly, without the capacity check)."""
    from django.utils import timezone

    from tenants.attendance.models import ExtraDayRequest

    return ExtraDayRequest.objects.create(child=child, group=child.group, date=day, start_time=start, end_time=end,
                                          requested_at=timezone.now(), status=ExtraDayRequest.Status.ACCEPTED)


def plan_contract(site, child, day: date, start="08:00", end="17:00"):
    """Expect a child every week on `day`'s weekday through a signed contract (tenants.contracts)."""
    from tenants.contracts import services
    from tests.conftest import make_user

    guardian = child.guardians.first()
    if guardian is None:
        guardian = make_user(f"guardian.{child.pk}@{site.location.slug}.test", f"Guardian of {child.first_name}")
        child.guardians.add(guardian)
    contract = services.create_contract(
        child=child, care_type="kdv", group=child.group, start_date=day - timedelta(days=day.weekday()),
        end_date=None, schedule_type="weekly",
        schedule=[[{"weekday": day.weekday(), "start": start, "end": end}]], user=site.entrepreneur,
    )
    services.sign_version(contract.current_version, user=guardian, typed_name=guardian.full_name, ip="192.0.2.1")
    return contract


def roster(profile, group, day: date, start=time(7, 0), end=time(18, 30)):
    from tenants.groups.models import Shift

    return Shift.objects.create(staff=profile, group=group, date=day, start_time=start, end_time=end)


@pytest.fixture
def kdv(world):
    """Location A open Monday–Friday 07:00–18:30, group 'Dolfijnen' (0–4, 40 m²) with Saartje in it, and the
    staff member of A with a staff profile on that group."""
    from decimal import Decimal

    from tenants.calendar import services as calendar
    from tenants.children.models import Child
    from tenants.groups.models import Group, StaffProfile

    with at(world.a):
        calendar.set_week_hours({d: HOURS for d in range(5)})
        group = Group.objects.create(name="Dolfijnen", kind="stamgroep", play_space_m2=Decimal("40"), min_age=0,
                                     max_age=4)
        Child.objects.filter(pk=world.a.child_id).update(group=group)
        profile = StaffProfile.objects.create(user=world.a.staff)
        profile.groups.add(group)
        from tenants.attendance.selectors import local_today

        day = next_open_day(local_today())
    return Kdv(world.a, group, profile, day)


@pytest.fixture
def english(world):
    """Location A's people read the product in English in this test (the transaction rolls it back), so the
    tests can assert the English texts whatever the Dutch catalogue says."""
    from accounts.models import User

    User.objects.filter(pk__in=[world.a.entrepreneur.pk, world.a.staff.pk, world.a.parent.pk]).update(language="en")
    return world
