"""Rules of push notifications, as plain functions over plain values (no Django imports).

Sources: the Web Push protocol (RFC 8030: a push service answers 201 when it accepted a message, 404 or 410 when
the subscription is gone, 429 and 5xx when it should be tried later), message encryption (RFC 8291: the browser's
`p256dh` key is an uncompressed P-256 point of 65 bytes, its `auth` secret 16 bytes) and VAPID (RFC 8292).
"""
import base64
from urllib.parse import urlsplit

#: The kinds of news a person can receive, in the order the settings page shows them.
HANDOVER = "handover"
MESSAGE = "message"
INVOICE = "invoice"
CONTRACT = "contract"
#: Health news of a child: a dose of medication given, and the like.
HEALTH = "health"
KINDS = (HANDOVER, MESSAGE, INVOICE, CONTRACT, HEALTH)

#: Who may see the news: a parent of the child it is about, or the people working at the location.
PARENT = "parent"
LOCATION = "location"

MAX_ENDPOINT = 1000
P256DH_BYTES = 65
AUTH_BYTES = 16

#: How long a push service keeps a message for a device that is offline (RFC 8030 §5.2 TTL), in seconds.
TIME_TO_LIVE = 24 * 3600

#: The push services of the browsers people use (Chrome and Edge on Android and desktop, Firefox, Safari,
#: Windows); in production a subscription must point at one of them, so the server never posts elsewhere.
KNOWN_PUSH_HOSTS = (
    "fcm.googleapis.com",
    "android.googleapis.com",
    "updates.push.services.mozilla.com",
    "push.services.mozilla.com",
    "web.push.apple.com",
    "notify.windows.com",
)

SENT = "sent"
GONE = "gone"
RETRY = "retry"
REFUSED = "refused"


def b64url_decode(value: str) -> bytes | None:
    """Bytes of an unpadded (or padded) base64url text; None when it is not one."""
    if not isinstance(value, str) or not value or len(value) > 200:
        return None
    text = value.strip().rstrip("=")
    if any(ch not in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_" for ch in text):
        return None
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except ValueError:
        return None


def b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def host_allowed(host: str, allowed_hosts) -> bool:
    host = (host or "").lower().rstrip(".")
    return any(host == allowed or host.endswith("." + allowed) for allowed in allowed_hosts)


def endpoint_errors(endpoint, *, https_only: bool, allowed_hosts=KNOWN_PUSH_HOSTS) -> list[str]:
    """What is wrong with a subscription's endpoint. With `https_only` (production) it must be an https address
    of a known push service; otherwise (development, tests: a local push service) http is allowed too."""
    if not isinstance(endpoint, str) or not endpoint.strip():
        return ["The subscription has no endpoint."]
    if len(endpoint) > MAX_ENDPOINT:
        return ["The endpoint is too long."]
    try:
        parts = urlsplit(endpoint.strip())
        port = parts.port
    except ValueError:
        return ["The endpoint is not a web address."]
    schemes = ("https",) if https_only else ("https", "http")
    if parts.scheme not in schemes or not parts.hostname:
        return ["The endpoint must be an https address." if https_only else "The endpoint is not a web address."]
    if parts.username or parts.password or (port is not None and not 0 < port < 65536):
        return ["The endpoint is not a web address."]
    if https_only and not host_allowed(parts.hostname, allowed_hosts):
        return ["The endpoint is not an address of a known push service."]
    return []


def key_errors(p256dh, auth) -> dict[str, list[str]]:
    """The subscription's keys: the browser's public key and its authentication secret (RFC 8291 §3)."""
    errors: dict[str, list[str]] = {}
    point = b64url_decode(p256dh) if p256dh else None
    if not p256dh:
        errors["p256dh"] = ["The subscription has no p256dh key."]
    elif point is None or len(point) != P256DH_BYTES or point[0] != 4:
        errors["p256dh"] = ["The p256dh key is not a P-256 public key."]
    secret = b64url_decode(auth) if auth else None
    if not auth:
        errors["auth"] = ["The subscription has no auth secret."]
    elif secret is None or len(secret) != AUTH_BYTES:
        errors["auth"] = ["The auth secret is not 16 bytes."]
    return errors


def kinds_errors(kinds) -> list[str]:
    if not isinstance(kinds, list | tuple) or any(kind not in KINDS for kind in kinds):
        return ["Choose among the kinds of news."]
    return []


def outcome(status: int | None) -> str:
    """What a push service's answer means (RFC 8030 §5, §6.2, §7.3): accepted, the subscription is gone (remove
    it), try again later (no answer, too many requests, a server error), or refused (another client error)."""
    if status is None or status == 429 or status >= 500:
        return RETRY
    if 200 <= status < 300:
        return SENT
    if status in (404, 410):
        return GONE
    return REFUSED


def device_label(user_agent: str) -> str:
    """A short name for the device a subscription was made on, from its browser's User-Agent: 'Chrome on
    Android'. Only the browser and the system, nothing that identifies the device."""
    ua = user_agent or ""
    if "Edg/" in ua:
        browser = "Edge"
    elif "Firefox/" in ua:
        browser = "Firefox"
    elif "Chrome/" in ua or "Chromium/" in ua or "CriOS/" in ua:
        browser = "Chrome"
    elif "Safari/" in ua:
        browser = "Safari"
    else:
        browser = ""
    if "Android" in ua:
        system = "Android"
    elif "iPhone" in ua or "iPad" in ua:
        system = "iOS"
    elif "Mac OS X" in ua or "Macintosh" in ua:
        system = "macOS"
    elif "Windows" in ua:
        system = "Windows"
    elif "Linux" in ua or "X11" in ua:
        system = "Linux"
    else:
        system = ""
    return " / ".join(part for part in (browser, system) if part)
