"""Writes of messages: start a conversation, send a message, mark as read, publish an announcement.
Every new message or announcement sends an e-mail notice (after the transaction commits) that carries no
content beyond "you have a new message"."""
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.models import Membership
from accounts.roles import ENTREPRENEUR, PARENT, STAFF
from tenants.children.models import Child
from tenants.groups.models import StaffProfile
from tenants.messages import tasks
from tenants.messages.models import Announcement, AnnouncementRead, Conversation, Message, MessageRead

MAX_BODY = 5000


def _location():
    from tenants.calendar.selectors import current_location

    return current_location()


def _notify(user_ids, kind: str, path: str) -> None:
    user_ids = sorted(set(user_ids))
    if not user_ids:
        return
    location = _location()
    url = location.url.rstrip("/") + path
    transaction.on_commit(lambda: tasks.send_notices(user_ids, location.name, url, kind))


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
    _notify([uid for uid in recipients if uid != by.pk], "message",
            reverse("message-thread", args=[conversation.pk]))
    return message


def mark_read(conversation: Conversation, user) -> int:
    """Read receipts for every message of the conversation by others that `user` had not read yet."""
    unread = conversation.messages.exclude(author=user).exclude(reads__user=user).values_list("pk", flat=True)
    rows = [MessageRead(message_id=pk, user=user) for pk in unread]
    MessageRead.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


@transaction.atomic
def publish_announcement(*, by, title: str, body: str, group=None) -> Announcement:
    errors = {}
    title = (title or "").strip()
    if not title:
        errors["title"] = [_("Give a title.")]
    try:
        body = _clean_body(body)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    announcement = Announcement.objects.create(title=title[:200], body=body, group=group, author=by)
    children = Child.objects.all() if group is None else Child.objects.filter(group=group)
    parents = set(children.values_list("guardians", flat=True)) - {None}
    _notify(parents, "announcement", reverse("announcement-page", args=[announcement.pk]))
    return announcement


def mark_announcement_read(announcement: Announcement, user) -> None:
    AnnouncementRead.objects.get_or_create(announcement=announcement, user=user)


def erase_for_child(child: Child) -> int:
    count = Conversation.objects.filter(child=child).count()
    Conversation.objects.filter(child=child).delete()
    return count


