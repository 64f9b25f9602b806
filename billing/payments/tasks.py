"""Background work for payments: start the direct debits of unpaid invoices at every Stripe location."""
from celery import shared_task
from django_tenants.utils import tenant_context


@shared_task(name="billing.payments.tasks.collect_direct_debits")
def collect_direct_debits() -> dict[str, int]:
    """Every active location that collects through Stripe, in its own schema: one PaymentIntent per unpaid
    direct-debit invoice of a parent with an active mandate (idempotent: never twice for one invoice)."""
    from billing.payments import services
    from cooperative.models import Location

    started = {}
    for location in Location.objects.filter(status=Location.Status.ACTIVE, stripe_account__charges_enabled=True):
        with tenant_context(location):
            started[location.slug] = services.collect_due_invoices(location)
    return started
