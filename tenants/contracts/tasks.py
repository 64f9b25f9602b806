"""Background work for contracts: a daily beat job plans the trial and yearly evaluations."""
from celery import shared_task

from tenants.contracts import services


@shared_task(name="tenants.contracts.tasks.create_evaluation_tasks")
def create_evaluation_tasks(only_failed: bool = False) -> dict:
    """Every active location, in its own schema: create the evaluation tasks that have come due.
    `only_failed=True` reruns the locations where the last runs failed."""
    return services.create_evaluations_everywhere(only_failed=only_failed).as_dict()
