"""A childminder closes for sickness after the month was invoiced (NL monthly average): a credit note for
the closed hours follows by itself, with the reason on the credit note, on the invoice page and in an e-mail
(seed 001, 2.3 "Ziekte of afwezigheid van de gastouder": no parental contribution during the closure).
Days the monthly average never counts (closing weeks, seed 001 2.1) are not credited; recording the
closure again never credits twice; cancelling it invoices nothing again (the credit note stands)."""
from datetime import date
from decimal import Decimal

import pytest

from billing.care_month.values import Slot
from billing.invoices import rules
from tests.billing.conftest import at, closing_weeks, location_of, make_contract
from tests.outbox.helpers import deliver_outbox

D = Decimal
# The contract plans Monday and Thursday, 07:30–18:00: 10.5 hours a day, at 10.25 an hour.


def slot(day):
    """Monday or Thursday, 07:30–18:00: 10.5 hours (37,800 seconds)."""
    return (day, Slot(day.weekday(), D("10.5"), 37800))


@pytest.mark.parametrize("closed, credited, remaining, days, amount", [
    # Two planned days closed: 21 hours × 10.25.
    ([slot(date(2026, 3, 9)), slot(date(2026, 3, 12))], set(), D("900"), [date(2026, 3, 9), date(2026, 3, 12)],
     D("215.25")),
    # One day: 10.5 × 10.25 = 107.625, rounded once, half up.
    ([slot(date(2026, 3, 12))], set(), D("900"), [date(2026, 3, 12)], D("107.63")),
    # A day credited before is never credited again.
    ([slot(date(2026, 3, 9)), slot(date(2026, 3, 12))], {date(2026, 3, 9)}, D("900"), [date(2026, 3, 12)],
     D("107.63")),
    # Never more than is left to credit on the invoice.
    ([slot(date(2026, 3, 9))], set(), D("50.00"), [date(2026, 3, 9)], D("50.00")),
    # Nothing left: no credit note.
    ([slot(date(2026, 3, 9))], {date(2026, 3, 9)}, D("900"), [], D("0.00")),
    ([slot(date(2026, 3, 9))], set(), D("0.00"), [], D("0.00")),
])
def test_closure_credit_rule(closed, credited, remaining, days, amount):
    found, total = rules.closure_credit(closed=closed, credited=credited, rate=D("10.25"), remaining=remaining)
    assert ([d for d, _h in found], total) == (days, amount)


@pytest.fixture
def childminder(billing):
    """Location B (a childminder) with closing weeks 30, 31, 32 and 52 and a Monday–Thursday contract."""
    closing_weeks(billing.b)
    billing.contract = make_contract(billing, site=billing.b)
    return billing


def invoice_month(world, month):
    from billing.invoices import services
    from billing.invoices.models import Invoice

    with at(world.b):
        services.run_month(location_of(world.b), 2026, month, today=date(2026, month, 1))
        return Invoice.objects.get(period_start=date(2026, month, 1))


def close(world, start, end):
    from tenants.calendar import services

    with at(world.b):
        return services.close_for_childminder(start_date=start, end_date=end, user=world.b.entrepreneur)


def credit_notes(world):
    from billing.invoices.models import CreditNote

    with at(world.b):
        return list(CreditNote.objects.order_by("number").values_list("invoice__period_start", "total", "reason"))


@pytest.mark.parametrize("month, start, end, amount", [
    (3, date(2026, 3, 9), date(2026, 3, 13), D("215.25")),   # Mon 9 and Thu 12 planned
    (7, date(2026, 7, 16), date(2026, 7, 24), D("107.63")),  # Thu 16; week 30 is a closing week
    # Easter Monday is paid in the monthly average (seed 001, 2.1), so a closure takes it off as the run does.
    (4, date(2026, 4, 6), date(2026, 4, 10), D("215.25")),
])
def test_a_closure_after_invoicing_credits_the_closed_hours(childminder, mailoutbox, month, start, end, amount):
    invoice = invoice_month(childminder, month)
    close(childminder, start, end)
    [(period, total, reason)] = credit_notes(childminder)
    assert (period, total) == (invoice.period_start, amount)
    assert reason.startswith("De gastouder was gesloten (ziekte van de gastouder)")
    deliver_outbox()
    mail = mailoutbox[-1]
    assert mail.to == [childminder.b.parent.email] and "closed" in mail.subject.lower()


def test_a_month_not_yet_invoiced_gets_no_credit_note(childminder):
    invoice_month(childminder, 3)
    close(childminder, date(2026, 5, 4), date(2026, 5, 8))
    assert credit_notes(childminder) == []


def test_recorded_again_never_credits_twice_and_cancelling_invoices_nothing(childminder):
    from billing.invoices.models import Invoice
    from tenants.calendar import services

    invoice_month(childminder, 3)
    closure = close(childminder, date(2026, 3, 9), date(2026, 3, 12))
    with at(childminder.b):
        assert services.cancel_closure(closure) == 2  # the two credited days stay credited
        invoices = Invoice.objects.count()
    close(childminder, date(2026, 3, 9), date(2026, 3, 12))    # recorded again
    close(childminder, date(2026, 3, 16), date(2026, 3, 16))   # a new day: credited on its own
    assert [total for _p, total, _r in credit_notes(childminder)] == [D("215.25"), D("107.63")]
    with at(childminder.b):
        assert Invoice.objects.count() == invoices


def test_the_parent_sees_why_on_the_invoice_page(childminder, client_for):
    invoice = invoice_month(childminder, 3)
    close(childminder, date(2026, 3, 9), date(2026, 3, 12))
    page = client_for(childminder.b.parent, childminder.b).get(f"/billing/invoices/{invoice.pk}/")
    assert page.status_code == 200
    assert "De gastouder was gesloten" in page.content.decode()
    other = client_for(childminder.a.parent, childminder.b).get(f"/billing/invoices/{invoice.pk}/")
    assert other.status_code in (403, 404)
