"""Background work for oversight (Celery beat): reminders for overdue follow-up actions, the nightly rebuild of the
reporting figures and the refresh of the dashboard's kept rows. All run in the public schema."""
from celery import shared_task

from advisory import figures, services


@shared_task(name="advisory.tasks.remind_overdue_actions")
def remind_overdue_actions() -> int:
    """Daily: remind the owner of each open action past its due date, once per action."""
    return services.send_overdue_reminders()


@shared_task(name="advisory.tasks.rebuild_figures")
def rebuild_figures(only_failed: bool = False) -> dict:
    """Nightly: recount the figures of every location (contracts start and end without a write); a broken
    location is reported and the others are counted (cooperative.jobs)."""
    return figures.rebuild_everywhere(only_failed=only_failed).as_dict()


@shared_task(name="advisory.tasks.refresh_dashboard_states")
def refresh_dashboard_states() -> int:
    """Nightly: the dashboard's kept rows of another year or day made anew (advisory.LocationState)."""
    return services.refresh_dashboard_states()
