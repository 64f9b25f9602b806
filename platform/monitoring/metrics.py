"""The product's Prometheus metrics. Labels name what kind of thing happened (a route, a task, a queue),
never a location or a person: a location's slug or a user's id as a label would make one series per location
and put who did what into the monitoring system."""
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

REGISTRY = CollectorRegistry(auto_describe=True)

REQUEST_SECONDS = Histogram(
    "opvangkring_request_seconds", "Time to answer a request, by route (URL name), method and status class.",
    ["route", "method", "status"], registry=REGISTRY,
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10))
TASK_SECONDS = Histogram(
    "opvangkring_task_seconds", "Time a Celery task ran, by task name and outcome.", ["task", "outcome"],
    registry=REGISTRY, buckets=(0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 900))
TASK_FAILURES = Counter(
    "opvangkring_task_failures", "Celery tasks that raised, by task name.", ["task"], registry=REGISTRY)
QUEUE_LENGTH = Gauge(
    "opvangkring_queue_length", "Tasks waiting in a broker queue (read when scraped; -1: broker unreachable).",
    ["queue"], registry=REGISTRY)
OUTBOX_WAITING = Gauge(
    "opvangkring_outbox_waiting", "Outgoing messages not yet delivered, by state.", ["state"], registry=REGISTRY)


def status_class(code: int) -> str:
    return f"{code // 100}xx"
