"""Logins and logouts on any host: record the session under its central login; logging out ends them all;
a completed password reset lifts an axes lock."""
from allauth.account.signals import password_reset
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver

from accounts import handoff
from accounts.throttling import lift_lock


@receiver(user_logged_in, dispatch_uid="accounts.central_login")
def start_or_continue_central_login(sender, request, user, **kwargs):
    """A login on the main domain starts a central login; a handoff continues the one it carries."""
    session = getattr(request, "session", None)
    if session is None:
        return
    login_id = getattr(request, "handoff_login_id", None) or handoff.new_login_id()
    session[handoff.LOGIN_ID] = login_id
    if session.session_key:
        handoff.record_session(login_id=login_id, session_key=session.session_key, host=_host(request))
        session[handoff.RECORDED_KEY] = session.session_key


@receiver(user_logged_out, dispatch_uid="accounts.logout_everywhere")
def end_central_login(sender, request, user, **kwargs):
    session = getattr(request, "session", None)
    login_id = session.get(handoff.LOGIN_ID) if session is not None else None
    if login_id:
        handoff.end_login(login_id=login_id)


@receiver(password_reset, dispatch_uid="accounts.lift_lock_after_reset")
def lift_lock_after_reset(sender, request, user, **kwargs):
    lift_lock(email=user.email)


def _host(request) -> str:
    try:
        return request.get_host()
    except Exception:  # noqa: BLE001 - a test's fake request has no host; the host is only informative
        return ""
