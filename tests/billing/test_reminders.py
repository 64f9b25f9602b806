"""Reminders: NL reminder, fourteen-day letter, statutory collection costs; BE-VLG formal notice with 10 %
interest and 25.00, damages of 15 % (minimum 100) after 15 days, contract end after 30 days unless a payment
plan was agreed. Every step logged; a failed direct debit reopens the invoice."""
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from billing.invoices import rules
from tests.billing.conftest import at, location_of, make_contract

D = Decimal


@pytest.mark.parametrize("principal, costs", [
    (D("100"), D("40.00")), (D("266.67"), D("40.00")), (D("869.97"), D("130.50")), (D("2500"), D("375.00")),
    (D("3000"), D("425.00")), (D("10000"), D("875.00")), (D("1000000"), D("6775.00")),
])
def test_statutory_collection_costs(principal, costs):
    assert rules.wik_costs(principal) == costs


def steps(jurisdiction, amount, due, days, **kw):
    done, found = {}, []
    for offset in range(days + 1):
        today = due + timedelta(days=offset)
        step = rules.next_step(jurisdiction=jurisdiction, amount=amount, due=due, today=today, done=done, **kw)
        if step:
            done[step.step] = today
            found.append((offset, step.step, step.amount))
    return found


def test_nl_sequence():
    assert steps("NL", D("869.97"), date(2026, 1, 15), 60) == [
        (7, "nl_reminder", D("0.00")), (14, "nl_letter", D("0.00")), (29, "nl_collection", D("130.50"))]


def test_be_sequence_interest_costs_damages_and_termination():
    # Notice the day after the due date: 1 day of 10 % on 300 = 0.08 + 25.00. Damages 15 days later:
    # max(45.00, 100) + 15 days' interest 1.23. Termination 30 days after the notice.
    assert steps("BE-VLG", D("300"), date(2026, 4, 23), 40) == [
        (1, "be_notice", D("25.08")), (16, "be_damages", D("101.23")), (31, "be_termination", D("0.00"))]


def test_be_payment_plan_stops_damages_and_termination():
    found = steps("BE-VLG", D("1000"), date(2026, 4, 23), 60, payment_plan=True)
    assert [s for _o, s, _a in found] == ["be_notice"]


def test_be_damages_fifteen_percent_above_the_minimum():
    assert rules.be_damages(D("1000"), D("15"), D("100")) == D("150.00")


@pytest.fixture
def sent(billing):
    from billing.invoices import services
    from billing.invoices.models import Invoice

    make_contract(billing)
    with at(billing.a):
        services.run_month(location_of(billing.a), 2026, 1, today=date(2026, 1, 1))
        return Invoice.objects.get()


def test_reminder_job_logs_each_step_once(billing, sent):
    from billing.invoices import services

    with at(billing.a):
        due = sent.due_date
        assert services.send_reminders(due + timedelta(days=7)) == 1
        assert services.send_reminders(due + timedelta(days=7)) == 0
        assert services.send_reminders(due + timedelta(days=14)) == 1
        assert services.send_reminders(due + timedelta(days=29)) == 1
        sent.refresh_from_db()
        assert sent.status == "overdue"
        assert [r.step for r in sent.reminders.all()] == ["nl_reminder", "nl_letter", "nl_collection"]
        assert sent.amount_due == sent.total + rules.wik_costs(sent.total)


def test_configurable_and_switched_off(billing, sent):
    from billing.invoices import services

    with at(billing.a):
        services.update_dunning_settings(nl_reminder_after_days=3)
        assert services.send_reminders(sent.due_date + timedelta(days=3)) == 1
        services.update_dunning_settings(enabled=False)
        assert services.send_reminders(sent.due_date + timedelta(days=30)) == 0
        with pytest.raises(Exception) as error:
            services.update_dunning_settings(nl_letter_term_days=-1)
        assert "nl_letter_term_days" in error.value.message_dict


def test_paid_invoices_get_no_reminder_and_mark_paid_is_idempotent(billing, sent):
    from billing.invoices import services

    with at(billing.a):
        moment = timezone.now()
        services.mark_paid(sent, paid_at=moment, reference="pi_1")
        again = services.mark_paid(sent, paid_at=moment + timedelta(days=1), reference="pi_2")
        assert again.payment_reference == "pi_1" and again.paid_at == moment
        assert services.send_reminders(sent.due_date + timedelta(days=30)) == 0


def test_failed_direct_debit_reopens_and_starts_the_flow(billing, sent):
    from billing.invoices import services

    with at(billing.a):
        services.mark_paid(sent, paid_at=timezone.now(), reference="pi_1")
        reopened = services.reopen_after_failed_payment(sent, reason="insufficient_funds")
        assert reopened.status == "open" and reopened.paid_at is None
        services.reopen_after_failed_payment(sent, reason="insufficient_funds")
        assert sent.reminders.filter(step="failed_payment").count() == 1
        assert services.send_reminders(sent.due_date + timedelta(days=7)) == 1
