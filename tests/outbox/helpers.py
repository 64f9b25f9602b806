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
