"""Table tests of push.rules. Sources: RFC 8030 (Web Push: the push service's answers, §5 201 Created, §6.2 429
and 5xx to be retried, §7.3 404/410 the subscription is gone), RFC 8291 §3 (the browser's keys: p256dh an
uncompressed P-256 point of 65 bytes, auth 16 bytes) and RFC 8292 (VAPID)."""
import base64

import pytest

from push import rules


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


POINT = b64(b"\x04" + b"\x01" * 64)
AUTH = b64(b"\x02" * 16)


@pytest.mark.parametrize(("status", "expected"), [
    (201, rules.SENT),      # RFC 8030 §5: accepted
    (202, rules.SENT),
    (404, rules.GONE),      # RFC 8030 §7.3: the subscription expired or is unknown
    (410, rules.GONE),
    (429, rules.RETRY),     # RFC 8030 §6.2 / RFC 6585: too many requests, later
    (500, rules.RETRY),
    (502, rules.RETRY),
    (503, rules.RETRY),
    (None, rules.RETRY),    # no answer at all
    (400, rules.REFUSED),
    (401, rules.REFUSED),
    (403, rules.REFUSED),   # RFC 8292 §4.2: the VAPID key does not match the subscription's
    (413, rules.REFUSED),   # RFC 8030 §7.2: the message is too large
])
def test_what_the_push_service_answered(status, expected):
    assert rules.outcome(status) == expected


@pytest.mark.parametrize(("endpoint", "https_only", "errors"), [
    ("https://fcm.googleapis.com/fcm/send/abc", True, []),
    ("https://updates.push.services.mozilla.com/wpush/v2/abc", True, []),
    ("https://web.push.apple.com/QGuQyavXutnMH", True, []),
    ("https://wns2-par02p.notify.windows.com/w/?token=abc", True, []),
    ("http://fcm.googleapis.com/fcm/send/abc", True, ["The endpoint must be an https address."]),
    ("https://evil.example.com/push", True, ["The endpoint is not an address of a known push service."]),
    ("https://fcm.googleapis.com.evil.example/push", True, ["The endpoint is not an address of a known push service."]),
    ("https://127.0.0.1/push", True, ["The endpoint is not an address of a known push service."]),
    ("http://127.0.0.1:8123/push/abc", False, []),  # development and tests: a local push service
    ("ftp://127.0.0.1/push", False, ["The endpoint is not a web address."]),
    ("https://user:pw@fcm.googleapis.com/x", True, ["The endpoint is not a web address."]),
    ("https://[::1", False, ["The endpoint is not a web address."]),
    ("", True, ["The subscription has no endpoint."]),
    (None, True, ["The subscription has no endpoint."]),
    ("https://fcm.googleapis.com/" + "a" * 1000, True, ["The endpoint is too long."]),
])
def test_endpoint(endpoint, https_only, errors):
    assert rules.endpoint_errors(endpoint, https_only=https_only) == errors


@pytest.mark.parametrize(("p256dh", "auth", "fields"), [
    (POINT, AUTH, set()),
    ("", AUTH, {"p256dh"}),
    (POINT, "", {"auth"}),
    (None, None, {"p256dh", "auth"}),
    (b64(b"\x04" + b"\x01" * 63), AUTH, {"p256dh"}),   # 64 bytes: not a point
    (b64(b"\x03" + b"\x01" * 64), AUTH, {"p256dh"}),   # not uncompressed
    (POINT, b64(b"\x02" * 15), {"auth"}),
    ("not base64!", AUTH, {"p256dh"}),
    (POINT + "==", AUTH + "==", set()),                 # padded is fine too
])
def test_keys(p256dh, auth, fields):
    assert set(rules.key_errors(p256dh, auth)) == fields


@pytest.mark.parametrize(("kinds", "ok"), [
    ([], True), (["handover"], True), (list(rules.KINDS), True), (["handover", "pizza"], False), ("handover", False),
    (None, False),
])
def test_kinds(kinds, ok):
    assert (rules.kinds_errors(kinds) == []) is ok


@pytest.mark.parametrize(("agent", "label"), [
    ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/130.0 Mobile Safari/537.36",
     "Chrome / Android"),
    ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Version/17.4 Mobile/15E148 "
     "Safari/604.1", "Safari / iOS"),
    ("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:131.0) Gecko/20100101 Firefox/131.0", "Firefox / Windows"),
    ("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/537.36 Chrome/130.0 Safari/537.36 Edg/130.0",
     "Edge / macOS"),
    ("", ""),
])
def test_device_label(agent, label):
    assert rules.device_label(agent) == label
