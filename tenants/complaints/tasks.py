"""Background work for complaints: a daily beat job sends the deadline reminders in every location."""
from celery import shared_task

from tenants.complaints import services


@shared_task(name="tenants.complaints.tasks.send_complaint_reminders")
def send_complaint_reminders(only_failed: bool = False) -> dict:
    """Every active location, in its own schema: remind the entrepreneur a week before and on the deadline,
    and tell the parent after the deadline that they may go straight to the external body. Each once.
    `only_failed=True` reruns the locations where the last runs failed."""
    return services.send_reminders_everywhere(only_failed=only_failed).as_dict()
