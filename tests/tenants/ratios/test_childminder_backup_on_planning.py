"""The childminder's planning and tablet count her own children under 10 and, from the fourth child present, say
who her backup person (achterwacht) is that day with a phone number, or warn that none is set.

Source: DESIGN.md "Ratios": "the limits ... count the childminder's own children under 10; from the fourth child
present a backup person must be set for the day"."""
import re
from datetime import time
from decimal import Decimal

import pytest

from tenants.attendance import selectors
from tenants.groups.models import BackupPerson, Group
from tenants.ratios.selectors import ratio_now
from tests.tenants.attendance.conftest import HOURS, add_child, age_on, at, next_open_day, plan_extra_day


@pytest.fixture
def home(world):
    """World B (a childminder) open on weekdays, her group with three placed children expected on `day`."""
    from tenants.calendar import services as calendar

    with at(world.b):
        calendar.set_week_hours({d: HOURS for d in range(5)})
        group = Group.objects.create(name="Thuis", kind="gastouder", play_space_m2=Decimal("0"), max_age=12)
        day = next_open_day(selectors.local_today())
        for index, age in enumerate((1, 2, 5)):
            plan_extra_day(add_child(f"Kind{index}", age_on(day, age), group), day)
    return group, day


def own_child(world, group, day, age):
    with at(world.b):
        plan_extra_day(add_child("Lotte", age_on(day, age), group, guardians=[world.b.entrepreneur]), day)


def planning(world, client_for, day) -> str:
    response = client_for(world.b.entrepreneur, world.b).get("/attendance/planning/", {"date": day.isoformat()})
    assert response.status_code == 200
    return response.content.decode()


def counted_at_nine(html: str) -> int:
    row = re.search(r'09:00–09:30</th>.*?data-label="Counted">(\d+)<', html, re.S)
    return int(row.group(1))


def test_her_own_child_under_10_makes_the_fourth_and_without_a_backup_the_planning_warns(world, client_for, home,
                                                                                          english):
    group, day = home
    own_child(world, group, day, 3)
    html = planning(world, client_for, day)
    assert counted_at_nine(html) == 4
    assert 'data-backup="missing"' in html and 'role="alert"' in html
    assert "No backup person (achterwacht) is set for this day." in html
    assert "no backup person set" in html
    assert f'href="/backup/?date={day.isoformat()}"' in html


def test_with_a_backup_set_the_planning_names_it_with_its_phone(world, client_for, home, english):
    group, day = home
    own_child(world, group, day, 3)
    with at(world.b):
        BackupPerson.objects.create(date=day, name="Oma Ans", phone="06 1234 5678")
    html = planning(world, client_for, day)
    assert 'data-backup="set"' in html
    assert "Oma Ans" in html and 'href="tel:0612345678"' in html
    assert "backup: Oma Ans" in html
    assert "no backup person set" not in html


def test_an_own_child_of_10_or_older_does_not_count(world, client_for, home, english):
    group, day = home
    own_child(world, group, day, 11)
    html = planning(world, client_for, day)
    assert counted_at_nine(html) == 3
    assert 'data-backup="missing"' not in html


def test_in_dutch(world, client_for, home):
    from accounts.models import User

    group, day = home
    own_child(world, group, day, 3)
    User.objects.filter(pk=world.b.entrepreneur.pk).update(language="nl")
    html = planning(world, client_for, day)
    assert "Voor deze dag is geen achterwacht ingesteld." in html
    assert "geen achterwacht ingesteld" in html


def test_the_tablet_shows_the_ratio_of_this_moment_and_the_backup(world, home):
    group, day = home
    own_child(world, group, day, 3)
    with at(world.b):
        BackupPerson.objects.create(date=day, name="Oma Ans", phone="0612345678")
        now = selectors.at_local(day, time(9, 10), selectors.location_zone())
        [row] = ratio_now([group], day, now=now)
    assert (row.slot.start, row.slot.counted, row.slot.staff, row.slot.allowed) == (time(9, 0), 4, 1, True)
    assert row.backup.needed and row.backup.person.name == "Oma Ans"


def test_the_tablet_page_has_the_ratio_panel_per_group(world, client_for, home, english):
    group, _day = home
    html = client_for(world.b.entrepreneur, world.b).get("/attendance/").content.decode()
    panel = html[html.index('id="ratio-now"'):]
    assert f'data-group="{group.pk}"' in panel and "Thuis" in panel


def test_other_groups_have_no_backup_line(world, client_for, english):
    from tenants.calendar import services as calendar

    with at(world.a):
        calendar.set_week_hours({d: HOURS for d in range(5)})
        Group.objects.create(name="Dolfijnen", kind="stamgroep", play_space_m2=Decimal("40"))
        day = next_open_day(selectors.local_today())
    html = client_for(world.a.entrepreneur, world.a).get("/attendance/planning/", {"date": day.isoformat()})
    assert "data-backup" not in html.content.decode()
