"""Background work for the meldcode: a daily beat job reminds the pedagogue of step deadlines."""
from celery import shared_task
from django_tenants.utils import schema_context

from safeguarding import services


@shared_task(name="safeguarding.tasks.send_deadline_reminders")
def send_deadline_reminders() -> int:
    """Steps due tomorrow or overdue: one content-free e-mail to each pedagogue (at most once a day per step)."""
    with schema_context("public"):
        return services.send_deadline_reminders()
