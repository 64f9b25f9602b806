"""One login on every host: the main domain hands a single-use token to a location's host.

Each host keeps its own host-only session cookie. The main domain, where the person logged in (with the
second factor), makes a random token for one host, valid for `LOGIN_HANDOFF_SECONDS`, and stores only its
hash; the location's host redeems it once and logs the person in there. Every session made this way carries
the id of the central login, and `HostSession` lists them, so that logging out on any host ends them all.
See docs/accounts.md for why this and not a cookie shared across subdomains.
"""
import hashlib
import secrets
from datetime import timedelta
from importlib import import_module

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from accounts.models import HandoffToken, HostSession

#: Session key holding the central login's id.
LOGIN_ID = "central_login_id"
#: Session key holding the session key last written to HostSession (to notice a cycled key).
RECORDED_KEY = "central_login_recorded_key"


class HandoffRefused(Exception):
    """The token is unknown, used, expired, made for another host, or its person is inactive."""


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_login_id() -> str:
    return secrets.token_urlsafe(24)


def issue_token(*, user, host: str, login_id: str) -> str:
    """A fresh token for `user` on host name `host`; only its hash is stored."""
    token = secrets.token_urlsafe(32)
    HandoffToken.objects.create(
        token_hash=_hash(token), user=user, host=host.lower(), login_id=login_id,
        expires_at=timezone.now() + timedelta(seconds=settings.LOGIN_HANDOFF_SECONDS),
    )
    return token


def redeem_token(*, token: str, host: str) -> HandoffToken:
    """Mark the token used (in the same transaction as the checks) and return it, or raise HandoffRefused."""
    now = timezone.now()
    with transaction.atomic():
        handoff = (HandoffToken.objects.select_for_update().select_related("user")
                   .filter(token_hash=_hash(token)).first())
        if handoff is None or handoff.used_at is not None or handoff.expires_at <= now:
            raise HandoffRefused
        if handoff.host != host.lower() or not handoff.user.is_active:
            raise HandoffRefused
        handoff.used_at = now
        handoff.save(update_fields=["used_at"])
    HandoffToken.objects.filter(expires_at__lt=now - timedelta(days=1)).delete()
    return handoff


def record_session(*, login_id: str, session_key: str, host: str) -> None:
    HostSession.objects.get_or_create(login_id=login_id, session_key=session_key, defaults={"host": host})


def end_login(*, login_id: str) -> int:
    """End every session of the central login `login_id`, on every host; returns how many there were."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    keys = list(HostSession.objects.filter(login_id=login_id).values_list("session_key", flat=True))
    for key in keys:
        store(session_key=key).delete()
    HostSession.objects.filter(login_id=login_id).delete()
    return len(keys)
