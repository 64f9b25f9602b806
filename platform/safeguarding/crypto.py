"""Encryption at rest of meldcode case text: application-level field encryption with keys from the environment.

`settings.MELDCODE_KEYS` is a list of Fernet keys, newest first. New values are encrypted with the first key;
every key decrypts. To rotate, put a new key in front, run `manage.py rotate_meldcode_key` (which re-encrypts
every value with the first key) and then drop the old key. Production has no default key: without
MELDCODE_KEYS no case can be written or read.
"""
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models


@lru_cache(maxsize=4)
def _multi(keys: tuple[str, ...]) -> MultiFernet:
    try:
        return MultiFernet([Fernet(key.encode() if isinstance(key, str) else key) for key in keys])
    except (ValueError, TypeError) as exc:
        raise ImproperlyConfigured("MELDCODE_KEYS holds a value that is not a Fernet key") from exc


def cipher() -> MultiFernet:
    keys = tuple(key.strip() for key in getattr(settings, "MELDCODE_KEYS", []) if key and key.strip())
    if not keys:
        raise ImproperlyConfigured("Set MELDCODE_KEYS: meldcode cases are encrypted with it")
    return _multi(keys)


def encrypt(text: str) -> str:
    return cipher().encrypt(text.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    try:
        return cipher().decrypt(token.encode("ascii")).decode("utf-8")
    except InvalidToken:
        # No part of the value in the message: it is (or should be) ciphertext of case text.
        raise ImproperlyConfigured("A meldcode value cannot be decrypted with MELDCODE_KEYS") from None


def rotate(token: str) -> str:
    return cipher().rotate(token.encode("ascii")).decode("ascii")


class EncryptedTextField(models.TextField):
    """Text stored as a Fernet token; read back as the plain text. Lookups on it can never match (no search)."""

    def from_db_value(self, value, expression, connection):
        if value is None:
            return None
        return decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None:
            return None
        return encrypt(str(value))
