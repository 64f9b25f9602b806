"""E-mails of care requests, written with the action and delivered through the outbox after the commit
(docs/outbox.md). Rendered when delivered, in the recipient's language; the payload holds ids only. No e-mail
to a location names the child or the family: it says where to look."""
from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.utils import translation
from django.utils.translation import gettext as _

from outbox import services as outbox
from outbox.registry import handler

CONFIRM = "intake.confirm"
OFFER = "intake.offer"
ANSWER = "intake.answer"
PLACED_ELSEWHERE = "intake.placed_elsewhere"

CONFIRM_SALT = "intake.confirm"
CONFIRM_MAX_AGE = 14 * 24 * 3600  # the link works two weeks


def confirm_token(request) -> str:
    return signing.dumps({"r": request.pk, "e": request.email}, salt=CONFIRM_SALT)


def request_from_token(token: str):
    """The unconfirmed or confirmed request a link is for, or None (a wrong, changed or expired link)."""
    from intake.models import CareRequest

    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    return CareRequest.objects.filter(pk=data.get("r"), email=data.get("e")).first()


def send_confirmation(request) -> None:
    outbox.enqueue(CONFIRM, [{"request": request.pk}], ref=f"care-request:{request.pk}", location=None)


def send_offer(entry) -> None:
    outbox.enqueue(OFFER, [{"entry": entry.pk}], ref=f"care-request:{entry.request_id}", location=None)


def send_answer(entry) -> None:
    outbox.enqueue(ANSWER, [{"entry": entry.pk}], ref=f"care-request:{entry.request_id}", location=None)


def send_placed_elsewhere(entries) -> None:
    entries = list(entries)
    if entries:
        outbox.enqueue(PLACED_ELSEWHERE, [{"entry": entry.pk} for entry in entries],
                       ref=f"care-request:{entries[0].request_id}", location=None)


def _entrepreneurs(location):
    from accounts.models import Membership

    return [m.user for m in Membership.objects.filter(location=location, role=Membership.Role.ENTREPRENEUR,
                                                      is_active=True, user__is_active=True).select_related("user")]


def _mine_url() -> str:
    from accounts.hosts import main_url_for

    return main_url_for("intake-mine")


@handler(CONFIRM)
def deliver_confirmation(payload: dict) -> None:
    """payload: {"request": id}: the link that confirms the address (and makes or finds the account)."""
    from django.urls import reverse

    from accounts.hosts import main_url
    from intake.models import CareRequest

    request = CareRequest.objects.filter(pk=payload["request"], status=CareRequest.Status.UNCONFIRMED).first()
    if request is None:
        return
    url = main_url(reverse("intake-confirm", kwargs={"token": confirm_token(request)},
                           urlconf=settings.PUBLIC_SCHEMA_URLCONF))
    with translation.override(settings.LANGUAGE_CODE):
        send_mail(_("Confirm your care request"),
                  _("You asked for childcare. Confirm your e-mail address to put the request on the waiting "
                    "lists; the link works for two weeks:\n\n%(url)s\n\nDid you not ask for childcare? Then "
                    "ignore this e-mail: nothing is kept without confirmation.") % {"url": url},
                  None, [request.email])


@handler(OFFER)
def deliver_offer(payload: dict) -> None:
    """payload: {"entry": id}: the parent hears of the offer and the date to answer by."""
    from intake.models import ListEntry

    entry = ListEntry.objects.select_related("request", "location", "request__user").filter(
        pk=payload["entry"], status=ListEntry.Status.OFFERED).first()
    if entry is None or entry.request.user is None:
        return
    user = entry.request.user
    with translation.override(user.language or settings.LANGUAGE_CODE):
        send_mail(_("A place is offered to you"),
                  _("%(location)s offers a place from %(start)s. Answer before %(deadline)s: %(url)s") % {
                      "location": entry.location.name, "start": entry.offer_start.isoformat(),
                      "deadline": entry.offer_deadline.isoformat(), "url": _mine_url()}, None, [user.email])


@handler(ANSWER)
def deliver_answer(payload: dict) -> None:
    """payload: {"entry": id}: the location's entrepreneurs hear the parent answered its offer."""
    from intake.models import ListEntry

    entry = ListEntry.objects.select_related("location").filter(pk=payload["entry"]).first()
    if entry is None:
        return
    for person in _entrepreneurs(entry.location):
        with translation.override(person.language or settings.LANGUAGE_CODE):
            text = (_("A parent accepted the place offered; the draft contract waits for the signature.")
                    if entry.status == ListEntry.Status.PLACED else _("A parent declined the place offered."))
            send_mail(_("An answer to your offer"), f"{text} {entry.location.url}waiting-list/", None,
                      [person.email])


@handler(PLACED_ELSEWHERE)
def deliver_placed_elsewhere(payload: dict) -> None:
    """payload: {"entry": id}: the other locations of the request hear it was placed elsewhere; the parent is
    asked whether to keep the request there."""
    from intake.models import ListEntry

    entry = ListEntry.objects.select_related("location", "request__user").filter(pk=payload["entry"]).first()
    if entry is None:
        return
    for person in _entrepreneurs(entry.location):
        with translation.override(person.language or settings.LANGUAGE_CODE):
            send_mail(_("A request on your waiting list was placed elsewhere"),
                      _("A child on your waiting list has a place at another location. The parent is asked "
                        "whether to keep the request: %(url)swaiting-list/") % {"url": entry.location.url},
                      None, [person.email])
    user = entry.request.user
    if user is not None:
        with translation.override(user.language or settings.LANGUAGE_CODE):
            send_mail(_("Keep your other care requests?"),
                      _("Your child has a place. Do you want to stay on the waiting list of %(location)s? Say so "
                        "here: %(url)s") % {"location": entry.location.name, "url": _mine_url()},
                      None, [user.email])
