"""Beat job: a week before a filing is due, its location's entrepreneurs get an e-mail; every active location
on its own (cooperative.jobs), so one location's failure never stops the others."""
from celery import shared_task

from billing.filings import services


@shared_task(name="billing.filings.tasks.send_filing_reminders")
def send_filing_reminders(only_failed: bool = False) -> dict:
    return services.remind_everywhere(only_failed=only_failed).as_dict()
