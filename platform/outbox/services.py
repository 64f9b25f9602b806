"""Write, deliver and retry outgoing messages.

`enqueue` is called inside the action's transaction: the rows commit (or roll back) with the action, and only
after the commit is a worker asked to deliver them. If the broker cannot be reached the action still succeeds;
the rows stay pending and the periodic `sweep` delivers them. A row is taken by one deliverer at a time (an
atomic claim), so the task queued after the commit and the sweep never deliver the same row twice.
"""
import logging
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django_tenants.utils import get_public_schema_name, schema_context, tenant_context

from outbox import registry, rules
from outbox.models import Delivery

logger = logging.getLogger(__name__)


def current_location():
    """The location whose schema the connection is in (also inside a bare schema_context); None in public."""
    from cooperative.models import Location

    if connection.schema_name == get_public_schema_name():
        return None
    tenant = getattr(connection, "tenant", None)
    if isinstance(tenant, Location):
        return tenant
    return Location.objects.get(schema_name=connection.schema_name)


_BATCH: ContextVar[list[int] | None] = ContextVar("outbox_batch", default=None)


@contextmanager
def one_publish():
    """The deliveries written inside this block are queued for a worker in one broker call after the commit of
    the block's work (at once when it is not in a transaction), instead of one call per commit — the monthly run
    writes one e-mail per invoice. Rows of a savepoint rolled back inside are left out; what was committed
    before a crash is delivered by the sweep, as when the broker is down."""
    if _BATCH.get() is not None:
        yield
        return
    token = _BATCH.set([])
    try:
        yield
    finally:
        ids = _BATCH.get()
        _BATCH.reset(token)
        if ids:
            ids = list(Delivery.objects.filter(pk__in=ids).order_by("pk").values_list("pk", flat=True))
        if ids:
            transaction.on_commit(lambda: publish(ids))


def enqueue(kind: str, payloads: list[dict], *, ref: str = "", location=...) -> list[Delivery]:
    """Write one delivery per payload, in the caller's transaction; queue them for a worker after the commit."""
    return enqueue_each(kind, [(ref, payload) for payload in payloads], location=location)


def enqueue_each(kind: str, items: list[tuple[str, dict]], *, location=...) -> list[Delivery]:
    """`enqueue` for (ref, payload) pairs that each have a ref of their own — the e-mails of a monthly run, one per
    invoice — written in one insert."""
    if registry.kind(kind) is None:
        raise LookupError(f"No delivery kind {kind!r} is registered")
    if location is ...:
        location = current_location()
    now = timezone.now()
    rows = Delivery.objects.bulk_create([
        Delivery(location=location, kind=kind, ref=ref, payload=payload, next_attempt_at=now) for ref, payload in items
    ], batch_size=1000)
    ids = [row.pk for row in rows]
    if ids:
        batch = _BATCH.get()
        if batch is not None:
            batch.extend(ids)
        else:
            transaction.on_commit(lambda: publish(ids))
    return rows


def publish(ids: list[int]) -> bool:
    """Ask a worker to deliver `ids` now. Never raises: when the broker is down, the sweep delivers later."""
    from outbox.tasks import deliver

    try:
        # A connection kept in the app's pool (a new one per call cost a connect and a close: some 40 ms a
        # location in the monthly run). One connection attempt, no retries: kombu would otherwise keep
        # reconnecting and hold up the request.
        with deliver.app.pool.acquire(block=True) as broker:
            try:
                broker.ensure_connection(max_retries=0)
                deliver.apply_async(args=[ids], connection=broker, retry=False)
            except Exception:
                broker.collect()  # back to the pool closed: the next call connects anew, not on a dead socket
                raise
    except Exception as exc:  # the broker refused or timed out; the rows are safe in the database
        logger.warning("outbox: could not queue %s deliveries (%s); the sweep will retry them",
                       len(ids), type(exc).__name__)
        return False
    return True


def _claim(pk: int, now: datetime, *, due_only: bool) -> Delivery | None:
    """Take a delivery for this process: one UPDATE, so of two deliverers only one gets it."""
    takeable = Q(status=Delivery.Status.PENDING) | Q(status=Delivery.Status.SENDING, claimed_until__lt=now)
    rows = Delivery.objects.filter(takeable, pk=pk)
    if due_only:
        rows = rows.filter(next_attempt_at__lte=now)
    if not rows.update(status=Delivery.Status.SENDING, claimed_until=now + rules.LEASE):
        return None
    return Delivery.objects.select_related("location").get(pk=pk)


def _place(row: Delivery):
    """The row's location as the connection's tenant (so handlers see `connection.tenant`), or public."""
    return tenant_context(row.location) if row.location_id else schema_context(get_public_schema_name())


def _run(row: Delivery) -> None:
    kind = registry.kind(row.kind)
    if kind is None:
        raise LookupError("unknown delivery kind")
    if row.location_id and row.location.status == "offboarded":
        raise LookupError("the location was offboarded")
    with _place(row), transaction.atomic():
        kind.deliver(row.payload)


def _give_up(row: Delivery) -> None:
    kind = registry.kind(row.kind)
    if kind is None or kind.on_failed is None:
        return
    try:
        with _place(row), transaction.atomic():
            kind.on_failed(row.payload)
    except Exception as exc:
        logger.error("outbox: %s %s: marking the failure failed too (%s)", row.kind, row.pk, type(exc).__name__)


def deliver_one(pk: int, *, now: datetime | None = None, due_only: bool = False) -> str | None:
    """Deliver one row if no one else has it; record the outcome. Returns the new status (None: not taken)."""
    now = now or timezone.now()
    row = _claim(pk, now, due_only=due_only)
    if row is None:
        return None
    attempts = row.attempts + 1
    try:
        _run(row)
    except Exception as exc:
        error = type(exc).__name__
        failed = rules.gives_up(attempts)
        Delivery.objects.filter(pk=pk).update(
            status=Delivery.Status.FAILED if failed else Delivery.Status.PENDING, attempts=attempts,
            last_error=error[:100], claimed_until=None, next_attempt_at=now + rules.retry_delay(attempts))
        # Which row and why, never to whom or what: the payload and the error's text stay out of the logs.
        logger.warning("outbox: %s %s at %s failed (attempt %s, %s)%s", row.kind, pk,
                       row.location.slug if row.location_id else "cooperative", attempts, error,
                       "; given up" if failed else "")
        if failed:
            _give_up(row)
        return Delivery.Status.FAILED if failed else Delivery.Status.PENDING
    Delivery.objects.filter(pk=pk).update(status=Delivery.Status.SENT, attempts=attempts, last_error="",
                                          claimed_until=None, delivered_at=timezone.now())
    return Delivery.Status.SENT


def deliver(ids: list[int], *, now: datetime | None = None) -> dict[str, int]:
    """Deliver the rows queued after a commit (whether due or not); each row's fault stays its own."""
    outcome: dict[str, int] = {}
    for pk in ids:
        status = deliver_one(pk, now=now)
        outcome[status or "skipped"] = outcome.get(status or "skipped", 0) + 1
    return outcome


def due(now: datetime | None = None):
    now = now or timezone.now()
    return Delivery.objects.filter(
        Q(status=Delivery.Status.PENDING, next_attempt_at__lte=now)
        | Q(status=Delivery.Status.SENDING, claimed_until__lt=now))


def sweep(*, now: datetime | None = None, limit: int = 500) -> dict[str, int]:
    """Deliver what is due: never queued (the broker was down), waiting for its next attempt, or taken by a
    worker that died; and remove rows delivered long ago. Runs every minute from celery beat."""
    now = now or timezone.now()
    ids = list(due(now).order_by("next_attempt_at", "pk").values_list("pk", flat=True)[:limit])
    outcome: dict[str, int] = {}
    for pk in ids:
        status = deliver_one(pk, now=now, due_only=True)
        outcome[status or "skipped"] = outcome.get(status or "skipped", 0) + 1
    Delivery.objects.filter(status=Delivery.Status.SENT, delivered_at__lt=now - rules.KEEP_DELIVERED).delete()
    return outcome


def send_again(rows) -> int:
    """A person asks to send again what was not delivered: the same rows (nothing is created twice), with a
    fresh count of attempts, queued at once."""
    ids = list(rows.filter(status__in=[Delivery.Status.FAILED, Delivery.Status.PENDING])
               .values_list("pk", flat=True))
    if not ids:
        return 0
    Delivery.objects.filter(pk__in=ids, status__in=[Delivery.Status.FAILED, Delivery.Status.PENDING]).update(
        status=Delivery.Status.PENDING, attempts=0, next_attempt_at=timezone.now(), claimed_until=None)
    transaction.on_commit(lambda: publish(ids))
    return len(ids)
