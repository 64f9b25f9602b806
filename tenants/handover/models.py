"""The daily handover (overdracht) of one child on one day, its photos and the parents' replies."""
import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils.functional import LazyObject
from django.utils.translation import gettext_lazy as _

from accounts.fields import person


class PrivateFileSystemStorage(FileSystemStorage):
    """Files without a URL of their own: they are only served through a signed, short-lived link."""

    def url(self, name):
        raise ValueError("Private files have no public URL; use a signed link.")


class PrivateStorage(LazyObject):
    """MEDIA_ROOT/private, read when first used (so tests can point MEDIA_ROOT elsewhere)."""

    def _setup(self):
        from pathlib import Path

        self._wrapped = PrivateFileSystemStorage(location=Path(settings.MEDIA_ROOT) / "private")


private_storage = PrivateStorage()


def get_private_storage():
    """Callable for the field, so migrations refer to this function and not to a storage instance."""
    return private_storage


def photo_path(instance, filename):
    from django.db import connection

    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"handover/{connection.schema_name}/{uuid.uuid4().hex}.{ext}"


class Handover(models.Model):
    class Mood(models.TextChoices):
        CHEERFUL = "cheerful", _("cheerful")
        CONTENT = "content", _("content")
        QUIET = "quiet", _("quiet")
        TIRED = "tired", _("tired")
        UNSETTLED = "unsettled", _("unsettled")
        SAD = "sad", _("sad")

    child = models.ForeignKey("children.Child", on_delete=models.CASCADE, related_name="handovers",
                              verbose_name=_("child"))
    date = models.DateField(_("date"))
    eating = models.TextField(_("eating and drinking"), blank=True)
    naps = models.JSONField(_("sleep"), default=list, blank=True)
    nappies = models.TextField(_("nappies or toilet"), blank=True)
    mood = models.CharField(_("mood"), max_length=12, choices=Mood.choices, blank=True)
    behaviour = models.TextField(_("mood and behaviour"), blank=True)
    activities = models.TextField(_("activities"), blank=True)
    message = models.TextField(_("message for the parents"), blank=True)
    written_by = person(models.SET_NULL, null=True, related_name="+")
    written_at = models.DateTimeField(_("written at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-date", "child__first_name"]
        verbose_name = _("handover")
        constraints = [models.UniqueConstraint(fields=["child", "date"], name="handover_one_per_child_day")]

    def __str__(self):
        return f"handover {self.child_id} {self.date}"


class HandoverPhoto(models.Model):
    handover = models.ForeignKey(Handover, on_delete=models.CASCADE, related_name="photos")
    file = models.FileField(storage=get_private_storage, upload_to=photo_path, max_length=300)
    content_type = models.CharField(max_length=40)
    caption = models.CharField(_("caption"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("handover photo")

    def __str__(self):
        return f"photo {self.pk} of handover {self.handover_id}"


class HandoverReply(models.Model):
    """A parent's (or the staff's) answer to the day's handover."""

    handover = models.ForeignKey(Handover, on_delete=models.CASCADE, related_name="replies")
    author = person(models.SET_NULL, null=True, related_name="+")
    author_name = models.CharField(max_length=200)
    text = models.TextField(_("reply"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("reply to a handover")

    def __str__(self):
        return f"reply {self.pk} to handover {self.handover_id}"


class HandoverRead(models.Model):
    """When a guardian first read the handover (so staff know it reached the parents)."""

    handover = models.ForeignKey(Handover, on_delete=models.CASCADE, related_name="reads")
    user = person(models.CASCADE, related_name="+")
    read_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["handover", "user"], name="handover_read_once")]

    def __str__(self):
        return f"handover {self.handover_id} read by {self.user_id}"
