"""The monthly run stores a location's invoices together: one insert of the invoices, their numbers from one
counter update, one insert of their lines, of their e-mails and of their push messages. What it keeps: numbers
without gaps in contract order, a contract that cannot be invoiced reported without losing the others, one e-mail
per invoice, and when another run made one of the invoices at the same moment, the others one by one."""
from datetime import date
from unittest import mock

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.billing.conftest import at, location_of, make_contract
from tests.tenants.conftest import make_child


def _three_contracts(world):
    """Signed contracts of location A's child and two more (Otto in the middle), in this order."""
    middle = make_child(world.a, first_name="Otto", guardians=[world.a.parent])
    last = make_child(world.a, first_name="Lotte", guardians=[world.a.parent])
    return [make_contract(world), make_contract(world, child_id=middle.pk), make_contract(world, child_id=last.pk)]


def test_a_contract_failing_in_the_middle_leaves_the_numbers_of_the_others_consecutive(billing):
    from billing.invoices import services
    from billing.invoices.models import Invoice, InvoiceCounter
    from outbox.models import Delivery

    world = billing
    first, middle, last = _three_contracts(world)
    with at(world.a):
        middle.child.guardians.clear()  # no one to send Otto's invoice to
        before = InvoiceCounter.objects.filter(series="invoice").values_list("last_number", flat=True).first() or 0
        result = services.run_month(location_of(world.a), 2026, 3, today=date(2026, 3, 1))
        assert len(result.created) == 2
        assert result.problems == [{"contract": middle.pk, "errors": {
            "paying_parent": ["The child has no guardian to send the invoice to."]}}]
        numbers = dict(Invoice.objects.values_list("contract_id", "number"))
        assert numbers == {first.pk: before + 1, last.pk: before + 2}
        assert InvoiceCounter.objects.get(series="invoice").last_number == before + 2
        assert all(invoice.lines.exists() and invoice.total > 0 and invoice.status == "sent"
                   for invoice in Invoice.objects.all())
        mails = sorted(Delivery.objects.filter(kind="billing.invoice").values_list("ref", flat=True))
    assert mails == sorted(f"invoice:{pk}" for pk in result.created)


def test_another_run_at_the_same_moment_makes_one_and_the_others_follow_one_by_one(billing):
    """While this run prices the last contract, another run stores the middle contract's invoice (it had not
    been made when this run looked): the unique constraint refuses this run's block, nothing of it stays, and
    the three are stored one by one — the middle one counted as existing, numbers still without gaps."""
    from billing.invoices import services
    from billing.invoices.models import Invoice, InvoiceCounter, InvoiceLine
    from outbox.models import Delivery

    world = billing
    first, middle, last = _three_contracts(world)
    real = services.prepare_contract_month

    def other_run_meanwhile(ctx, contract, *args, **kwargs):
        if contract.pk == last.pk:
            services.invoice_contract_month(ctx, middle, 2026, 3, today=date(2026, 3, 1))
        return real(ctx, contract, *args, **kwargs)

    with at(world.a):
        before = InvoiceCounter.objects.filter(series="invoice").values_list("last_number", flat=True).first() or 0
        with mock.patch.object(services, "prepare_contract_month", side_effect=other_run_meanwhile):
            result = services.run_month(location_of(world.a), 2026, 3, today=date(2026, 3, 1))
        assert len(result.created) == 2 and result.existing == 1 and not result.problems
        numbers = dict(Invoice.objects.values_list("contract_id", "number"))
        assert numbers == {middle.pk: before + 1, first.pk: before + 2, last.pk: before + 3}
        assert Invoice.objects.count() == 3 and InvoiceLine.objects.filter(invoice__isnull=True).count() == 0
        assert not Invoice.objects.filter(lines__isnull=True).exists()
        mails = sorted(Delivery.objects.filter(kind="billing.invoice").values_list("ref", flat=True))
        assert mails == sorted(f"invoice:{pk}" for pk in Invoice.objects.values_list("pk", flat=True))


def test_the_run_writes_as_many_statements_for_three_invoices_as_for_one(billing):
    """The statements of a location's run do not grow with its invoices (NL monthly average: nothing to read per
    contract either)."""
    from billing.invoices import services

    world = billing
    make_contract(world)
    with at(world.a):
        location = location_of(world.a)
        services.run_month(location, 2026, 1, today=date(2026, 1, 1))  # the counter row exists from here on
        with CaptureQueriesContext(connection) as one:
            assert len(services.run_month(location, 2026, 2, today=date(2026, 2, 1)).created) == 1
    for name in ("Otto", "Lotte"):
        child = make_child(world.a, first_name=name, guardians=[world.a.parent])
        make_contract(world, child_id=child.pk, start="2026-03-01")
    with at(world.a):
        location = location_of(world.a)
        with CaptureQueriesContext(connection) as three:
            assert len(services.run_month(location, 2026, 3, today=date(2026, 3, 1)).created) == 3
    assert len(three.captured_queries) == len(one.captured_queries)
    inserts = [q["sql"] for q in three.captured_queries if q["sql"].startswith('INSERT INTO "invoices_invoice"')]
    assert len(inserts) == 1
