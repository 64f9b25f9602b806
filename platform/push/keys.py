"""The cooperative's VAPID key pair (RFC 8292), with which every push message is signed.

Production reads the private key from WEB_PUSH_VAPID_PRIVATE_KEY (base64url of the 32-byte key, or a PEM);
`manage.py generate_vapid_keys` makes one. Development and tests derive a key of their own from SECRET_KEY, so the
web processes, the workers and a test's push service agree without any file or setting. Without a key (production
with the variable unset) push notifications are off: nobody can subscribe and nothing is sent.
"""
import hashlib
from functools import lru_cache

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.conf import settings

from push import rules

# The order of the P-256 group: a derived private value must lie in [1, n - 1].
_P256_ORDER = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551


def generate() -> tuple[str, str]:
    """A new key pair: (private key, public key), both base64url as the settings and browsers take them."""
    key = ec.generate_private_key(ec.SECP256R1())
    return rules.b64url_encode(key.private_numbers().private_value.to_bytes(32, "big")), public_key_text(key)


def public_key_text(key: ec.EllipticCurvePrivateKey) -> str:
    point = key.public_key().public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    return rules.b64url_encode(point)


def _parse(text: str) -> ec.EllipticCurvePrivateKey:
    text = text.strip()
    if text.startswith("-----BEGIN"):
        key = serialization.load_pem_private_key(text.encode(), password=None)
        if not isinstance(key, ec.EllipticCurvePrivateKey) or key.curve.name != "secp256r1":
            raise ValueError("not a P-256 key")
        return key
    raw = rules.b64url_decode(text)
    if raw is None or len(raw) != 32:
        raise ValueError("not 32 bytes of base64url")
    return ec.derive_private_key(int.from_bytes(raw, "big"), ec.SECP256R1())


def _derived() -> ec.EllipticCurvePrivateKey:
    seed = hashlib.sha256(b"opvangkring-web-push-vapid:" + settings.SECRET_KEY.encode()).digest()
    return ec.derive_private_key(int.from_bytes(seed, "big") % (_P256_ORDER - 1) + 1, ec.SECP256R1())


@lru_cache(maxsize=4)
def _key_for(text: str, secret: str, production: bool) -> ec.EllipticCurvePrivateKey | None:
    if text.strip():
        return _parse(text)
    return None if production else _derived()


def private_key() -> ec.EllipticCurvePrivateKey | None:
    return _key_for(settings.WEB_PUSH_VAPID_PRIVATE_KEY or "", settings.SECRET_KEY, settings.IS_PRODUCTION)


def enabled() -> bool:
    return private_key() is not None


def public_key() -> str:
    """The application server key the browser subscribes with (base64url of the uncompressed point)."""
    key = private_key()
    return public_key_text(key) if key is not None else ""


def key_error(text: str) -> str | None:
    """Why a configured private key cannot be used (for the deployment check); None when it can."""
    try:
        _parse(text)
    except (ValueError, TypeError) as exc:
        return str(exc) or type(exc).__name__
    return None
