"""One table of cases feeds the public calculator (API and page), the planning and the extra-day decision: each
answers allowed or not with the same broken rules (issue 16, point 3).

Sources: Besluit kwaliteit kinderopvang (BWBR0039936), bijlage 1, tabel 1 (dagopvang) and tabel 2
(buitenschoolse opvang, with footnote 1: "waarvan maximaal negen kinderen van 4 tot 7 jaar"); the childminder's
limits with her own children under 10 counted (DESIGN.md, "Locations (001)").
"""
import re
from dataclasses import dataclass
from datetime import time
from decimal import Decimal

import pytest

from tenants.attendance import selectors, services
from tenants.attendance.models import ExtraDayRequest
from tests.conftest import make_user
from tests.tenants.attendance.conftest import HOURS, add_child, age_on, at, next_open_day, plan_extra_day


@dataclass(frozen=True)
class Case:
    name: str
    care: str
    ages: tuple[int, ...]  # placed children; the last one asks for the extra day
    staff: int
    own: tuple[int, ...] = ()  # the childminder's own children
    allowed: bool = True
    codes: tuple[str, ...] = ()


CASES = [
    Case("kdv 5 one-year-olds, 1 staff (table 1: 1:5)", "kdv", (1,) * 5, 1),
    Case("kdv 6 one-year-olds, 1 staff", "kdv", (1,) * 6, 1, allowed=False, codes=("not_enough_staff",)),
    Case("bso 10 of 4-6, 1 staff (table 2: 4-7, 1:10)", "bso", (5,) * 10, 1),
    Case("bso 9 younger + 2 older, 1 staff (4-13: 11, at most 9 younger)", "bso", (5,) * 9 + (8,) * 2, 1),
    Case("bso 10 younger + 1 older, 1 staff (footnote 1 broken)", "bso", (5,) * 10 + (8,), 1, allowed=False,
         codes=("not_enough_staff",)),
    Case("bso 21 of 4-6, 3 staff (4-7 at most 20)", "bso", (5,) * 21, 3, allowed=False, codes=("group_too_large",)),
    Case("childminder 3 placed + own child of 3", "gastouder", (1, 2, 5), 1, own=(3,)),
    Case("childminder 5 placed + own child of 11 (not counted)", "gastouder", (4, 5, 6, 7, 8, 9), 1, own=(11,)),
    Case("childminder 6 placed + own child of 9", "gastouder", (4, 5, 6, 7, 8), 1, own=(9, 6), allowed=False,
         codes=("childminder_too_many_children",)),
    Case("childminder own toddlers make 5 of 0 and 1", "gastouder", (0, 1, 5, 1), 1, own=(1, 1), allowed=False,
         codes=("childminder_too_many_age_0_and_1",)),
]
IDS = [case.name for case in CASES]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_the_public_calculator(case, client_for):
    body = {"care_type": case.care, "ages": list(case.ages), "staff": case.staff,
            "own_children_ages": list(case.own)}
    answer = client_for().post("/api/v1/tools/ratio-check", body, content_type="application/json").json()
    assert answer["allowed"] is case.allowed
    assert tuple(v["code"] for v in answer["violations"]) == case.codes

    page = client_for().post("/tools/ratio/", {
        "care_type": case.care, "ages": ", ".join(map(str, case.ages)), "staff": str(case.staff),
        "own_children_ages": ", ".join(map(str, case.own)), "has_backup": ""}).content.decode()
    assert tuple(re.findall(r'data-code="([a-z_0-9]+)"', page)) == case.codes


def _location(world, case):
    return world.b if case.care == "gastouder" else world.a


def _set_up(world, case):
    """The group of the case's care type on an open day, its children expected 08:00-17:00 by accepted extra
    days (all but the last placed child), `staff` carers on the roster; returns (site, group, day, last child)."""
    from tenants.calendar import services as calendar
    from tenants.groups.models import Group, Shift, StaffProfile

    site = _location(world, case)
    calendar.set_week_hours({d: HOURS for d in range(5)})
    kind = {"kdv": "stamgroep", "bso": "basisgroep", "gastouder": "gastouder"}[case.care]
    group = Group.objects.create(name=f"Test {case.care}", kind=kind, play_space_m2=Decimal("0"), min_age=0,
                                 max_age=12)
    day = next_open_day(selectors.local_today())
    children = [add_child(f"Kind{i}", age_on(day, age), group) for i, age in enumerate(case.ages)]
    children += [add_child(f"Eigen{i}", age_on(day, age), group, guardians=[site.entrepreneur])
                 for i, age in enumerate(case.own)]
    *others, last = children[: len(case.ages)]
    for child in others + children[len(case.ages):]:
        plan_extra_day(child, day)
    if case.care != "gastouder":  # a childminder cares herself whenever she is open
        for index in range(case.staff):
            user = make_user(f"carer{index}@{site.location.slug}.test", f"Carer {index}")
            profile = StaffProfile.objects.get_or_create(user=user)[0]
            Shift.objects.create(staff=profile, group=group, date=day, start_time=HOURS[0], end_time=HOURS[1])
    return site, group, day, last


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_the_planning(case, world):
    with at(_location(world, case)):
        site, group, day, last = _set_up(world, case)
        plan_extra_day(last, day)
        plan = selectors.group_day(group, day, now=selectors.at_local(day, time(0, 0), selectors.location_zone()))
        slot = next(slot for slot in plan.slots if slot.start == time(9, 0))
        assert slot.allowed is case.allowed
        assert tuple(slot.result.codes) == case.codes


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_the_extra_day_decision(case, world):
    with at(_location(world, case)):
        site, group, day, last = _set_up(world, case)
        decided = services.request_extra_day(last, date=day, start_time=time(8, 0), end_time=time(17, 0),
                                             by=site.entrepreneur)
        assert (decided.status == ExtraDayRequest.Status.ACCEPTED) is case.allowed
        assert tuple(reason["code"] for reason in decided.reasons) == case.codes
