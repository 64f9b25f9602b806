"""Task metrics from Celery's signals: how long each task ran and whether it raised."""
import os
import time

from celery.signals import task_failure, task_postrun, task_prerun, worker_init
from prometheus_client import CollectorRegistry, multiprocess, start_http_server

from monitoring.metrics import REGISTRY, TASK_FAILURES, TASK_SECONDS

_started: dict[str, float] = {}


@task_prerun.connect
def _start(task_id=None, task=None, **kwargs):
    _started[task_id] = time.perf_counter()


@task_postrun.connect
def _done(task_id=None, task=None, state=None, **kwargs):
    started = _started.pop(task_id, None)
    if started is not None and task is not None:
        outcome = "failure" if state == "FAILURE" else "success"
        TASK_SECONDS.labels(task.name, outcome).observe(time.perf_counter() - started)


@task_failure.connect
def _failed(sender=None, **kwargs):
    TASK_FAILURES.labels(getattr(sender, "name", "unknown")).inc()


@worker_init.connect
def _serve_worker_metrics(**kwargs):
    """A worker's own task metrics, on WORKER_METRICS_PORT when set (the web process serves /metrics). With
    forked pool processes, PROMETHEUS_MULTIPROC_DIR makes them write their figures to files there, which the
    worker's main process adds up when scraped."""
    port = os.environ.get("WORKER_METRICS_PORT")
    if not port:
        return
    registry = REGISTRY
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    start_http_server(int(port), registry=registry)
