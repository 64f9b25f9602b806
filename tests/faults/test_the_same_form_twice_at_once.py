"""Fault: the same form is sent twice at the very same moment (a double tap on a slow phone, a retried request, two
staff members at two tablets): a contract signed, a child checked in, a payment recorded.

Verdict wanted: one of the two does it, the other gets a clear answer (never a server error), and it is stored
once. The two requests run at once on two connections of their own (threads released together by a barrier), on
committed data, as two web workers would. The extra day asked twice at once: tests/tenants/attendance/
test_extra_day_requested_twice.py; the same Stripe webhook three times at once: test_the_same_webhook_three_times."""
import threading
from datetime import date, time
from decimal import Decimal

from django.db import connections
from django.test import Client
from django_tenants.utils import schema_context

from tests.conftest import in_a_thread


def at_once(*requests):
    """Run each request (a function returning a response) in a thread of its own, released at the same moment."""
    barrier = threading.Barrier(len(requests))
    results = [None] * len(requests)

    def run(index, request):
        try:
            barrier.wait(timeout=30)
            results[index] = request()
        except BaseException as exc:
            results[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, r)) for i, r in enumerate(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not any(t.is_alive() for t in threads)
    for result in results:
        if isinstance(result, BaseException):
            raise result
    return sorted(r.status_code for r in results)


def client(site, user) -> Client:
    c = Client(HTTP_HOST=site.host)
    c.force_login(user)
    return c


def test_a_contract_signed_twice_at_once_is_signed_once(world):
    from tenants.children.models import Child
    from tenants.contracts import services
    from tenants.contracts.models import Contract, ContractVersion
    from tenants.groups.models import Group

    site = world.a

    def make():
        from tenants.calendar import services as calendar

        with schema_context(site.location.schema_name):
            calendar.set_week_hours({d: (time(7, 30), time(18, 30)) for d in range(5)})
            group, _ = Group.objects.get_or_create(name="Tweemaal", defaults={"kind": "stamgroep"})
            return services.create_contract(
                child=Child.objects.get(pk=site.child_id), care_type=site.location.kind, group=group,
                start_date=date(2026, 1, 5), end_date=date(2027, 12, 31), schedule_type="weekly",
                schedule=[[{"weekday": 0, "start": "08:00", "end": "17:00"}]], estimated_hours_per_quarter=None,
                user=site.entrepreneur).pk

    def remove(pk):
        from outbox.models import Delivery
        from tenants.contracts.deliveries import sign_ref

        Delivery.objects.filter(location=site.location, ref=sign_ref(pk)).delete()  # the e-mails it made
        with schema_context(site.location.schema_name):
            contract = Contract.objects.get(pk=pk)
            group = contract.versions.first().group
            contract.delete()
            group.delete()

    pk = in_a_thread(make)
    try:
        path = f"/api/v1/contracts/{pk}/sign/"
        sign = lambda: client(site, site.parent).post(path, {"typed_name": site.parent.full_name})  # noqa: E731
        assert at_once(sign, sign) == [200, 400]
        with schema_context(site.location.schema_name):
            version = ContractVersion.objects.get(contract_id=pk)
            assert version.signed_at is not None and version.signed_by_id == site.parent.pk
    finally:
        in_a_thread(remove, pk)


def test_a_child_checked_in_twice_at_once_has_one_record(world):
    from tenants.attendance.models import AttendanceRecord
    from tenants.calendar import services as calendar

    site = world.a

    def open_every_day():
        with schema_context(site.location.schema_name):
            calendar.set_week_hours({d: (time(0, 0), time(23, 59)) for d in range(7)})
            AttendanceRecord.objects.filter(child_id=site.child_id).delete()

    def remove():
        with schema_context(site.location.schema_name):
            AttendanceRecord.objects.filter(child_id=site.child_id).delete()

    in_a_thread(open_every_day)
    try:
        check_in = lambda: client(site, site.staff).post(  # noqa: E731
            "/api/v1/attendance/check-in/", {"child": site.child_id})
        assert at_once(check_in, check_in) == [201, 400]
        with schema_context(site.location.schema_name):
            assert AttendanceRecord.objects.filter(child_id=site.child_id).count() == 1
    finally:
        in_a_thread(remove)


def test_a_payment_recorded_twice_at_once_is_booked_once(world):
    from billing.invoices.models import Invoice
    from billing.payments.models import Payment

    site = world.a

    def make():
        with schema_context(site.location.schema_name):
            return Invoice.objects.create(
                number=987654, child_id=site.child_id, parent=site.parent, period_start=date(2026, 11, 1),
                period_end=date(2026, 11, 30), issue_date=date(2026, 11, 1), due_date=date(2026, 11, 22),
                total=Decimal("120.50"), status="sent", payment_method="bank_transfer", jurisdiction="NL",
                location_name=site.location.name, parent_name=site.parent.full_name).pk

    def remove(pk):
        from billing.invoices.deliveries import invoice_ref
        from outbox.models import Delivery

        Delivery.objects.filter(location=site.location, ref=invoice_ref(pk)).delete()  # the e-mails it made
        with schema_context(site.location.schema_name):
            Payment.objects.filter(invoice_id=pk).delete()
            Invoice.objects.filter(pk=pk).delete()

    pk = in_a_thread(make)
    try:
        record = lambda: client(site, site.entrepreneur).post(  # noqa: E731
            f"/api/v1/payments/invoices/{pk}/payments/",
            {"method": "bank_transfer", "amount": "120.50", "paid_on": "2026-11-20"}, content_type="application/json")
        assert at_once(record, record) == [201, 400]
        with schema_context(site.location.schema_name):
            assert Payment.objects.filter(invoice_id=pk).count() == 1
            assert Invoice.objects.get(pk=pk).status == "paid"
    finally:
        in_a_thread(remove, pk)
