"""One login on every host: the main domain hands a single-use token to a location's host.

Each host keeps its own host-only session cookie. The main domain, where the person logged in (with the
second factor), makes a random token for one host, valid for `LOGIN_HANDOFF_SECONDS`, and stores only its
hash; the location's host redeems it once and logs the person in there. Every session made this way carries
the id of the central login, and `HostSession` lists them, so that logging out on any host ends them all.
See docs/accounts.md for why this and not a cookie shared across subdomains.

A token is bound to the browser that asked for it: the location's host gives that browser a random secret in a
cookie of its own (`STATE_COOKIE`) before sending it to the main domain, the token keeps the secret's hash, and
only a browser holding the secret can redeem it. Without this, a member could make a token for her own account
and have someone else open it, logging that person in as her (a login forgery).
"""
import hashlib
import re
import secrets
from datetime import timedelta
from importlib import import_module

from django.conf import settings
from django.db import transaction
from django.http import HttpResponseRedirect
from django.utils import timezone

from accounts import hosts
from accounts.models import HandoffToken, HostSession

#: Session key holding the central login's id.
LOGIN_ID = "central_login_id"
#: Session key holding the session key last written to HostSession (to notice a cycled key).
RECORDED_KEY = "central_login_recorded_key"
#: Cookie on a location's host holding the browser's handoff secret, sent only to the handoff's own URLs.
STATE_COOKIE = "handoff_state"
STATE_SECONDS = 10 * 60
#: The path both ends of the handoff live under (config.urls_common): the secret cookie is sent nowhere else.
STATE_COOKIE_PATH = "/accounts/handoff/"
STATE_FORMAT = re.compile(r"^[A-Za-z0-9_-]{43}$")  # secrets.token_urlsafe(32)


class HandoffRefused(Exception):
    """The token is unknown, used, expired, made for another host, or its person is inactive."""


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_login_id() -> str:
    return secrets.token_urlsafe(24)


def is_state(value: str | None) -> bool:
    return bool(value) and bool(STATE_FORMAT.match(value))


def send_to_central_login(request, next_path: str) -> HttpResponseRedirect:
    """From a location's host to the main domain's login, which hands the login back for `next_path` (a path on
    this host); the browser keeps (or gets) the secret its token will be bound to."""
    state = request.COOKIES.get(STATE_COOKIE)
    if not is_state(state):
        state = secrets.token_urlsafe(32)
    response = HttpResponseRedirect(hosts.main_url_for(
        "handoff-start", next=request.build_absolute_uri(next_path), state=state))
    response.set_cookie(STATE_COOKIE, state, max_age=STATE_SECONDS, path=STATE_COOKIE_PATH,
                        httponly=True, samesite="Lax", secure=request.is_secure())
    return response


def issue_token(*, user, host: str, login_id: str, state: str) -> str:
    """A fresh token for `user` on host name `host`, bound to the browser secret `state`; only hashes are stored."""
    token = secrets.token_urlsafe(32)
    HandoffToken.objects.create(
        token_hash=_hash(token), user=user, host=host.lower(), login_id=login_id, state_hash=_hash(state),
        expires_at=timezone.now() + timedelta(seconds=settings.LOGIN_HANDOFF_SECONDS),
    )
    return token


def redeem_token(*, token: str, host: str, state: str | None) -> HandoffToken:
    """Spend the token (the row is locked, so only once) and return it, or raise HandoffRefused."""
    now = timezone.now()
    with transaction.atomic():
        handoff = (HandoffToken.objects.select_for_update().select_related("user")
                   .filter(token_hash=_hash(token)).first())
        if handoff is None or handoff.used_at is not None or handoff.expires_at <= now:
            raise HandoffRefused
        # Spent whatever happens next: a token opened on the wrong host or in another browser is burnt.
        handoff.used_at = now
        handoff.save(update_fields=["used_at"])
    wrong_browser = not is_state(state) or not secrets.compare_digest(handoff.state_hash, _hash(state))
    if handoff.host != host.lower() or not handoff.user.is_active or wrong_browser:
        raise HandoffRefused
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
