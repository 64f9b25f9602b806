"""Encryption at rest of identity numbers (BSN, Belgian national register number): application-level field
encryption with Fernet keys from the environment, as the meldcode cases do (safeguarding.crypto).

`settings.IDENTITY_NUMBER_KEYS` is a list of Fernet keys, newest first. New values are encrypted with the first
key; every key decrypts, so a key is rotated by putting a new one in front, saving every row again and then
dropping the old key. Production has no default key: without it no number can be written or read.
"""
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models


@lru_cache(maxsize=4)
def _multi(keys: tuple[str, ...]) -> MultiFernet:
    try:
        return MultiFernet([Fernet(key.encode()) for key in keys])
    except (ValueError, TypeError) as exc:
        raise ImproperlyConfigured("IDENTITY_NUMBER_KEYS holds a value that is not a Fernet key") from exc


def cipher() -> MultiFernet:
    keys = tuple(key.strip() for key in getattr(settings, "IDENTITY_NUMBER_KEYS", []) if key and key.strip())
    if not keys:
        raise ImproperlyConfigured("Set IDENTITY_NUMBER_KEYS: identity numbers are encrypted with it")
    return _multi(keys)


class EncryptedNumberField(models.TextField):
    """A number stored as a Fernet token, read back as plain text; '' stays '' (no number is no secret).
    Lookups on it can never match: find a person by their id, never by the number."""

    def from_db_value(self, value, expression, connection):
        if not value:
            return value or ""
        try:
            return cipher().decrypt(value.encode("ascii")).decode("utf-8")
        except InvalidToken:
            raise ImproperlyConfigured("An identity number cannot be decrypted with IDENTITY_NUMBER_KEYS") from None

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if not value:
            return ""
        return cipher().encrypt(str(value).encode("utf-8")).decode("ascii")
