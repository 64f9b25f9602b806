"""When to try a delivery again, and what a set of deliveries amounts to; plain functions, no Django."""
from datetime import timedelta

#: Attempts before a delivery is given up and shown as failed (about seven hours with the back-off below).
MAX_ATTEMPTS = 10
FIRST_RETRY = timedelta(minutes=1)
LONGEST_WAIT = timedelta(hours=2)
#: Delivered rows are kept this long (the state shown on an action's page), then removed by the sweep.
KEEP_DELIVERED = timedelta(days=30)
#: How long a worker may hold a delivery it took before another one may take it again (a worker that died).
LEASE = timedelta(minutes=10)

PENDING, SENDING, SENT, FAILED = "pending", "sending", "sent", "failed"


def retry_delay(attempts: int) -> timedelta:
    """The wait after the `attempts`-th failed attempt: doubling from a minute, at most two hours."""
    if attempts < 1:
        return timedelta(0)
    return min(FIRST_RETRY * 2 ** (attempts - 1), LONGEST_WAIT)


def gives_up(attempts: int, max_attempts: int = MAX_ATTEMPTS) -> bool:
    return attempts >= max_attempts


#: What a person is told about the deliveries of one action, from worst to best.
STATE_FAILED = "failed"  # at least one was given up: offer to send again
STATE_RETRYING = "retrying"  # at least one attempt failed; it will be tried again
STATE_SENDING = "sending"  # not tried yet (just saved)
STATE_SENT = "sent"
STATE_NONE = "none"  # nothing to deliver


def overall_state(rows: list[tuple[str, int]]) -> str:
    """The state of an action's deliveries from their (status, attempts)."""
    if not rows:
        return STATE_NONE
    if any(status == FAILED for status, _attempts in rows):
        return STATE_FAILED
    if any(status in (PENDING, SENDING) and attempts > 0 for status, attempts in rows):
        return STATE_RETRYING
    if any(status in (PENDING, SENDING) for status, _attempts in rows):
        return STATE_SENDING
    return STATE_SENT
