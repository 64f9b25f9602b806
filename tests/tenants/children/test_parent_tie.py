"""The rule that ties a parent to a location: she is a parent there while she is a guardian of at least one
child there whose place has not ended (the last day of care is the contract's end date, in the location's own
day); her roles as entrepreneur or staff do not depend on it. A table of cases, then the same rule read from
a location's data."""
from datetime import UTC, date, datetime, timedelta

import pytest
from django.utils import timezone

from tenants.children import rules

TODAY = date(2026, 5, 20)
YESTERDAY, TOMORROW = TODAY - timedelta(days=1), TODAY + timedelta(days=1)
RUNNING = [(date(2025, 1, 6), None)]
ENDS_TODAY = [(date(2025, 1, 6), TODAY)]
ENDED_YESTERDAY = [(date(2025, 1, 6), YESTERDAY)]
ENDS_TOMORROW = [(date(2025, 1, 6), TOMORROW)]
NO_CONTRACT_YET: list = []
STARTS_NEXT_MONTH = [(date(2026, 6, 1), None)]
LEFT_AND_BACK = [(date(2024, 1, 8), date(2025, 7, 31)), (date(2026, 9, 1), None)]

CASES = [
    # (case, memberships, places (per child, its contracts' periods), roles today)
    ("guardian of one child in care", {"parent"}, [RUNNING], {"parent"}),
    ("guardian of two, removed from one", {"parent"}, [RUNNING], {"parent"}),
    ("removed from the last child", {"parent"}, [], set()),
    ("the child's last day of care is today", {"parent"}, [ENDS_TODAY], {"parent"}),
    ("the child's last day of care was yesterday", {"parent"}, [ENDED_YESTERDAY], set()),
    ("the child leaves tomorrow", {"parent"}, [ENDS_TOMORROW], {"parent"}),
    ("one child left, the other stays", {"parent"}, [ENDED_YESTERDAY, RUNNING], {"parent"}),
    ("both children left", {"parent"}, [ENDED_YESTERDAY, ENDED_YESTERDAY], set()),
    ("registered, the first contract still to be made", {"parent"}, [NO_CONTRACT_YET], {"parent"}),
    ("the contract starts next month", {"parent"}, [STARTS_NEXT_MONTH], {"parent"}),
    ("left, with a new contract ahead", {"parent"}, [LEFT_AND_BACK], {"parent"}),
    ("staff, removed from her own child", {"parent", "staff"}, [], {"staff"}),
    ("entrepreneur whose own child left", {"parent", "entrepreneur"}, [ENDED_YESTERDAY], {"entrepreneur"}),
    ("staff without children here", {"staff"}, [], {"staff"}),
    ("no parent membership, though linked", set(), [RUNNING], set()),
]


@pytest.mark.parametrize(("memberships", "places", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_roles_at_location(memberships, places, expected):
    assert rules.roles_at_location(memberships, places, TODAY) == expected


@pytest.mark.parametrize(("periods", "ended"), [
    (NO_CONTRACT_YET, False), (RUNNING, False), (ENDS_TODAY, False), (ENDS_TOMORROW, False),
    (ENDED_YESTERDAY, True), (LEFT_AND_BACK, False), ([(date(2024, 1, 8), date(2025, 7, 31))], True),
])
def test_place_ended(periods, ended):
    assert rules.place_ended(periods, TODAY) is ended


def test_a_second_location_is_decided_on_its_own_facts():
    """Per location, from that location's children only: the tie ending at one changes nothing at another."""
    facts = {"alpha": ({"parent"}, []), "beta": ({"parent"}, [RUNNING])}
    assert {where: rules.roles_at_location(m, p, TODAY) for where, (m, p) in facts.items()} == {
        "alpha": set(), "beta": {"parent"}}


# --- the same rule read from a location's data ---------------------------------------------------


def at_utc(*args):
    return lambda: datetime(*args, tzinfo=UTC)


def test_the_day_turns_at_midnight_in_the_locations_time_zone(world, monkeypatch):
    from tenants.children import selectors
    from tenants.contracts.models import Contract
    from tests.tenants.conftest import in_schema, make_child

    child = make_child(world.a, guardians=[world.a.parent])
    with in_schema(world.a):
        Contract.objects.create(child=child, care_type="kdv", start_date=date(2025, 9, 1), end_date=date(2026, 3, 1),
                                status=Contract.Status.ACTIVE)
        # Amsterdam is UTC+1 on 1 March: 22:59 UTC is the last minute of the last day there, 23:00 UTC the next day.
        monkeypatch.setattr(timezone, "now", at_utc(2026, 3, 1, 22, 59))
        assert child.pk in selectors.running_child_ids(world.a.parent)
        monkeypatch.setattr(timezone, "now", at_utc(2026, 3, 1, 23, 0))
        assert child.pk not in selectors.running_child_ids(world.a.parent)
        assert world.a.child_id in selectors.running_child_ids(world.a.parent), "Saartje has no contract yet"


def test_roles_here_drop_only_the_parent_role(world):
    from accounts.roles import roles_for
    from tenants.children import services
    from tests.tenants.conftest import in_schema, make_child

    child = make_child(world.a, guardians=[world.a.staff])
    assert roles_for(world.a.staff, world.a.location) == {"parent", "staff"}
    with in_schema(world.a):
        assert services.remove_guardian(child, world.a.staff, actor=world.a.entrepreneur) is True
    assert roles_for(world.a.staff, world.a.location) == {"staff"}
    assert roles_for(world.a.staff, world.b.location) == set()
    assert roles_for(world.two_location_parent, world.b.location) == {"parent"}


def test_removing_one_of_two_children_keeps_the_membership(world):
    from accounts.models import Membership
    from tenants.children import services
    from tests.tenants.conftest import in_schema, make_child

    second = make_child(world.a, guardians=[world.a.parent])
    with in_schema(world.a):
        assert services.remove_guardian(second, world.a.parent, actor=world.a.entrepreneur) is False
    assert Membership.objects.get(user=world.a.parent, location=world.a.location, role="parent").is_active
