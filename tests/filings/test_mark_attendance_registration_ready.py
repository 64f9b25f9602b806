"""Opgroeien's attendance registration of a month (Flemish location with income-related tariffs): per child by
kindcode and per day present (P), justified absence (G) or unjustified absence (O), from the attendance register
through the billing seam; refused when the agency's checks fail (a day without a plan, presence on a closing day)
or the child has no kindcode, with the month's occupancy."""
import csv
import io
from datetime import date

import pytest
from django.core.exceptions import ValidationError

from tests.billing.conftest import at, flemish_contract, local, stay

MARCH_CARE_DAYS = [date(2026, 3, d) for d in (2, 5, 9, 12, 16, 19, 23, 26, 30)]
REPORTED, UNREPORTED = date(2026, 3, 12), date(2026, 3, 16)


@pytest.fixture
def march(billing, flemish_a):
    from tenants.attendance import services as attendance

    world = billing
    _contract, child = flemish_contract(world, start="2026-03-02")
    with at(world.a):
        for day in MARCH_CARE_DAYS:
            if day not in (REPORTED, UNREPORTED):
                stay(child, day, "08:05:00", "16:50:00")
        attendance.report_absence(child, kind="sick", start_date=REPORTED, end_date=REPORTED, reason="koorts",
                                  by=world.a.parent, now=local(date(2026, 3, 11), "19:00:00"))
    return world, child


def _plan(world):
    from billing.filings import services
    from billing.filings.models import Filing

    services.plan(today=date(2026, 4, 2))
    return Filing.objects.get(kind="vlg_attendance", period_start=date(2026, 3, 1))


def test_a_child_without_a_kindcode_is_refused(march):
    from billing.filings import services

    world, child = march
    with at(world.a):
        filing = _plan(world)
        with pytest.raises(ValidationError) as refused:
            services.mark_ready(filing, user=world.a.entrepreneur, today=date(2026, 4, 2))
        [message] = refused.value.message_dict["filing"]
        assert child.full_name in message and "kindcode" in message
        filing.refresh_from_db()
        assert filing.status == "todo"


def test_the_registration_per_child_and_day(march):
    from billing.filings import services

    world, child = march
    with at(world.a):
        services.set_child_numbers(child, kindcode="K123456")
        filing = services.mark_ready(_plan(world), user=world.a.entrepreneur, today=date(2026, 4, 2))
    rows = list(csv.DictReader(io.StringIO(bytes(filing.content).decode()), delimiter=";"))
    assert [(r["datum"], r["code"]) for r in rows] == [
        (day.isoformat(), "G" if day == REPORTED else "O" if day == UNREPORTED else "P") for day in MARCH_CARE_DAYS]
    assert {r["kindcode"] for r in rows} == {"K123456"}
    # 7 days present ÷ (16 licensed places × 22 days open) = 1.99 %
    assert filing.summary == {"children": 1, "present_days": 7, "occupancy": "2.0"}


def test_presence_without_a_plan_or_on_a_closing_day_is_refused(march):
    from billing.filings import services
    from tenants.calendar import services as calendar

    world, child = march
    with at(world.a):
        services.set_child_numbers(child, kindcode="K123456")
        stay(child, date(2026, 3, 18), "08:00:00", "12:00:00")  # a Wednesday: no plan, no extra day
        calendar.set_closing_weeks(year=2026, weeks=[14])  # 30 March – 5 April
        with pytest.raises(ValidationError) as refused:
            services.mark_ready(_plan(world), user=world.a.entrepreneur, today=date(2026, 4, 2))
    messages = refused.value.message_dict["filing"]
    assert any("2026-03-18" in m and "without a plan" in m for m in messages)
    assert any("2026-03-30" in m and "closed" in m for m in messages)


def test_attendance_codes_and_checks():
    from billing.filings import rules

    day = date(2026, 3, 2)
    assert rules.attendance_code(rules.DayFacts(day, booked=True, present=True)) == "P"
    assert rules.attendance_code(rules.DayFacts(day, booked=True, present=False, absence_kind="sick")) == "G"
    assert rules.attendance_code(rules.DayFacts(day, booked=True, present=False)) == "O"
    assert rules.attendance_code(rules.DayFacts(day, booked=True, present=False, closed=True)) is None
    assert rules.attendance_code(rules.DayFacts(day, booked=False, present=False)) is None
    [problem] = rules.attendance_problems("Wout", [rules.DayFacts(day, booked=True, present=False,
                                                                  absence_kind="strike")])
    assert problem.field == "absence" and problem.params["kind"] == "strike"
    assert rules.occupancy(7, 16, 22) == rules.Decimal("2.0") and rules.occupancy(1, 0, 22) is None

