"""Stripe in tests, without network: the real `stripe` SDK builds and parses every call, and a small HTTP
client answers it from recorded responses (JSON under tests/payments/recordings/), keyed by method and
path. Webhooks are signed with Stripe's own scheme (HMAC-SHA256 of "timestamp.payload" with the endpoint
secret, header "t=...,v1=...")."""
from __future__ import annotations

import hashlib
import hmac
import json
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pytest
import stripe

RECORDINGS = Path(__file__).parent / "recordings"

ROUTES = {
    ("POST", "/v1/accounts"): "account_create.json",
    ("GET", "/v1/accounts/{id}"): "account_retrieve.json",
    ("POST", "/v1/account_links"): "account_link_create.json",
    ("POST", "/v1/customers"): "customer_create.json",
    ("POST", "/v1/setup_intents"): "setup_intent_create.json",
    ("POST", "/v1/checkout/sessions"): "checkout_session_create.json",
    ("POST", "/v1/payment_intents"): "payment_intent_create.json",
    ("POST", "/v1/products"): "product_create.json",
    ("POST", "/v1/prices"): "price_create.json",
    ("POST", "/v1/subscriptions"): "subscription_create.json",
}


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict
    form: dict

    @property
    def stripe_account(self) -> str | None:
        return self.headers.get("Stripe-Account")


class RecordedStripe(stripe.HTTPClient):
    """A stripe.HTTPClient that answers from recordings and remembers every request."""

    name = "recorded"

    def __init__(self):
        super().__init__()
        self.routes = dict(ROUTES)
        self.requests: list[Recorded] = []

    def respond(self, method: str, path: str, recording: str) -> None:
        self.routes[(method.upper(), path)] = recording

    def calls(self, method: str, path: str) -> list[Recorded]:
        return [r for r in self.requests if r.method == method.upper() and r.path == path]

    def _recording(self, method: str, path: str) -> str:
        if (method, path) in self.routes:
            return self.routes[(method, path)]
        head, _sep, _last = path.rpartition("/")
        if (method, f"{head}/{{id}}") in self.routes:
            return self.routes[(method, f"{head}/{{id}}")]
        raise AssertionError(f"no recorded Stripe response for {method} {path}")

    def request(self, method, url, headers, post_data=None, *, _usage=None):
        method = method.upper()
        parts = urlsplit(url)
        assert parts.scheme == "https" and parts.netloc.endswith("stripe.com"), url
        assert (headers or {}).get("Authorization", "").startswith("Bearer sk_test"), "the platform key is sent"
        form = dict(parse_qsl(post_data or parts.query or "", keep_blank_values=True))
        self.requests.append(Recorded(method, parts.path, dict(headers or {}), form))
        data = json.loads((RECORDINGS / self._recording(method, parts.path)).read_text())
        status, body = (data["status"], data["body"]) if "status" in data and "body" in data else (200, data)
        return json.dumps(body), status, {"Request-Id": f"req_recorded_{len(self.requests)}"}

    def close(self):
        pass


@pytest.fixture
def recorded_stripe():
    from billing.payments import stripe_api

    client = RecordedStripe()
    stripe_api.use_http_client(client)
    yield client
    stripe_api.use_http_client(None)


def stripe_event(event_type: str, obj: dict, *, account: str | None = None, event_id: str | None = None,
                 created: int | None = None) -> dict:
    """An event as Stripe sends it (API version, livemode, data.object, account for Connect events)."""
    event = {
        "id": event_id or f"evt_{abs(hash((event_type, json.dumps(obj, sort_keys=True)))):x}",
        "object": "event", "api_version": stripe.api_version, "created": created or int(time.time()),
        "livemode": False, "pending_webhooks": 1, "type": event_type, "data": {"object": obj},
        "request": {"id": None, "idempotency_key": None},
    }
    if account:
        event["account"] = account
    return event


def sign(payload: str, secret: str, timestamp: int | None = None) -> str:
    """Stripe's Stripe-Signature header for `payload`."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    signature = hmac.new(secret.encode(), f"{timestamp}.{payload}".encode(), hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={signature}"


def deliver(client, event: dict, secret: str | None = None, signature: str | None = None):
    """POST `event` to the webhook endpoint on the main domain, signed like Stripe does."""
    from django.conf import settings

    payload = json.dumps(event)
    header = signature if signature is not None else sign(payload, secret or settings.STRIPE_WEBHOOK_SECRET)
    return client.post("/stripe/webhook/", payload, content_type="application/json", HTTP_STRIPE_SIGNATURE=header)


class RecordedStripeServer:
    """Stripe's API on a local address, answered from the same recordings (for the browser tests' server, a
    process of its own: it gets STRIPE_API_BASE=<url>). Remembers every request, like RecordedStripe."""

    def __init__(self):
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        answers = RecordedStripe()
        self.answers = answers

        class Handler(BaseHTTPRequestHandler):
            def _answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode() if length else None
                headers = dict(self.headers.items())
                try:
                    text, status, _headers = answers.request(self.command, f"https://api.stripe.com{self.path}",
                                                             headers, body)
                except AssertionError as exc:
                    text, status = json.dumps({"error": {"type": "invalid_request_error", "message": str(exc)}}), 400
                data = text.encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.send_header("Request-Id", f"req_recorded_{len(answers.requests)}")
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_DELETE = _answer

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def requests(self) -> list[Recorded]:
        return self.answers.requests

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
