"""BE-VLG: 30 days after an unanswered formal notice the contract ends by law (house rules 4.2.6): end date
that day, given by the location, the reason logged with the step, the parent and the entrepreneur told
without details. Once only; not while a payment plan is in force."""
from datetime import date, timedelta
from decimal import Decimal
from itertools import count

import pytest

from tests.billing.conftest import at, make_contract
from tests.outbox.helpers import deliver_outbox

DUE = date(2026, 4, 23)
NOTICE = DUE + timedelta(days=1)
TERMINATION = NOTICE + timedelta(days=30)
_numbers = count(7000)


@pytest.fixture
def flemish(billing, flemish_a):
    billing.contract = make_contract(billing, start="2026-03-02")
    return billing


def unpaid_invoice(world, *, period=date(2026, 3, 1), due=DUE):
    from billing.invoices.models import Invoice

    with at(world.a):
        return Invoice.objects.create(
            number=next(_numbers), contract=world.contract, child_id=world.a.child_id, parent=world.a.parent,
            period_start=period, period_end=period + timedelta(days=27), issue_date=due - timedelta(days=21),
            due_date=due, total=Decimal("300.00"), status="sent", jurisdiction="BE-VLG",
            location_name=world.a.location.name, parent_name=world.a.parent.full_name)


def run_days(world, days):
    """The daily reminder job on each of `days`, its e-mails delivered through the outbox after each day."""
    from billing.invoices import services

    sent = 0
    with at(world.a):
        for day in days:
            sent += services.send_reminders(day)
            deliver_outbox()
    return sent


def contract_of(world):
    from tenants.contracts.models import Contract

    with at(world.a):
        return Contract.objects.get(pk=world.contract.pk)


def test_contract_ends_thirty_days_after_the_notice(flemish, mailoutbox):
    invoice = unpaid_invoice(flemish)
    assert run_days(flemish, [NOTICE, NOTICE + timedelta(days=15)]) == 2
    assert contract_of(flemish).end_date is None
    mailoutbox.clear()
    assert run_days(flemish, [TERMINATION - timedelta(days=1)]) == 0
    assert run_days(flemish, [TERMINATION]) == 1
    contract = contract_of(flemish)
    assert (contract.end_date, contract.notice_by, contract.notice_given_on) == (TERMINATION, "location", TERMINATION)
    with at(flemish.a):
        step = invoice.reminders.get(step="be_termination")
    assert step.sent_on == TERMINATION and step.amount == 0
    assert step.note.startswith(f"contract ended on {TERMINATION.isoformat()}")
    assert invoice.display_number in step.note and NOTICE.isoformat() in step.note
    to = sorted(address for mail in mailoutbox for address in mail.to)
    assert to == sorted([flemish.a.parent.email, flemish.a.entrepreneur.email])
    for mail in mailoutbox:
        assert "ended" in mail.subject
        assert flemish.a.child_name.split()[0] not in mail.body and "300" not in mail.body


def test_ends_once(flemish, mailoutbox):
    first = unpaid_invoice(flemish)
    second = unpaid_invoice(flemish, period=date(2026, 4, 1), due=DUE + timedelta(days=3))
    run_days(flemish, [NOTICE + timedelta(days=3), NOTICE + timedelta(days=18), TERMINATION + timedelta(days=3)])
    assert contract_of(flemish).end_date == TERMINATION + timedelta(days=3)
    assert len([mail for mail in mailoutbox if "ended" in mail.subject]) == 2  # the parent and the entrepreneur
    mailoutbox.clear()
    assert run_days(flemish, [TERMINATION + timedelta(days=4), TERMINATION + timedelta(days=40)]) == 0
    assert contract_of(flemish).end_date == TERMINATION + timedelta(days=3)
    assert mailoutbox == []
    with at(flemish.a):
        assert first.reminders.filter(step="be_termination").count() == 1
        assert second.reminders.filter(step="be_termination").count() == 1


def test_a_contract_already_ending_sooner_is_left_alone(flemish, mailoutbox):
    from tenants.contracts.models import Contract

    with at(flemish.a):
        Contract.objects.filter(pk=flemish.contract.pk).update(end_date=date(2026, 5, 15))
    invoice = unpaid_invoice(flemish)
    run_days(flemish, [NOTICE, NOTICE + timedelta(days=15)])
    mailoutbox.clear()
    assert run_days(flemish, [TERMINATION]) == 1
    assert contract_of(flemish).end_date == date(2026, 5, 15)
    with at(flemish.a):
        assert invoice.reminders.get(step="be_termination").note.startswith("contract already ending")
    assert mailoutbox == []


@pytest.mark.parametrize("plan_on", ["same", "other"])
def test_not_while_a_payment_plan_is_in_force(flemish, plan_on):
    from billing.invoices import services

    invoice = unpaid_invoice(flemish)
    other = unpaid_invoice(flemish, period=date(2026, 4, 1), due=DUE + timedelta(days=25))
    run_days(flemish, [NOTICE])
    with at(flemish.a):
        services.agree_payment_plan(invoice if plan_on == "same" else other, until=date(2026, 12, 31))
    run_days(flemish, [NOTICE + timedelta(days=15), TERMINATION, TERMINATION + timedelta(days=10)])
    assert contract_of(flemish).end_date is None
    with at(flemish.a):
        assert not invoice.reminders.filter(step="be_termination").exists()


def test_dutch_invoices_never_end_a_contract(billing):
    billing.contract = make_contract(billing)
    from billing.invoices.models import Invoice

    invoice = unpaid_invoice(billing)
    with at(billing.a):
        Invoice.objects.filter(pk=invoice.pk).update(jurisdiction="NL")
    run_days(billing, [DUE + timedelta(days=d) for d in (7, 14, 29, 60, 90)])
    assert contract_of(billing).end_date is None
