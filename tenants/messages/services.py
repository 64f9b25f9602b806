"""Writes of messages: start a conversation, send a message, mark as read, publish an announcement.
Every new message or announcement sends an e-mail notice that carries no content beyond "you have a new
message": one outgoing message per recipient, written with the message and delivered after the commit, so a
mail server that is down never undoes or fails what was saved (see docs/outbox.md)."""
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Membership
from accounts.roles import ENTREPRENEUR, PARENT, STAFF
from outbox import selectors as outbox_selectors
from outbox import services as outbox
from push import rules as push_rules
from push import services as push
from tenants.children.models import Child
from tenants.children.selectors import tied_guardian_ids
from tenants.groups.models import StaffProfile
from tenants.messages.deliveries import NOTICE
from tenants.messages.models import Announcement, AnnouncementRead, Conversation, Message, MessageRead

MAX_BODY = 5000
MAX_IDEMPOTENCY_KEY = 64
#: The same announcement (author, title, text, audience) again within this time is the same one sent twice.
REPEAT_WINDOW = timedelta(minutes=5)


def _location():
    from tenants.calendar.selectors import current_location

    return current_location()


def _notify(user_ids, kind: str, path: str, ref: str) -> None:
    user_ids = sorted(set(user_ids))
    if not user_ids:
        return
    outbox.enqueue(NOTICE, [{"user": uid, "kind": kind, "path": path} for uid in user_ids], ref=ref,
                   location=_location())


def _entrepreneur_ids(location) -> list[int]:
    return list(Membership.objects.filter(location=location, role=ENTREPRENEUR, is_active=True)
                .values_list("user_id", flat=True))


def location_side_ids(conversation: Conversation) -> list[int]:
    """Who reads a conversation at the location: the group's staff (or the entrepreneur)."""
    location = _location()
    if conversation.recipient == Conversation.Recipient.GROUP and conversation.group_id:
        staff = list(StaffProfile.objects.filter(groups=conversation.group_id, is_active=True)
                     .values_list("user_id", flat=True))
        if staff:
            return staff
    return _entrepreneur_ids(location)


def _is_guardian(child: Child, user) -> bool:
    return child.guardians.filter(pk=user.pk).exists()


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": [_("Write a message.")]})
    if len(body) > MAX_BODY:
        raise ValidationError({"body": [_("At most %(n)s characters.") % {"n": MAX_BODY}]})
    return body


@transaction.atomic
def start_conversation(child: Child, *, by, roles: set[str], subject: str, body: str,
                       recipient: str = Conversation.Recipient.GROUP) -> Conversation:
    errors = {}
    parent_side = not (roles & {ENTREPRENEUR, STAFF})
    if parent_side and not (PARENT in roles and _is_guardian(child, by)):
        errors["child"] = [_("You can only write about your own child.")]
    if recipient not in Conversation.Recipient.values:
        errors["recipient"] = [_("Choose who the message is for.")]
    subject = (subject or "").strip()
    if not subject:
        errors["subject"] = [_("Give a subject.")]
    elif len(subject) > 200:
        errors["subject"] = [_("At most %(n)s characters.") % {"n": 200}]
    try:
        body = _clean_body(body)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    conversation = Conversation.objects.create(child=child, recipient=recipient, group_id=child.group_id,
                                               subject=subject, started_by=by)
    send_message(conversation, by=by, roles=roles, body=body)
    return conversation


@transaction.atomic
def send_message(conversation: Conversation, *, by, roles: set[str], body: str) -> Message:
    body = _clean_body(body)
    from_location = bool(roles & {ENTREPRENEUR, STAFF}) and not _is_guardian(conversation.child, by)
    if not from_location and not _is_guardian(conversation.child, by):
        raise ValidationError({"body": [_("You are not part of this conversation.")]})
    message = Message.objects.create(conversation=conversation, author=by, author_name=by.full_name or by.email,
                                     from_location=from_location, body=body)
    MessageRead.objects.create(message=message, user=by)
    Conversation.objects.filter(pk=conversation.pk).update(last_message_at=message.sent_at)
    if from_location:
        recipients = list(conversation.child.guardians.values_list("pk", flat=True))
    else:
        recipients = location_side_ids(conversation)
    recipients = [uid for uid in recipients if uid != by.pk]
    path = reverse("message-thread", args=[conversation.pk])
    _notify(recipients, "message", path, ref=f"message:{message.pk}")
    audience = push_rules.PARENT if from_location else push_rules.LOCATION
    push.notify(recipients, kind=push_rules.MESSAGE, audience=audience, child_id=conversation.child_id, path=path)
    return message


def mark_read(conversation: Conversation, user) -> int:
    """Read receipts for every message of the conversation by others that `user` had not read yet."""
    unread = conversation.messages.exclude(author=user).exclude(reads__user=user).values_list("pk", flat=True)
    rows = [MessageRead(message_id=pk, user=user) for pk in unread]
    MessageRead.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def _announcement_lock(author_id: int) -> None:
    """Serialise one author's announcements until the commit, so a double submit sees the first one."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))",
                       [f"parent_messages.announcement:{author_id}"])


def _same_announcement(*, by, title: str, body: str, group, idempotency_key: str) -> Announcement | None:
    """An announcement this one repeats: the same form sent again (its key), or the same author, title, text
    and audience within REPEAT_WINDOW."""
    mine = Announcement.objects.filter(author=by)
    if idempotency_key:
        earlier = mine.filter(idempotency_key=idempotency_key).first()
        if earlier is not None:
            return earlier
    return mine.filter(title=title, body=body, group=group,
                       published_at__gte=timezone.now() - REPEAT_WINDOW).order_by("-published_at").first()


@transaction.atomic
def publish_announcement_once(*, by, title: str, body: str, group=None,
                              idempotency_key: str = "") -> tuple[Announcement, bool]:
    """Publish an announcement and notify the parents it is for; (announcement, created). Sending the same
    announcement twice (a double click, a retried request with the same `idempotency_key`, or the same text
    to the same audience again within minutes) gives the first one back and stores and sends nothing more."""
    errors = {}
    title = (title or "").strip()
    if not title:
        errors["title"] = [_("Give a title.")]
    try:
        body = _clean_body(body)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    idempotency_key = (idempotency_key or "").strip()
    if len(idempotency_key) > MAX_IDEMPOTENCY_KEY:
        errors["idempotency_key"] = [_("At most %(n)s characters.") % {"n": MAX_IDEMPOTENCY_KEY}]
    if errors:
        raise ValidationError(errors)
    title = title[:200]
    _announcement_lock(by.pk)
    earlier = _same_announcement(by=by, title=title, body=body, group=group, idempotency_key=idempotency_key)
    if earlier is not None:
        return earlier, False
    announcement = Announcement.objects.create(title=title, body=body, group=group, author=by,
                                               idempotency_key=idempotency_key)
    children = Child.objects.all() if group is None else Child.objects.filter(group=group)
    parents = tied_guardian_ids(children)  # not those removed from the children or whose child has left
    path = reverse("announcement-page", args=[announcement.pk])
    _notify(parents, "announcement", path, ref=announcement_ref(announcement))
    push.notify(parents, kind=push_rules.MESSAGE, audience=push_rules.PARENT, path=path)
    return announcement, True


def publish_announcement(*, by, title: str, body: str, group=None, idempotency_key: str = "") -> Announcement:
    return publish_announcement_once(by=by, title=title, body=body, group=group,
                                     idempotency_key=idempotency_key)[0]


def announcement_ref(announcement: Announcement) -> str:
    return f"announcement:{announcement.pk}"


def notice_state(announcement: Announcement) -> str:
    """How the e-mail notices of an announcement went (outbox.rules.STATE_*)."""
    return outbox_selectors.state_of(announcement_ref(announcement), _location())


def send_notices_again(announcement: Announcement) -> int:
    """Send the notices that were not delivered again: the same announcement, no second one."""
    return outbox.send_again(outbox_selectors.deliveries_of(announcement_ref(announcement), _location()))


def mark_announcement_read(announcement: Announcement, user) -> None:
    AnnouncementRead.objects.get_or_create(announcement=announcement, user=user)


def erase_for_child(child: Child) -> int:
    count = Conversation.objects.filter(child=child).count()
    Conversation.objects.filter(child=child).delete()
    return count


