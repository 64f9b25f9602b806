"""Reads of conversations and announcements that respect who is asking.

- the entrepreneur: every conversation and announcement of the location;
- staff: conversations addressed to a group they work with (assigned or on today's roster);
- a parent: the conversations about their own children, and the announcements to all parents or to a group
  one of their children is in while that child's place runs.
"""
from django.db.models import Count, Exists, OuterRef, Q

from accounts.roles import ENTREPRENEUR, PARENT, STAFF
from tenants.attendance.selectors import local_today
from tenants.children.models import Child
from tenants.children.selectors import running_child_ids
from tenants.groups.selectors import group_ids_of_staff_member
from tenants.messages.models import Announcement, AnnouncementRead, Conversation, Message, MessageRead


def conversations_visible_to(user, roles: set[str]):
    qs = Conversation.objects.select_related("child", "group")
    if ENTREPRENEUR in roles:
        return qs
    condition = Q(pk__in=[])
    if STAFF in roles:
        condition |= Q(recipient=Conversation.Recipient.GROUP,
                       group_id__in=group_ids_of_staff_member(user, local_today()))
    if PARENT in roles:
        condition |= Q(child__guardians=user)
    return qs.filter(condition).distinct()


def with_unread(qs, user):
    """Annotate `unread`: messages by others that `user` has not read."""
    unread = Message.objects.filter(conversation=OuterRef("pk")).exclude(author=user).exclude(
        Exists(MessageRead.objects.filter(message=OuterRef("pk"), user=user)))
    return qs.annotate(unread=Count("messages", filter=Q(messages__in=unread), distinct=True)).order_by(
        "-last_message_at", "-pk")


def unread_count(user, roles: set[str]) -> int:
    conversations = conversations_visible_to(user, roles).values("pk")
    return (Message.objects.filter(conversation__in=conversations).exclude(author=user)
            .exclude(Exists(MessageRead.objects.filter(message=OuterRef("pk"), user=user))).count())


def messages_of(conversation: Conversation):
    return conversation.messages.prefetch_related("reads")


def announcements_for(user, roles: set[str]):
    qs = Announcement.objects.all()
    if roles & {ENTREPRENEUR, STAFF}:
        return qs
    if PARENT in roles:
        groups = Child.objects.filter(pk__in=running_child_ids(user), group__isnull=False).values("group_id")
        return qs.filter(Q(group__isnull=True) | Q(group_id__in=groups))
    return qs.none()


def unread_announcements(user, roles: set[str]):
    return announcements_for(user, roles).exclude(
        Exists(AnnouncementRead.objects.filter(announcement=OuterRef("pk"), user=user)))
