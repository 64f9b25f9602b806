"""The Celery app.

tenant-schemas-celery records the schema a task was sent from, so a task queued during a request at a
location runs in that location's schema in the worker.
"""
import os

from tenant_schemas_celery.app import CeleryApp

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = CeleryApp("opvangkring")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# Periodic jobs (celery beat). Each app adds its own entry.
app.conf.beat_schedule = dict(app.conf.beat_schedule or {})
# Contracts: plan the trial (6 weeks) and yearly evaluations, every active location in its own schema.
app.conf.beat_schedule["contracts-evaluation-tasks"] = {
    "task": "tenants.contracts.tasks.create_evaluation_tasks",
    "schedule": 60 * 60 * 24,
}
# Meldcode: remind the pedagogue of step deadlines (due tomorrow or overdue), every morning.
app.conf.beat_schedule["safeguarding-deadline-reminders"] = {
    "task": "safeguarding.tasks.send_deadline_reminders",
    "schedule": 60 * 60 * 24,
}
