"""The workers' side of the outbox: deliver after a commit, and the sweep that retries what is due."""
from celery import shared_task

from outbox import services


@shared_task(name="outbox.deliver", ignore_result=True)
def deliver(ids: list[int]) -> dict[str, int]:
    return services.deliver(ids)


@shared_task(name="outbox.sweep", ignore_result=True)
def sweep() -> dict[str, int]:
    return services.sweep()
