"""Background work for payments: start the direct debits of unpaid invoices at every Stripe location."""
from celery import shared_task


@shared_task(name="billing.payments.tasks.collect_direct_debits")
def collect_direct_debits(only_failed: bool = False) -> dict:
    """Every active location that collects through Stripe, in its own schema: one PaymentIntent per unpaid
    direct-debit invoice of a parent with an active mandate (idempotent: never twice for one invoice).
    `only_failed=True` reruns the locations where the last runs failed."""
    from billing.payments import services

    return services.collect_everywhere(only_failed=only_failed).as_dict()
