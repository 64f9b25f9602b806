"""Background work for the webcams: a daily beat job deletes security recordings past the retention."""
from celery import shared_task

from tenants.webcams import services


@shared_task(name="tenants.webcams.tasks.delete_expired_recordings")
def delete_expired_recordings(only_failed: bool = False) -> dict:
    """Every active location, in its own schema: delete recordings older than its retention (at most 30 days,
    seed 003 camera protocol art. 4). `only_failed=True` reruns the locations where the last runs failed."""
    return services.delete_expired_everywhere(only_failed=only_failed).as_dict()
