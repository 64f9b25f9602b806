"""Background work for contracts: a daily beat job plans the trial and yearly evaluations."""
from celery import shared_task

from tenants.contracts import services


@shared_task(name="tenants.contracts.tasks.create_evaluation_tasks")
def create_evaluation_tasks() -> dict[str, int]:
    """Every active location, in its own schema: create the evaluation tasks that have come due."""
    return services.create_evaluations_everywhere()
