"""Project configuration: settings, URL confs, the Celery app and start-up helpers."""
from .celery import app as celery_app

__all__ = ["celery_app"]
