"""Correcting the times of a stay afterwards (tenants.attendance.corrections.correct_times): the entrepreneur any
day of the last year, staff only today's and yesterday's stays (a check-out forgotten last night, put right the
next morning; rules.may_correct_times), a parent never (a parent disputes within 24 hours instead).

An invoiced Flemish month is priced again with the same rules (seed 003, 4.2.1: a day from 5 to 11 hours is a
full day, under 5 hours 60 %): a short day corrected into a full day costs more — a correction invoice of its own;
the other way round a credit note. Bad input is a field error, never a 500."""
from datetime import date, time, timedelta
from decimal import Decimal

import pytest

from tests.billing.conftest import at, flemish_contract, local, monthly_invoice, run, stay

D = Decimal
MONDAY = date(2026, 3, 2)


def correct(record, check_in, check_out, *, by, entrepreneur=True, now=None):
    from tenants.attendance import corrections

    return corrections.correct_times(record, check_in=time.fromisoformat(check_in),
                                     check_out=time.fromisoformat(check_out) if check_out else None,
                                     reason="Vergeten uit te checken.", by=by, entrepreneur=entrepreneur, now=now)


@pytest.fixture
def invoiced_short_day(billing, flemish_a):
    """Monday 2 March 08:00–12:00 (a short day, 60 % of 25.00, half-day diapers), invoiced on 2 April."""
    contract, child = flemish_contract(billing)
    with at(billing.a):
        record = stay(child, MONDAY, "08:00:00", "12:00:00")
    run(billing, 2026, 3, today=date(2026, 4, 2))
    billing.contract, billing.child, billing.record = contract, child, record
    return billing


def test_a_short_day_corrected_into_a_full_day_gets_a_correction_invoice(invoiced_short_day):
    from billing.invoices.models import Invoice

    world = invoiced_short_day
    with at(world.a):
        march = monthly_invoice(world.contract, 2026, 3)
        change = correct(world.record, "08:00", "17:00", by=world.a.entrepreneur)
        [correction] = march.corrections.all()
        # 25.00 − 15.00 for the day, 1.82 − 1.09 for the diapers.
        assert correction.amount == D("10.73") and correction.credit_note is None
        extra = correction.correction_invoice
        assert extra.kind == Invoice.Kind.MANUAL and extra.status == Invoice.Status.SENT and extra.number
        assert extra.total == D("10.73") and (extra.period_start, extra.period_end) == (march.period_start,
                                                                                        march.period_end)
        assert change.before == {"check_in": "08:00", "check_out": "12:00"}
        assert change.after == {"check_in": "08:00", "check_out": "17:00"}
        world.record.refresh_from_db()
        assert world.record.check_out == local(MONDAY, "17:00:00")


def test_a_full_day_corrected_into_a_short_day_gets_a_credit_note(billing, flemish_a):
    contract, child = flemish_contract(billing)
    with at(billing.a):
        record = stay(child, MONDAY, "08:00:00", "17:00:00")
    run(billing, 2026, 3, today=date(2026, 4, 2))
    with at(billing.a):
        march = monthly_invoice(contract, 2026, 3)
        correct(record, "08:00", "12:00", by=billing.a.entrepreneur)
        assert list(march.credit_notes.values_list("total", flat=True)) == [D("10.73")]


def test_staff_correct_yesterday_but_not_last_week(invoiced_short_day):
    from django.core.exceptions import ValidationError

    world = invoiced_short_day
    with at(world.a):
        correct(world.record, "08:00", "12:30", by=world.a.staff, entrepreneur=False,
                now=local(MONDAY + timedelta(days=1), "08:30:00"))
        with pytest.raises(ValidationError) as refused:
            correct(world.record, "08:00", "13:00", by=world.a.staff, entrepreneur=False,
                    now=local(MONDAY + timedelta(days=3), "08:30:00"))
        assert "date" in refused.value.message_dict


@pytest.mark.parametrize("data, field", [
    ({"check_in": "12:00", "check_out": "08:00"}, "check_out"),     # check-out before check-in
    ({"check_in": "08:00", "check_out": ""}, "check_out"),          # a completed stay keeps a departure
    ({"check_in": "", "check_out": "12:00"}, "check_in"),
    ({"check_in": "08:00", "check_out": "12:00"}, "check_in"),      # nothing changed
    ({"check_in": "8 uur", "check_out": "12:00"}, "check_in"),
    ({"check_in": "08:00", "check_out": "17:00", "reason": ""}, "reason"),
])
def test_bad_input_is_a_field_error(invoiced_short_day, client_for, data, field):
    world = invoiced_short_day
    page = client_for(world.a.entrepreneur, world.a).post(f"/attendance/corrections/stays/{world.record.pk}/",
                                                          {"reason": "typo", **data})
    assert page.status_code == 400
    assert field in page.context["form"].errors


def test_the_page_corrects_and_the_parent_reads_the_history(invoiced_short_day, client_for):
    world = invoiced_short_day
    owner = client_for(world.a.entrepreneur, world.a)
    assert owner.get(f"/attendance/corrections/?date={MONDAY.isoformat()}").status_code == 200
    assert owner.get(f"/attendance/corrections/stays/{world.record.pk}/").status_code == 200
    done = owner.post(f"/attendance/corrections/stays/{world.record.pk}/",
                      {"check_in": "08:00", "check_out": "17:00", "reason": "Vergeten uit te checken."})
    assert done.status_code == 302
    history = client_for(world.a.parent, world.a).get("/attendance/history/").content.decode()
    assert "08:00–12:00" in history and "08:00–17:00" in history and "Vergeten uit te checken." in history
    assert world.a.entrepreneur.full_name in history


def test_wrong_role_and_another_location(invoiced_short_day, client_for):
    world = invoiced_short_day
    url = f"/attendance/corrections/stays/{world.record.pk}/"
    data = {"check_in": "08:00", "check_out": "17:00", "reason": "x"}
    assert client_for(world.a.parent, world.a).post(url, data).status_code == 403
    assert client_for(world.b.entrepreneur, world.b).post(url, data).status_code == 404  # B has no such stay
    assert client_for(world.b.entrepreneur, world.a).post(url, data).status_code == 403
    assert client_for(world.a.parent, world.a).get("/attendance/corrections/").status_code == 403
    with at(world.a):
        world.record.refresh_from_db()
        assert world.record.check_out == local(MONDAY, "12:00:00")


def test_the_api_corrects_and_refuses(invoiced_short_day, api):
    world = invoiced_short_day
    url = f"/api/v1/attendance/corrections/stays/{world.record.pk}/"
    assert api(world.a.parent, world.a).post(url, {"check_in": "08:00", "check_out": "17:00",
                                                   "reason": "x"}).status_code == 403
    bad = api(world.a.entrepreneur, world.a).post(url, {"check_in": "17:00", "check_out": "08:00", "reason": "x"})
    assert bad.status_code == 400 and "check_out" in bad.json()
    done = api(world.a.entrepreneur, world.a).post(url, {"check_in": "08:00", "check_out": "17:00",
                                                         "reason": "Vergeten."})
    assert done.status_code == 201
    body = done.json()
    assert body["action"] == "times_corrected" and body["invoice_corrections"][0]["amount"] == "10.73"
    assert api(world.a.parent, world.a).get("/api/v1/attendance/corrections/").json()[0]["id"] == body["id"]
    assert api(world.a.staff, world.a).get("/api/v1/attendance/corrections/").status_code == 403


def test_a_dutch_flexible_quarter_already_settled_is_corrected(billing):
    """NL flexible (seed 001, 2.2): the quarter's registered hours are settled against the advances in the first
    month of the next quarter; a stay of the quarter corrected afterwards changes that settlement: 5 hours more
    × 10.25 = 51.25 on a correction invoice for April."""
    from billing.invoices import services
    from tenants.children.models import Child
    from tests.billing.conftest import location_of, make_contract

    contract = make_contract(billing, schedule=[], schedule_type="flexible", estimate=D("150"))
    with at(billing.a):
        child = Child.objects.get(pk=billing.a.child_id)
        record = stay(child, MONDAY, "08:00:00", "12:00:00")
        for month in (1, 2, 3, 4):
            services.run_month(location_of(billing.a), 2026, month, today=date(2026, month, 1))
        april = monthly_invoice(contract, 2026, 4)
        assert april.lines.get(kind="settlement").quantity == D("-146")
        correct(record, "08:00", "17:00", by=billing.a.entrepreneur)
        [correction] = april.corrections.all()
        assert correction.amount == D("51.25") and correction.correction_invoice.total == D("51.25")
        # The advances of January to March do not depend on the register: not corrected.
        assert not monthly_invoice(contract, 2026, 3).corrections.exists()


def test_accepting_a_disputed_time_after_invoicing_corrects_the_invoice(invoiced_short_day):
    """A dispute of the month's last days may be decided after the Flemish month was invoiced (the 24 hours of
    seed 003, 6.3 run from the registration; the entrepreneur decides later): accepting it is a correction of
    the register like any other — in the history with the parent's reason, and the invoice corrected."""
    from tenants.attendance import services
    from tenants.attendance.models import RegisterChange, TimeDispute

    world = invoiced_short_day
    with at(world.a):
        dispute = TimeDispute.objects.create(
            record=world.record, original_check_in=world.record.check_in, original_check_out=world.record.check_out,
            proposed_check_in=world.record.check_in, proposed_check_out=local(MONDAY, "17:00:00"),
            reason="Ik haalde hem om vijf uur op.", raised_by=world.a.parent, raised_at=local(MONDAY, "20:00:00"))
        services.resolve_dispute(dispute, accept=True, by=world.a.entrepreneur)
        change = RegisterChange.objects.get()
        assert (change.before["check_out"], change.after["check_out"]) == ("12:00", "17:00")
        assert change.reason == "Ik haalde hem om vijf uur op."
        [correction] = monthly_invoice(world.contract, 2026, 3).corrections.all()
        assert correction.amount == D("10.73")
