"""The entrepreneur records an absence afterwards, for days gone by (tenants.attendance.corrections
.report_past_absence), and what it does to the invoice.

What a report afterwards means (seed 003, 4.3.2 "Indien uw kind niet komt naar de groepsopvang, dan kan u dit
telefonisch melden op de gsm van de leefgroep van uw kind. Dit kan tot ten laatste de dag zelf voor 8u 's
morgens. Indien u niet verwittigt voor 8 uur, wordt u een boete aangerekend van 10 euro (+ het opnemen van een
respijtdag of een niet gerechtvaardigde afwezigheidsdag)"): parents report by phone, so the entrepreneur may
enter later a call that came in time — the report then counts from that call, before 08:00: no fine. When
nobody told the location, the report counts from the moment it is entered: after 08:00 on every day gone by,
so late, and the fine stays (late instead of never reported: the same 10 euro, and the absence day is taken
either way). A parent cannot report a day gone by (services.report_absence refuses it): afterwards, only the
location knows whether it was told in time.

Before the month is invoiced the run simply reads the corrected register; after, the difference is settled
at once (billing.invoices.register_corrections) and the parent reads why on the invoice page, in Dutch.
"""
from datetime import date, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from tests.billing.conftest import (
    at,
    closing_weeks,
    flemish_contract,
    local,
    location_of,
    make_contract,
    monthly_invoice,
    run,
    stay,
)

D = Decimal
MONDAY, THURSDAY = date(2026, 3, 2), date(2026, 3, 5)
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def record(world, child, day, *, told=None, now=None, kind="sick", end=None, by=None):
    from tenants.attendance import corrections

    return corrections.report_past_absence(
        child, kind=kind, start_date=day, end_date=end, reason="De moeder belde, ziek.", reported_at=told,
        by=by or world.a.entrepreneur, now=now or local(date(2026, 4, 10), "10:00:00"))


def fines_of(invoice):
    return sorted((line.description, line.amount) for line in invoice.lines.filter(kind="fine"))


@pytest.mark.parametrize("case, told, credited", [
    # 4.3.2: told by phone before 08:00 on the day, entered afterwards: reported in time, no fine.
    ("the parent phoned at 07:30 on the day", local(THURSDAY, "07:30:00"), D("10.00")),
    ("the parent phoned the evening before", local(date(2026, 3, 4), "19:00:00"), D("10.00")),
    # 4.3.2: "niet verwittigt voor 8 uur": 08:00 itself is late, the fine stays.
    ("the parent phoned at 08:00 on the day", local(THURSDAY, "08:00:00"), None),
    # Nobody told the location: the report counts from now, late; the fine stays (late instead of unreported).
    ("nobody told the location", None, None),
])
def test_a_report_afterwards_in_an_invoiced_flemish_month(billing, flemish_a, case, told, credited):
    """Monday 2 March attended, Thursday 5 March not come and not reported: 10 euro and an absence day on the
    invoice for March; the entrepreneur then records the absence of 5 March, on 10 April."""
    from billing.invoices.models import CreditNote, InvoiceCorrection

    contract, child = flemish_contract(billing, end="2026-03-06")
    with at(billing.a):
        stay(child, MONDAY, "08:00:00", "17:00:00")
    run(billing, 2026, 3, today=date(2026, 4, 2))
    with at(billing.a):
        invoice = monthly_invoice(contract, 2026, 3)
        assert [amount for _d, amount in fines_of(invoice)] == [D("10.00")]
        change = record(billing, child, THURSDAY, told=told)
        notes = list(CreditNote.objects.filter(invoice=invoice).values_list("total", flat=True))
        corrections = list(InvoiceCorrection.objects.filter(invoice=invoice))
        assert notes == ([credited] if credited else []), case
        assert [c.amount for c in corrections] == ([-credited] if credited else []), case
        assert change.child_id == child.pk and change.actor_id == billing.a.entrepreneur.pk


def test_before_the_month_is_invoiced_the_run_reads_the_report(billing, flemish_a):
    contract, child = flemish_contract(billing, end="2026-03-06")
    with at(billing.a):
        stay(child, MONDAY, "08:00:00", "17:00:00")
        record(billing, child, THURSDAY, told=local(THURSDAY, "07:30:00"), now=local(date(2026, 3, 20), "09:00"))
    run(billing, 2026, 3, today=date(2026, 4, 2))
    with at(billing.a):
        invoice = monthly_invoice(contract, 2026, 3)
        assert fines_of(invoice) == [] and not invoice.corrections.exists()


def test_a_hospitalisation_with_its_certificate_frees_the_absence_day(billing, flemish_a):
    """4.3.1: a hospitalisation with a doctor's certificate in time takes no absence day. With the quota used
    up (justified days set to 0 is not allowed; a full-time number of 18 for 2 days a week gives 7 days: the
    test uses up the quota first), the unjustified day at 60 % and the fine are credited."""
    from billing.invoices.models import CreditNote
    from billing.tariffs.models import TariffSettings
    from tenants.attendance import services as attendance

    contract, child = flemish_contract(billing, start="2026-01-01", end="2026-03-06")
    with at(billing.a):
        settings = TariffSettings.load()
        settings.justified_absence_days = 18
        settings.save()
    run(billing, 2026, 1, today=date(2026, 2, 2))   # January: nobody came, every day an absence day
    run(billing, 2026, 2, today=date(2026, 3, 2))
    with at(billing.a):
        stay(child, MONDAY, "08:00:00", "17:00:00")
    run(billing, 2026, 3, today=date(2026, 4, 2))
    with at(billing.a):
        march = monthly_invoice(contract, 2026, 3)
        unjustified = march.lines.get(kind="absence")
        assert "Unjustified" in unjustified.description and unjustified.amount == D("15.00")
        change = record(billing, child, THURSDAY, told=local(THURSDAY, "07:00:00"), kind="hospital")
        absence = child.absences.get()
        attendance.record_certificate(absence, received_on=date(2026, 3, 9), by=billing.a.entrepreneur,
                                      now=local(date(2026, 4, 10), "10:00:00"))
        # The certificate is recorded afterwards too; the correction of the report itself already took the fine.
        assert list(CreditNote.objects.filter(invoice=march).values_list("total", flat=True)) == [D("10.00")]
        assert change.action == "absence_added"


def test_the_parent_reads_the_correction_in_dutch(billing, flemish_a, client_for):
    """The place still runs (a parent whose place has ended no longer has the parent's role at the location)."""
    from accounts.models import User

    contract, child = flemish_contract(billing)
    User.objects.filter(pk__in=[billing.a.parent.pk, billing.a.entrepreneur.pk]).update(language="nl")
    with at(billing.a):
        stay(child, MONDAY, "08:00:00", "17:00:00")
    run(billing, 2026, 3, today=date(2026, 4, 2))
    with at(billing.a):
        invoice = monthly_invoice(contract, 2026, 3)
        record(billing, child, THURSDAY, told=local(THURSDAY, "07:30:00"))
    page = client_for(billing.a.parent, billing.a).get(f"/billing/invoices/{invoice.pk}/").content.decode()
    name = billing.a.entrepreneur.full_name
    assert "Correctie van 5 maart 2026" in page                     # which day
    assert "afwezigheid achteraf gemeld (ziek, 5 maart 2026)" in page  # what changed
    assert "om 07:30" in page
    assert f"door {name}" in page                                     # by whom
    assert "De moeder belde, ziek." in page                           # why
    assert "€ 10,00 lager: creditnota C" in page                      # the amount and the document
    other = client_for(billing.b.parent, billing.b).get(f"/billing/invoices/{invoice.pk}/")
    assert other.status_code in (403, 404)
    [through_api] = client_for(billing.a.parent, billing.a).get(f"/api/v1/billing/invoices/{invoice.pk}/").json()[
        "corrections"]
    assert through_api["amount"] == "-10.00" and through_api["credit_note"].startswith("C")
    assert through_api["explanation"].startswith("Correctie van 5 maart 2026")


def test_the_parent_is_told_by_mail_without_amounts(billing, flemish_a, mailoutbox):
    from tests.outbox.helpers import deliver_outbox

    contract, child = flemish_contract(billing, end="2026-03-06")
    with at(billing.a):
        stay(child, MONDAY, "08:00:00", "17:00:00")
    run(billing, 2026, 3, today=date(2026, 4, 2))
    deliver_outbox()
    mailoutbox.clear()
    with at(billing.a):
        record(billing, child, THURSDAY, told=local(THURSDAY, "07:30:00"))
    deliver_outbox()
    [mail] = [m for m in mailoutbox if "corrected" in m.subject]
    assert mail.to == [billing.a.parent.email]
    assert "€" not in mail.body and "10.00" not in mail.body and "10,00" not in mail.body


def test_a_dutch_monthly_average_does_not_change(billing):
    """Seed 001, 2.1: the monthly average is paid whatever the presence; a report afterwards changes nothing on
    the invoice (NL has no report deadline), and the history still says who recorded it and why."""
    from tenants.attendance.models import RegisterChange
    from tenants.children.models import Child

    closing_weeks(billing.a)
    contract = make_contract(billing)
    run(billing, 2026, 3, today=date(2026, 3, 1))
    with at(billing.a):
        invoice = monthly_invoice(contract, 2026, 3)
        child = Child.objects.get(pk=billing.a.child_id)
        record(billing, child, date(2026, 3, 9), told=None,
               now=datetime.combine(date(2026, 3, 20), time(9), tzinfo=AMSTERDAM))
        assert not invoice.corrections.exists() and not invoice.credit_notes.exists()
        assert RegisterChange.objects.get().reason == "De moeder belde, ziek."
    assert location_of(billing.a).jurisdiction == "NL"


@pytest.fixture
def flemish_place(billing, flemish_a):
    contract, child = flemish_contract(billing)
    with at(billing.a):
        stay(child, MONDAY, "08:00:00", "17:00:00")
    billing.contract, billing.child = contract, child
    return billing


def form(world, **data):
    return {"child": world.child.pk, "kind": "sick", "start_date": THURSDAY.isoformat(), "end_date": "",
            "told_on": "", "told_at": "", "reason": "De moeder belde.", **data}


@pytest.mark.parametrize("data, field", [
    ({"start_date": "2099-03-05"}, "start_date"),                        # a day still to come
    ({"start_date": "2026-03-04"}, "start_date"),                        # a Wednesday: not booked
    ({"start_date": "2026-03-02"}, "start_date"),                        # the child was there
    ({"end_date": "2026-03-01"}, "end_date"),                            # last day before the first
    ({"end_date": "2026-03-07"}, "end_date"),                            # a Saturday: not booked
    ({"told_on": "2099-01-01", "told_at": "07:00"}, "reported_at"),      # told in the future
    ({"told_on": "2026-03-05"}, "told_at"),                              # a day without a time
    ({"kind": "holiday!"}, "kind"),
    ({"reason": ""}, "reason"),
    ({"start_date": "5 maart"}, "start_date"),
])
def test_bad_input_is_a_field_error(flemish_place, client_for, data, field):
    from tenants.attendance.models import Absence

    page = client_for(flemish_place.a.entrepreneur, flemish_place.a).post("/attendance/corrections/absence/",
                                                                        form(flemish_place, **data))
    assert page.status_code == 400
    assert field in page.context["form"].errors or (
        field == "reported_at" and page.context["form"].non_field_errors())
    with at(flemish_place.a):
        assert not Absence.objects.exists()


def test_a_day_already_reported_is_a_field_error(flemish_place, client_for):
    owner = client_for(flemish_place.a.entrepreneur, flemish_place.a)
    assert owner.post("/attendance/corrections/absence/", form(flemish_place)).status_code == 302
    again = owner.post("/attendance/corrections/absence/", form(flemish_place))
    assert again.status_code == 400 and "start_date" in again.context["form"].errors


def test_the_page_records_with_the_moment_of_the_call(flemish_place, client_for):
    from tenants.attendance.models import Absence

    owner = client_for(flemish_place.a.entrepreneur, flemish_place.a)
    assert owner.get("/attendance/corrections/absence/").status_code == 200
    done = owner.post("/attendance/corrections/absence/", form(flemish_place, told_on="2026-03-05", told_at="07:30"))
    assert done.status_code == 302 and done["Location"].endswith("?date=2026-03-05")
    with at(flemish_place.a):
        absence = Absence.objects.get()
        assert absence.reported_at == local(THURSDAY, "07:30:00") and not absence.reported_late
        assert absence.fine == 0


def test_wrong_role_and_another_location(flemish_place, client_for):
    from tenants.attendance.models import Absence

    url = "/attendance/corrections/absence/"
    assert client_for(flemish_place.a.staff, flemish_place.a).post(url, form(flemish_place)).status_code == 403
    assert client_for(flemish_place.a.parent, flemish_place.a).post(url, form(flemish_place)).status_code == 403
    assert client_for(flemish_place.b.entrepreneur, flemish_place.a).post(url, form(flemish_place)).status_code == 403
    # At B the same id is B's own child (ids are per location), not booked that day: refused, nothing at A.
    assert client_for(flemish_place.b.entrepreneur, flemish_place.b).post(url, form(flemish_place)).status_code == 400
    with at(flemish_place.a):
        assert not Absence.objects.exists()


def test_a_parent_cannot_report_a_day_gone_by(flemish_place):
    from django.core.exceptions import ValidationError

    from tenants.attendance import services

    with at(flemish_place.a), pytest.raises(ValidationError) as refused:
        services.report_absence(flemish_place.child, kind="sick", start_date=THURSDAY, reason="ziek",
                                by=flemish_place.a.parent, now=local(date(2026, 3, 6), "09:00:00"))
    assert "start_date" in refused.value.message_dict


def test_the_api(flemish_place, api):
    url = "/api/v1/attendance/corrections/absences/"
    data = {"child": flemish_place.child.pk, "kind": "sick", "start_date": "2026-03-05",
            "reported_at": "2026-03-05T07:30:00+01:00", "reason": "De moeder belde."}
    assert api(flemish_place.a.staff, flemish_place.a).post(url, data).status_code == 403
    assert api(flemish_place.a.parent, flemish_place.a).post(url, data).status_code == 403
    assert api(flemish_place.b.entrepreneur, flemish_place.b).post(url, data).status_code == 400
    bad = api(flemish_place.a.entrepreneur, flemish_place.a).post(url, {**data, "start_date": "2099-01-01"})
    assert bad.status_code == 400 and "start_date" in bad.json()
    done = api(flemish_place.a.entrepreneur, flemish_place.a).post(url, data)
    assert done.status_code == 201
    assert done.json()["after"]["told"] is True and done.json()["after"]["late"] is False
