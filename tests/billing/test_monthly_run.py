"""The monthly run: one invoice per contract and month, numbers without gaps, idempotent, and a worker
killed half-way leaves no half invoice; the next run completes it. Bad configuration is reported, not a 500."""
from datetime import date
from decimal import Decimal
from unittest import mock

import pytest
from django.core import mail

from tests.billing.conftest import at, location_of, make_contract
from tests.outbox.helpers import deliver_outbox
from tests.tenants.conftest import make_child


def test_running_the_same_month_twice_creates_no_second_invoice(billing):
    from billing.invoices import services
    from billing.invoices.models import Invoice

    world = billing
    make_contract(world)
    with at(world.a):
        first = services.run_due(location_of(world.a), date(2026, 2, 1))
        second = services.run_due(location_of(world.a), date(2026, 2, 2))
        assert first["current"]["created"] == 1
        assert second["current"] == {"created": 0, "existing": 1, "waiting": 0, "problems": []}
        assert Invoice.objects.filter(period_start=date(2026, 2, 1)).count() == 1


def test_numbers_without_gaps_and_one_mail_per_invoice(billing):
    from billing.invoices import services
    from billing.invoices.models import Invoice

    world = billing
    other = make_child(world.a, first_name="Otto", guardians=[world.a.parent])
    make_contract(world)
    make_contract(world, child_id=other.pk)
    mail.outbox.clear()
    with at(world.a):
        services.run_month(location_of(world.a), 2026, 3, today=date(2026, 3, 1))
        services.run_month(location_of(world.a), 2026, 4, today=date(2026, 4, 1))
        numbers = sorted(Invoice.objects.values_list("number", flat=True))
    assert numbers == list(range(numbers[0], numbers[0] + 4))
    deliver_outbox()
    assert len(mail.outbox) == 4
    message = mail.outbox[0]
    assert message.to == [world.a.parent.email]
    assert "Saartje" not in message.body and "Otto" not in message.body and "€" not in message.body


def test_a_worker_killed_mid_run_leaves_nothing_and_the_next_run_completes(billing):
    """The first contract's invoice is made by an earlier run; the sending step of the run for the second one
    dies: it left no row, no line and no number; the next run makes it with the next number."""
    from billing.invoices import notify, services
    from billing.invoices.models import Invoice, InvoiceCounter, InvoiceLine

    world = billing
    make_contract(world)
    with at(world.a):
        services.run_month(location_of(world.a), 2026, 5, today=date(2026, 5, 1))
    other = make_child(world.a, first_name="Otto", guardians=[world.a.parent])
    second = make_contract(world, child_id=other.pk)

    with at(world.a):
        last = InvoiceCounter.objects.get(series="invoice").last_number
        with mock.patch.object(notify, "invoices_sent", side_effect=SystemExit("worker killed")), \
                pytest.raises(SystemExit):
            services.run_month(location_of(world.a), 2026, 5, today=date(2026, 5, 1))
        assert Invoice.objects.count() == 1
        assert not InvoiceLine.objects.filter(invoice__contract=second).exists()
        assert InvoiceCounter.objects.get(series="invoice").last_number == last
        result = services.run_month(location_of(world.a), 2026, 5, today=date(2026, 5, 2))
        assert len(result.created) == 1 and result.existing == 1
        assert Invoice.objects.get(contract=second).number == last + 1


def test_missing_rates_are_a_field_error_and_store_nothing(billing):
    from billing.invoices import services
    from billing.invoices.models import Invoice

    world = billing
    make_contract(world, start="2028-01-01")
    with at(world.a):
        result = services.run_month(location_of(world.a), 2028, 1, today=date(2028, 1, 1))
        assert result.problems and "rates" in result.problems[0]["errors"]
        assert not Invoice.objects.exists()


def test_beat_schedule_has_the_billing_jobs():
    from celery.schedules import crontab

    from config.celery import app

    run = app.conf.beat_schedule["billing-monthly-invoice-run"]
    assert run["task"] == "billing.invoices.tasks.monthly_run"
    assert isinstance(run["schedule"], crontab) and run["schedule"].day_of_month == set(range(1, 15))
    assert app.conf.beat_schedule["billing-daily"]["task"] == "billing.invoices.tasks.daily_billing"


def test_monthly_run_task_runs_each_location_in_its_schema(billing):
    from billing.invoices import tasks
    from billing.invoices.models import Invoice

    world = billing
    make_contract(world)
    with mock.patch("tenants.calendar.selectors.location_today", return_value=date(2026, 6, 1)):
        result = tasks.monthly_run.run(location_ids=[world.a.location.pk, world.b.location.pk])
    assert result["done"]["alpha"]["current"]["created"] == 1
    assert result["done"]["beta"]["current"]["created"] == 0 and result["failed"] == {}
    with at(world.a):
        assert Invoice.objects.filter(period_start=date(2026, 6, 1)).count() == 1


def test_flexible_contract_advance_and_quarter_settlement(billing):
    """Estimate 150 h per quarter: 50 h a month; after Q1 the registered hours (none here) are settled."""
    from billing.invoices import services
    from billing.invoices.models import Invoice

    world = billing
    contract = make_contract(world, schedule=[], schedule_type="flexible", estimate=Decimal("150"))
    with at(world.a):
        for month in (1, 2, 3, 4):
            services.run_month(location_of(world.a), 2026, month, today=date(2026, month, 1))
        jan = Invoice.objects.get(contract=contract, period_start=date(2026, 1, 1))
        assert jan.total == Decimal("512.50")
        april = Invoice.objects.get(contract=contract, period_start=date(2026, 4, 1))
        settlement = april.lines.get(kind="settlement")
        assert settlement.quantity == Decimal("-150") and settlement.amount == Decimal("-1537.50")
