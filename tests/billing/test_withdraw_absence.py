"""The entrepreneur withdraws an absence report (tenants.attendance.corrections.withdraw_absence): the report
goes, the history keeps what it said, who withdrew it and why. In an invoiced Flemish month the day becomes a
booked day not come and never reported (seed 003, 4.3.2: "Indien u niet verwittigt voor 8 uur, wordt u een
boete aangerekend van 10 euro"): the fine comes back on a correction invoice."""
from datetime import date
from decimal import Decimal

import pytest

from tests.billing.conftest import at, flemish_contract, local, monthly_invoice, run, stay

MONDAY, THURSDAY = date(2026, 3, 2), date(2026, 3, 5)


@pytest.fixture
def reported_in_time(billing, flemish_a):
    from tenants.attendance import services

    contract, child = flemish_contract(billing)
    with at(billing.a):
        stay(child, MONDAY, "08:00:00", "17:00:00")
        billing.absence = services.report_absence(child, kind="sick", start_date=THURSDAY, reason="ziek",
                                                  by=billing.a.parent, now=local(THURSDAY, "07:00:00"))
    run(billing, 2026, 3, today=date(2026, 4, 2))
    billing.contract, billing.child = contract, child
    return billing


def test_withdrawing_brings_the_fine_back_on_a_correction_invoice(reported_in_time, client_for):
    from tenants.attendance.models import Absence, RegisterChange

    world = reported_in_time
    owner = client_for(world.a.entrepreneur, world.a)
    url = f"/attendance/corrections/absences/{world.absence.pk}/withdraw/"
    assert owner.get(url).status_code == 200
    assert owner.post(url, {"reason": "Saartje was er toch."}).status_code == 302
    with at(world.a):
        assert not Absence.objects.exists()
        change = RegisterChange.objects.get()
        assert change.before["kind"] == "sick" and change.reason == "Saartje was er toch."
        [correction] = monthly_invoice(world.contract, 2026, 3).corrections.all()
        assert correction.amount == Decimal("10.00") and correction.correction_invoice.total == Decimal("10.00")


def test_no_reason_is_a_field_error(reported_in_time, client_for):
    page = client_for(reported_in_time.a.entrepreneur, reported_in_time.a).post(
        f"/attendance/corrections/absences/{reported_in_time.absence.pk}/withdraw/", {"reason": " "})
    assert page.status_code == 400 and "reason" in page.context["form"].errors


def test_wrong_role_and_another_location(reported_in_time, client_for, api):
    from tenants.attendance.models import Absence

    world = reported_in_time
    url = f"/attendance/corrections/absences/{world.absence.pk}/withdraw/"
    for user in (world.a.staff, world.a.parent, world.b.entrepreneur):
        assert client_for(user, world.a).post(url, {"reason": "x"}).status_code == 403
    assert client_for(world.b.entrepreneur, world.b).post(url, {"reason": "x"}).status_code == 404
    api_url = f"/api/v1/attendance/corrections/absences/{world.absence.pk}/withdraw/"
    assert api(world.a.parent, world.a).post(api_url, {"reason": "x"}).status_code == 403
    assert api(world.b.entrepreneur, world.b).post(api_url, {"reason": "x"}).status_code == 404
    with at(world.a):
        assert Absence.objects.count() == 1
    assert api(world.a.entrepreneur, world.a).post(api_url, {"reason": ""}).status_code == 400
    assert api(world.a.entrepreneur, world.a).post(api_url, {"reason": "x"}).status_code == 201
