"""The entrepreneur withdraws an accepted extra day, also one gone by (tenants.attendance.corrections
.withdraw_extra_day): the day is no longer booked. Seed 003, 4.3: "Een extra dag zal ook aangerekend worden" —
a booked extra day the child did not come to took an absence day and, never reported, the fine of 4.3.2; once
withdrawn, nothing was booked: the invoiced month is credited."""
from datetime import date, time
from decimal import Decimal

import pytest

from tests.billing.conftest import at, flemish_contract, local, monthly_invoice, run, stay

MONDAY, WEDNESDAY = date(2026, 3, 2), date(2026, 3, 4)


@pytest.fixture
def booked_extra_day(billing, flemish_a):
    from tenants.attendance.models import ExtraDayRequest

    contract, child = flemish_contract(billing)
    with at(billing.a):
        stay(child, MONDAY, "08:00:00", "17:00:00")
        billing.extra = ExtraDayRequest.objects.create(
            child=child, date=WEDNESDAY, start_time=time(8), end_time=time(17), requested_by=billing.a.parent,
            requested_at=local(date(2026, 2, 20), "12:00:00"), status=ExtraDayRequest.Status.ACCEPTED)
    run(billing, 2026, 3, today=date(2026, 4, 2))
    billing.contract, billing.child = contract, child
    return billing


def test_withdrawing_credits_the_fine_of_the_day(booked_extra_day, client_for):
    from tenants.attendance.models import ExtraDayRequest

    world = booked_extra_day
    with at(world.a):
        march = monthly_invoice(world.contract, 2026, 3)
        assert [line.description for line in march.lines.filter(kind="fine", description__contains="4 March 2026")]
    owner = client_for(world.a.entrepreneur, world.a)
    url = f"/attendance/corrections/extra-days/{world.extra.pk}/withdraw/"
    assert owner.get(url).status_code == 200
    assert owner.post(url, {"reason": "Per vergissing ingepland."}).status_code == 302
    with at(world.a):
        world.extra.refresh_from_db()
        assert world.extra.status == ExtraDayRequest.Status.CANCELLED
        [correction] = march.corrections.all()
        assert correction.amount == Decimal("-10.00") and correction.credit_note.total == Decimal("10.00")


def test_withdrawing_twice_is_refused(booked_extra_day, client_for, api):
    owner = client_for(booked_extra_day.a.entrepreneur, booked_extra_day.a)
    url = f"/attendance/corrections/extra-days/{booked_extra_day.extra.pk}/withdraw/"
    assert owner.post(url, {"reason": "x"}).status_code == 302
    assert owner.post(url, {"reason": "x"}).status_code == 404  # no longer an accepted extra day
    api_url = f"/api/v1/attendance/corrections/extra-days/{booked_extra_day.extra.pk}/withdraw/"
    assert api(booked_extra_day.a.entrepreneur, booked_extra_day.a).post(api_url, {"reason": "x"}).status_code == 404


def test_wrong_role_and_another_location(booked_extra_day, client_for, api):
    from tenants.attendance.models import ExtraDayRequest

    world = booked_extra_day
    url = f"/attendance/corrections/extra-days/{world.extra.pk}/withdraw/"
    for user in (world.a.staff, world.a.parent, world.b.entrepreneur):
        assert client_for(user, world.a).post(url, {"reason": "x"}).status_code == 403
    assert client_for(world.b.entrepreneur, world.b).post(url, {"reason": "x"}).status_code == 404
    api_url = f"/api/v1/attendance/corrections/extra-days/{world.extra.pk}/withdraw/"
    assert api(world.a.staff, world.a).post(api_url, {"reason": "x"}).status_code == 403
    with at(world.a):
        world.extra.refresh_from_db()
        assert world.extra.status == ExtraDayRequest.Status.ACCEPTED
    assert api(world.a.entrepreneur, world.a).post(api_url, {"reason": "x"}).status_code == 201
