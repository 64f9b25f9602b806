"""Error reports: an error in a location request reaches Sentry tagged with the location and the role, and
carries no personal data.

The SDK is pointed at a local HTTP endpoint that stores every envelope it receives, exactly as the SDK
sent it (decompressed), so the assertions cover all bytes that would leave the platform.
"""
import gzip
import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote, urlencode

import pytest
import sentry_sdk
from sentry_sdk.integrations.wsgi import SentryWsgiMiddleware

from config.sentry import REDACTED, init_sentry
from tenants.children import selectors, services

logger = logging.getLogger("tenants.children")


class CaptureHandler(BaseHTTPRequestHandler):
    """Accepts what the Sentry SDK posts and keeps it: (headers, decompressed body)."""

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        encoding = self.headers.get("Content-Encoding", "")
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding:
            raise AssertionError(f"unexpected Content-Encoding {encoding!r}")
        self.server.captured.append((bytes(self.headers), body))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format, *args):
        pass


def parse_envelope(body: bytes) -> list[tuple[dict, bytes]]:
    """Items of a Sentry envelope: header line, then (item header, payload) pairs."""
    items = []
    _header, _, rest = body.partition(b"\n")
    while rest.strip():
        line, _, rest = rest.partition(b"\n")
        item_header = json.loads(line)
        if "length" in item_header:
            payload, rest = rest[: item_header["length"]], rest[item_header["length"]:]
            rest = rest[1:] if rest.startswith(b"\n") else rest
        else:
            payload, _, rest = rest.partition(b"\n")
        items.append((item_header, payload))
    return items


@pytest.fixture
def sentry_endpoint():
    """A local Sentry endpoint and an SDK initialised against it; afterwards the SDK is switched off."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), CaptureHandler)
    server.captured = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    init_sentry(f"http://public@127.0.0.1:{server.server_address[1]}/1", "test")
    assert sentry_sdk.get_client().is_active()
    try:
        yield server
    finally:
        sentry_sdk.get_client().close(timeout=2)
        sentry_sdk.get_global_scope().set_client(None)
        server.shutdown()
        server.server_close()
        thread.join(5)
    assert not sentry_sdk.get_client().is_active()


def through_sentry_wsgi(client):
    """Send the test client's requests through Sentry's WSGI middleware, as the patched WSGIHandler does in
    production: each request gets its own isolation scope, and events carry the request's URL and method.

    Earlier tests may have left tags on this thread's base scope (the test client bypasses the
    middleware), so they are removed first: the tags must come from this request alone.
    """
    inner = client.handler

    def handler(environ):
        responses = []

        def app(environ, start_response):
            sentry_sdk.get_isolation_scope().remove_tag("location")
            sentry_sdk.get_isolation_scope().remove_tag("role")
            responses.append(inner(environ))
            return []

        SentryWsgiMiddleware(app, span_origin="auto.http.django")(environ, lambda *args, **kwargs: None)
        return responses[0]

    client.handler = handler
    return client


def events(server) -> list[dict]:
    found = []
    for _headers, body in server.captured:
        for item_header, payload in parse_envelope(body):
            if item_header.get("type") == "event":
                found.append(json.loads(payload))
    return found


def test_error_in_location_request_is_reported_with_location_and_role_and_without_personal_data(
    world, client_for, sentry_endpoint, monkeypatch
):
    site = world.a
    first_name, last_name = site.child_name.split(" ", 1)
    email = site.entrepreneur.email

    def failing_list(user, roles):
        logger.warning("listing the children of %s for %s", site.child_name, user.email)
        raise ValueError(f"cannot list {site.child_name} for {user.email}")

    def failing_create(**fields):
        logger.error("could not add %s %s for %s", fields["first_name"], fields["last_name"], email)
        raise ValueError(f"could not add {fields['first_name']} {fields['last_name']} ({fields['birth_date']})")

    monkeypatch.setattr(selectors, "children_visible_to", failing_list)
    monkeypatch.setattr(services, "create_child", failing_create)
    client = through_sentry_wsgi(client_for(site.entrepreneur, site))
    client.raise_request_exception = False

    listed = client.get("/api/v1/children/?" + urlencode({"search": site.child_name, "by": email}))
    added = client.post(
        "/api/v1/children/",
        {"first_name": first_name, "last_name": last_name, "birth_date": "2024-05-01", "note": email},
        content_type="application/json",
    )
    sentry_sdk.flush(timeout=10)

    assert listed.status_code == 500
    assert added.status_code == 500
    reported = events(sentry_endpoint)
    errors = [e for e in reported if e.get("exception")]
    assert {(e["request"]["method"], e["request"]["url"].split("?")[0]) for e in errors} == {
        ("GET", f"http://{site.host}/api/v1/children/"),
        ("POST", f"http://{site.host}/api/v1/children/"),
    }
    for event in reported:
        assert event["tags"]["location"] == site.location.slug
        assert event["tags"]["role"] == "entrepreneur"
    for event in errors:
        exception = event["exception"]["values"][-1]
        assert exception["type"] == "ValueError"
        assert exception["value"] == REDACTED

    everything = b"".join(headers + body for headers, body in sentry_endpoint.captured)
    assert b"ValueError" in everything  # the reports did arrive, and are readable
    forbidden = {first_name, last_name, site.child_name, email, quote(email), quote(site.child_name),
                 "2024-05-01"}
    for secret in forbidden:
        assert secret.lower().encode() not in everything.lower(), f"{secret!r} was sent to Sentry"
