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
