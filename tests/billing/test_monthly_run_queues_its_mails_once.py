"""The monthly run writes an e-mail per invoice; they go to the workers in one broker call after the run's commit
(outbox.services.one_publish), not one call per invoice. Each invoice's delivery is still written with the
invoice, so a run that dies half-way leaves its committed e-mails to the sweep."""
from datetime import date
from unittest import mock

from tests.billing.conftest import at, location_of, make_contract
from tests.tenants.conftest import make_child


def test_one_broker_call_for_the_whole_run(billing, django_capture_on_commit_callbacks):
    from billing.invoices import services
    from outbox import services as outbox
    from outbox.models import Delivery

    world = billing
    other = make_child(world.a, first_name="Otto", guardians=[world.a.parent])
    make_contract(world)
    make_contract(world, child_id=other.pk)
    with at(world.a), mock.patch.object(outbox, "publish") as publish:
        # The test's transaction never commits: its on-commit callbacks run at the end of this block, as at the
        # commit of the location's run in a worker.
        with django_capture_on_commit_callbacks(execute=True):
            first = services.run_month(location_of(world.a), 2026, 3, today=date(2026, 3, 1))
        mails = list(Delivery.objects.filter(kind="billing.invoice").values_list("pk", flat=True))
    assert len(first.created) == 2 and len(mails) == 2
    assert publish.call_count == 1 and sorted(publish.call_args.args[0]) == sorted(mails)


def test_outside_a_run_each_commit_queues_its_own(billing, django_capture_on_commit_callbacks):
    from billing.invoices import notify
    from billing.invoices.models import Invoice
    from outbox import services as outbox

    make_contract(billing)
    with at(billing.a):
        from billing.invoices import services

        services.run_month(location_of(billing.a), 2026, 3, today=date(2026, 3, 1))
        invoice = Invoice.objects.get()
        with mock.patch.object(outbox, "publish") as publish:
            with django_capture_on_commit_callbacks(execute=True):
                notify.invoice_sent(invoice.pk)
            with django_capture_on_commit_callbacks(execute=True):
                notify.invoice_sent(invoice.pk, invoice)
    assert publish.call_count == 2
