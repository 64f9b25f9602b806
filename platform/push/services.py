"""Writes of push subscriptions (subscribe, choose kinds, unsubscribe) and the one call an action makes when there
is news: `notify`, inside the action's transaction. It writes one outgoing message (outbox) per device that wants
this kind of news; a worker sends it after the commit (push.deliveries), retried while the push service is down
and shown in the outgoing messages when it was given up (docs/outbox.md). A notice carries the location's name and
the kind of news only (docs/push.md)."""
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from push import keys, rules
from push.models import PushSubscription

SEND = "push.send"


def _errors(**fields: list[str]) -> dict[str, list[str]]:
    return {field: [_(message) for message in messages] for field, messages in fields.items() if messages}


def _allowed_hosts() -> tuple[str, ...]:
    return rules.KNOWN_PUSH_HOSTS + tuple(settings.WEB_PUSH_HOSTS)


def _clean_kinds(kinds) -> list[str]:
    if kinds is None:
        return list(rules.KINDS)
    errors = rules.kinds_errors(kinds)
    if errors:
        raise ValidationError(_errors(kinds=errors))
    return list(kinds)


@transaction.atomic
def subscribe(*, user, endpoint, p256dh, auth, user_agent: str = "", kinds=None) -> tuple[PushSubscription, bool]:
    """Store the browser's subscription for `user`; (subscription, created). The same browser again keeps its
    choice of kinds; a browser that was another person's (a shared device) becomes hers, with every kind on."""
    if not keys.enabled():
        raise ValidationError(_errors(endpoint=["Push notifications are not available here."]))
    endpoint_problems = rules.endpoint_errors(endpoint, https_only=settings.WEB_PUSH_HTTPS_ONLY,
                                              allowed_hosts=_allowed_hosts())
    key_problems = rules.key_errors(p256dh, auth)
    kind_problems = rules.kinds_errors(kinds) if kinds is not None else []
    errors = _errors(endpoint=endpoint_problems, kinds=kind_problems,
                     keys=key_problems.get("p256dh", []) + key_problems.get("auth", []))
    if errors:
        raise ValidationError(errors)
    endpoint = endpoint.strip()
    existing = PushSubscription.objects.select_for_update().filter(endpoint=endpoint).first()
    chosen = _clean_kinds(kinds)
    if existing is not None and existing.user_id == user.pk:
        existing.p256dh, existing.auth = p256dh.strip(), auth.strip()
        if kinds is not None:
            for kind in rules.KINDS:
                setattr(existing, kind, kind in chosen)
        existing.save()
        return existing, False
    if existing is not None:
        existing.delete()
    subscription = PushSubscription.objects.create(
        user=user, endpoint=endpoint, p256dh=p256dh.strip(), auth=auth.strip(),
        device=rules.device_label(user_agent)[:60], **{kind: kind in chosen for kind in rules.KINDS})
    return subscription, True


def set_kinds(subscription: PushSubscription, *, kinds) -> PushSubscription:
    """Which kinds of news this device receives (an empty list: none, the subscription stays)."""
    chosen = _clean_kinds(kinds)
    for kind in rules.KINDS:
        setattr(subscription, kind, kind in chosen)
    subscription.save(update_fields=list(rules.KINDS))
    return subscription


def unsubscribe(subscription: PushSubscription) -> None:
    subscription.delete()


# --- news ---------------------------------------------------------------------------------------------------


def _message(subscription: int, user: int, *, kind: str, audience: str, child_id, path: str) -> dict:
    """The outgoing message of one device (what `send` reads back): one shape for single news and a run's batch."""
    return {"subscription": subscription, "user": user, "kind": kind, "audience": audience, "child": child_id,
            "path": path}


def notify(user_ids, *, kind: str, audience: str, child_id: int | None = None, path: str = "") -> int:
    """There is news of `kind` at the current location for `user_ids`: one outgoing message per device of theirs
    that wants it. Who may see it is checked again when it is sent (a guardian removed since gets nothing).
    `audience` is rules.PARENT (with the child the news is about, if any) or rules.LOCATION (staff and the
    entrepreneur). Returns the number of messages written."""
    from outbox import services as outbox

    if kind not in rules.KINDS or audience not in (rules.PARENT, rules.LOCATION):
        raise ValueError(f"unknown kind or audience: {kind!r}, {audience!r}")
    user_ids = sorted({uid for uid in user_ids if uid is not None})
    if not user_ids or not keys.enabled():
        return 0
    devices = PushSubscription.objects.filter(user_id__in=user_ids, **{kind: True}).values_list("pk", "user_id")
    payloads = [_message(pk, uid, kind=kind, audience=audience, child_id=child_id, path=path) for pk, uid in devices]
    if payloads:
        outbox.enqueue(SEND, payloads, ref=f"push:{kind}")
    return len(payloads)


def location_path(name: str, *args) -> str:
    """A page at the location the news is about. Its URL is looked up among the location's pages, also when the
    news comes from a request on the main domain (a placement accepted there makes a contract to sign)."""
    from django.conf import settings
    from django.urls import reverse

    return reverse(name, args=args, urlconf=settings.ROOT_URLCONF)


def notify_guardians(child, *, kind: str, path: str = "") -> int:
    """News about `child` for its guardians who are parents here today (not those removed or whose child left)."""
    from tenants.children.models import Child
    from tenants.children.selectors import tied_guardian_ids

    return notify(tied_guardian_ids(Child.objects.filter(pk=child.pk)), kind=kind, audience=rules.PARENT,
                  child_id=child.pk, path=path)


def notify_invoice(invoice) -> int:
    """A new invoice: the paying parent, while she is a parent of the child here."""
    if not invoice.parent_id:
        return 0
    return notify([invoice.parent_id], kind=rules.INVOICE, audience=rules.PARENT, child_id=invoice.child_id,
                  path=location_path("billing-invoices"))


def notify_invoices(invoices) -> int:
    """New invoices of a monthly run: what `notify_invoice` writes for each, with the paying parents' devices read
    once for all of them and written in one insert."""
    from outbox import services as outbox

    invoices = [invoice for invoice in invoices if invoice.parent_id]
    if not invoices or not keys.enabled():
        return 0
    devices: dict[int, list[int]] = {}
    for pk, uid in (PushSubscription.objects.filter(user_id__in={invoice.parent_id for invoice in invoices},
                                                    **{rules.INVOICE: True})
                    .order_by("pk").values_list("pk", "user_id")):
        devices.setdefault(uid, []).append(pk)
    path = location_path("billing-invoices")
    payloads = [_message(pk, invoice.parent_id, kind=rules.INVOICE, audience=rules.PARENT, child_id=invoice.child_id,
                         path=path)
                for invoice in invoices for pk in devices.get(invoice.parent_id, ())]
    if payloads:
        outbox.enqueue(SEND, payloads, ref=f"push:{rules.INVOICE}")
    return len(payloads)
