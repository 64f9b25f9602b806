"""What a log line says about where it came from: the request's id and the location's slug (never a name,
an e-mail address or a child), kept in context variables for the request's duration."""
import contextvars
import logging
import re
import uuid

request_id = contextvars.ContextVar("request_id", default="-")
location = contextvars.ContextVar("location", default="-")

_VALID_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


def new_request_id(incoming: str | None) -> str:
    """The id the proxy gave the request (X-Request-ID) when it looks like one, else a new one."""
    if incoming and _VALID_ID.match(incoming):
        return incoming
    return uuid.uuid4().hex


class ContextFilter(logging.Filter):
    """Adds `request_id` and `location` to every record."""

    def filter(self, record):
        record.request_id = request_id.get()
        record.location = location.get()
        return True
