"""The receiving side of Web Push, for the tests: a browser's keys, and a push service that checks what the server
sends as a real one would (RFC 8030, 8291, 8292) and decrypts it with the browser's private key.

`LocalPushService` is an HTTP server on the loopback for the browser test; `BrowserKeys.read` checks one request
(the unit tests read the requests pywebpush made from their recordings)."""
import base64
import json
import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import http_ece
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from py_vapid import Vapid02


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class PushRejected(AssertionError):
    pass


class BrowserKeys:
    """What a browser makes when it subscribes: a P-256 key pair and a 16-byte authentication secret."""

    def __init__(self):
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.secret = os.urandom(16)
        point = self.key.public_key().public_bytes(serialization.Encoding.X962,
                                                   serialization.PublicFormat.UncompressedPoint)
        self.p256dh = b64url(point)
        self.auth = b64url(self.secret)

    def subscription(self, endpoint: str) -> dict:
        """As PushSubscription.toJSON() gives it."""
        return {"endpoint": endpoint, "expirationTime": None, "keys": {"p256dh": self.p256dh, "auth": self.auth}}

    def read(self, endpoint: str, headers, body: bytes, application_server_key: str | None = None) -> dict:
        """Check a push message as a push service and the browser would, and return its decrypted JSON."""
        headers = {key.lower(): value for key, value in dict(headers).items()}
        claims = check_vapid(headers.get("authorization", ""), endpoint, application_server_key)
        if headers.get("content-encoding") != "aes128gcm":
            raise PushRejected(f"content encoding {headers.get('content-encoding')!r}")
        if not headers.get("ttl", "").isdigit():
            raise PushRejected("no TTL")
        plain = http_ece.decrypt(body, private_key=self.key, auth_secret=self.secret, version="aes128gcm")
        return {"data": json.loads(plain), "plain": plain.decode(), "claims": claims, "ttl": int(headers["ttl"]),
                "urgency": headers.get("urgency")}


def check_vapid(authorization: str, endpoint: str, application_server_key: str | None) -> dict:
    """RFC 8292: `vapid t=<JWT>, k=<public key>`; the JWT signed with that key, for this push service's origin,
    not expired, with a contact; the key the one the browser subscribed with."""
    if not authorization.lower().startswith("vapid "):
        raise PushRejected("no VAPID authorization")
    if not Vapid02.verify(authorization):
        raise PushRejected("bad VAPID signature")
    parts = dict(part.strip().split("=", 1) for part in authorization.split(" ", 1)[1].split(","))
    if application_server_key is not None and parts["k"] != application_server_key:
        raise PushRejected("signed with another key than the subscription's")
    claims = json.loads(unb64url(parts["t"].split(".")[1]))
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(endpoint))
    if claims.get("aud") != origin:
        raise PushRejected(f"audience {claims.get('aud')!r} is not {origin!r}")
    if not claims.get("exp") or claims["exp"] < time.time() or claims["exp"] > time.time() + 24 * 3600:
        raise PushRejected("expiry missing or not within 24 hours")
    if not str(claims.get("sub", "")).startswith(("mailto:", "https:")):
        raise PushRejected("no contact")
    return claims


class LocalPushService:
    """A push service on 127.0.0.1: subscriptions are `/push/<token>`; what it accepts is kept per token."""

    def __init__(self):
        self.browsers: dict[str, tuple[BrowserKeys, str | None]] = {}
        self.received: dict[str, list[dict]] = {}
        self.rejected: list[str] = []
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's name)
                token = self.path.rsplit("/", 1)[-1]
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if token not in service.browsers:
                    self.send_response(410)
                    self.end_headers()
                    return
                keys, server_key = service.browsers[token]
                try:
                    message = keys.read(service.endpoint(token), self.headers, body, server_key)
                except Exception as exc:  # noqa: BLE001 - answered as a push service does, and kept for the test
                    service.rejected.append(f"{type(exc).__name__}: {exc}")
                    self.send_response(400)
                    self.end_headers()
                    return
                service.received.setdefault(token, []).append(message)
                self.send_response(201)
                self.send_header("Location", f"/message/{len(service.received[token])}")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def endpoint(self, token: str) -> str:
        return f"{self.origin}/push/{token}"

    def new_browser(self, application_server_key: str | None = None) -> tuple[str, BrowserKeys]:
        token = b64url(os.urandom(12))
        keys = BrowserKeys()
        self.browsers[token] = (keys, application_server_key)
        return token, keys

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
