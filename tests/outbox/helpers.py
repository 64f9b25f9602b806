"""Helpers for tests of actions with side effects through the outbox.

Tests run in a transaction that is rolled back, so the queueing after the commit never happens; a test
delivers what its action wrote as the worker or the sweep would, in this process.
"""
import smtplib
from contextlib import contextmanager
from datetime import datetime, timedelta
from unittest import mock

from django.utils import timezone

from outbox import services
from outbox.models import Delivery


def deliver_outbox(now: datetime | None = None) -> dict[str, int]:
    """Deliver everything due now, as the sweep does."""
    return services.sweep(now=now)


def later(minutes: float) -> datetime:
    return timezone.now() + timedelta(minutes=minutes)


class MailServerDown(Exception):
    """Stands for any error of the mail server; the tests use real SMTP error classes below."""


@contextmanager
def mail_server_down(error: type[Exception] = smtplib.SMTPServerDisconnected):
    """Every e-mail sent in the block fails as with an unreachable mail server."""
    with mock.patch("django.core.mail.backends.locmem.EmailBackend.send_messages",
                    side_effect=error("Connection unexpectedly closed: mail.example.test")):
        yield


@contextmanager
def broker_down():
    """Queueing a task fails as with a broker that refuses connections."""
    from kombu.exceptions import OperationalError

    with mock.patch("outbox.tasks.deliver.apply_async",
                    side_effect=OperationalError("Error 111 connecting to 127.0.0.1:1. Connection refused.")):
        yield


def rows(**filters):
    return list(Delivery.objects.filter(**filters).order_by("pk"))


@contextmanager
def delivered():
    """Run an action, then deliver what it queued, as a worker would right after the commit."""
    yield
    deliver_outbox()


def give_up(now: datetime | None = None, error: type[Exception] = smtplib.SMTPServerDisconnected) -> datetime:
    """Run the sweep through every attempt while the mail server stays down, until what is due is given up;
    returns the moment after the last attempt."""
    from outbox import rules

    now = now or timezone.now()
    with mail_server_down(error):
        for attempt in range(1, rules.MAX_ATTEMPTS + 1):
            deliver_outbox(now=now)
            now += rules.retry_delay(attempt)
    return now


@contextmanager
def committed_while_mail_is_down(capture_on_commit):
    """Run an action as in production while the mail server is down: its transaction's on-commit work runs
    (pass pytest-django's `django_capture_on_commit_callbacks`), which queues the outbox task (here a mock that
    keeps the ids), and the worker then delivers those rows at once, failing. Yields the mock of the queueing."""
    with mail_server_down(), mock.patch("outbox.tasks.deliver.apply_async") as queued:
        with capture_on_commit(execute=True):
            yield queued
        for call in queued.call_args_list:
            services.deliver(call.kwargs["args"][0])
