"""Background work for complaints: a daily beat job sends the deadline reminders in every location."""
from celery import shared_task

from tenants.complaints import services


@shared_task(name="tenants.complaints.tasks.send_complaint_reminders")
def send_complaint_reminders() -> dict[str, int]:
    """Every active location, in its own schema: remind the entrepreneur a week before and on the deadline,
    and tell the parent after the deadline that they may go straight to the external body. Each once."""
    return services.send_reminders_everywhere()
