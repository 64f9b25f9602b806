"""Gauges read at scrape time: tasks waiting in the broker's queues, messages waiting in the outbox."""
from monitoring.metrics import OUTBOX_WAITING, QUEUE_LENGTH


def refresh() -> None:
    _broker_queues()
    _outbox()


def _broker_queues() -> None:
    from config.celery import app

    names = {queue.name for queue in (app.conf.task_queues or [])} or {app.conf.task_default_queue or "celery"}
    try:
        with app.connection_for_read() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
            channel = conn.default_channel
            for name in sorted(names):
                QUEUE_LENGTH.labels(name).set(channel.queue_declare(queue=name, passive=False).message_count)
    except Exception:  # an unreachable broker is a figure on the dashboard, not a failed scrape
        for name in names:
            QUEUE_LENGTH.labels(name).set(-1)


def _outbox() -> None:
    from django.db import connection
    from django.db.models import Count

    from outbox.models import Delivery

    try:
        connection.set_schema_to_public()
        counts = dict(Delivery.objects.exclude(status=Delivery.Status.SENT).values_list("status")
                      .annotate(n=Count("pk")).values_list("status", "n"))
    except Exception:
        return
    for state in Delivery.Status.values:
        if state != Delivery.Status.SENT:
            OUTBOX_WAITING.labels(state).set(counts.get(state, 0))
