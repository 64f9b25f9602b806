"""Sending a push notification, delivered through the outbox after the commit of the action it is about.

The notice says which location and what kind of news ("KDV Kikker" — "New handover"), in the person's own
language, and nothing else: no child's name, no text of the message, no amount. Before sending, it is checked
again that the person may still see the news (a guardian removed since, or whose child has left, gets nothing)
and still wants this kind on this device. A push service that answers 404 or 410 has forgotten the device: its
subscription is removed. No answer, 429 or a server error: the outbox tries again later (docs/outbox.md).
"""
from django.conf import settings
from django.db import connection
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from outbox.registry import handler
from push import rules, sender
from push.models import PushSubscription
from push.services import SEND


class PushServiceUnavailable(Exception):
    """The push service answered 429 or 5xx: try again later."""


class PushRefused(Exception):
    """The push service refused the message (a client error other than 404/410)."""


def text_of(kind: str) -> str:
    return {
        rules.HANDOVER: _("New handover"),
        rules.MESSAGE: _("New message"),
        rules.INVOICE: _("New invoice"),
        rules.CONTRACT: _("A contract to sign"),
        rules.HEALTH: _("Health news"),
    }[kind]


def may_see(user, payload: dict) -> bool:
    """Whether `user` may see the news at this location today (asked anew at each delivery)."""
    from accounts.roles import ENTREPRENEUR, PARENT, STAFF, roles_for

    location = connection.tenant
    if payload.get("audience") == rules.PARENT:
        if payload.get("child"):
            from tenants.children.models import Child
            from tenants.children.selectors import tied_guardian_ids

            return user.pk in tied_guardian_ids(Child.objects.filter(pk=payload["child"]))
        return PARENT in roles_for(user, location)
    return bool(roles_for(user, location) & {ENTREPRENEUR, STAFF})


def notice(location, kind: str, path: str, language: str) -> dict:
    """What the service worker shows: the location's name as title, the kind of news as text."""
    with translation.override(language or settings.LANGUAGE_CODE):
        body = text_of(kind)
    return {"title": location.name, "body": body, "tag": f"{location.slug}:{kind}",
            "url": location.url.rstrip("/") + (path or "/")}


@handler(SEND)
def send_push(payload: dict) -> None:
    """payload: {"subscription", "user", "kind", "audience", "child", "path"}; runs in the location's schema."""
    subscription = (PushSubscription.objects.select_related("user")
                    .filter(pk=payload["subscription"], user_id=payload["user"]).first())
    kind = payload.get("kind")
    if subscription is None or kind not in rules.KINDS or not getattr(subscription, kind):
        return  # unsubscribed, the device became someone else's, or this kind was turned off since
    user = subscription.user
    if not user.is_active or not may_see(user, payload):
        return
    status = sender.send(subscription, notice(connection.tenant, kind, payload.get("path", ""), user.language))
    result = rules.outcome(status)
    if result == rules.GONE:
        subscription.delete()
    elif result == rules.SENT:
        PushSubscription.objects.filter(pk=subscription.pk).update(last_sent_at=timezone.now())
    elif result == rules.RETRY:
        raise PushServiceUnavailable(status)
    else:
        raise PushRefused(status)
