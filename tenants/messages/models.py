"""Conversations between parents and the location (the child's group or the entrepreneur), with read
receipts, and announcements from the location to all parents or one group."""
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.fields import person


class Conversation(models.Model):
    class Recipient(models.TextChoices):
        GROUP = "group", _("the group")
        ENTREPRENEUR = "entrepreneur", _("the entrepreneur")

    child = models.ForeignKey("children.Child", on_delete=models.CASCADE, related_name="conversations",
                              verbose_name=_("child"))
    recipient = models.CharField(_("to"), max_length=20, choices=Recipient.choices, default=Recipient.GROUP)
    group = models.ForeignKey("groups.Group", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                              verbose_name=_("group"))
    subject = models.CharField(_("subject"), max_length=200)
    started_by = person(models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    last_message_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-last_message_at", "-pk"]
        verbose_name = _("conversation")

    def __str__(self):
        return self.subject


class Message(models.Model):
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="messages")
    author = person(models.SET_NULL, null=True, related_name="+")
    author_name = models.CharField(max_length=200)
    from_location = models.BooleanField(default=False)
    body = models.TextField(_("message"))
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["sent_at", "pk"]
        verbose_name = _("message")

    def __str__(self):
        return f"message {self.pk} in conversation {self.conversation_id}"


class MessageRead(models.Model):
    """A read receipt: who read which message when."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="reads")
    user = person(models.CASCADE, related_name="+")
    read_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["message", "user"], name="messages_read_once")]

    def __str__(self):
        return f"message {self.message_id} read by {self.user_id}"


class Announcement(models.Model):
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"))
    group = models.ForeignKey("groups.Group", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                              verbose_name=_("group"), help_text=_("Empty: all parents of the location."))
    author = person(models.SET_NULL, null=True, related_name="+")
    published_at = models.DateTimeField(auto_now_add=True)
    #: The token of the form (or the API's Idempotency-Key) it was sent with: the same one again is a repeat.
    idempotency_key = models.CharField(max_length=64, blank=True, default="")

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("announcement")
        constraints = [
            models.UniqueConstraint(fields=["author", "idempotency_key"], condition=~models.Q(idempotency_key=""),
                                    name="announcement_once_per_key"),
        ]

    def __str__(self):
        return self.title


class AnnouncementRead(models.Model):
    announcement = models.ForeignKey(Announcement, on_delete=models.CASCADE, related_name="reads")
    user = person(models.CASCADE, related_name="+")
    read_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["announcement", "user"], name="announcement_read_once")]

    def __str__(self):
        return f"announcement {self.announcement_id} read by {self.user_id}"
