"""Beat jobs: the monthly invoice run (NL from the 1st for that month; BE-VLG from the 1st for the month
before, before the 15th) repeated daily until the 14th so an interrupted run is completed; and a daily job
for reminders, automatic approval of registered hours and the annual statements. Each location's failure
stays its own (cooperative.jobs); `only_failed=True` reruns the locations that failed."""
from celery import shared_task

from billing.invoices import services


@shared_task(name="billing.invoices.tasks.monthly_run")
def monthly_run(location_ids=None, only_failed: bool = False) -> dict:
    """Every active location (or the given ones), each in its own schema and on its own local date."""
    return services.run_everywhere(location_ids=location_ids, only_failed=only_failed).as_dict()


@shared_task(name="billing.invoices.tasks.daily_billing")
def daily_billing(only_failed: bool = False) -> dict:
    return services.daily_everywhere(only_failed=only_failed).as_dict()
