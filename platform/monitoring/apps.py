from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    """Health, readiness and metrics for the orchestrator and Prometheus; the context of every log line
    (bewaking)."""

    name = "monitoring"

    def ready(self):
        from monitoring import tasks  # noqa: F401 (connects the Celery signals)
