"""Writes of the daily handover: staff write (or complete) the day's handover of a child, add photos;
guardians read and answer."""
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.roles import ENTREPRENEUR, STAFF
from config.service_errors import translated
from push import rules as push_rules
from push import services as push
from tenants.children.models import Child
from tenants.handover import rules
from tenants.handover.models import Handover, HandoverPhoto, HandoverRead, HandoverReply

TEXT_FIELDS = ("eating", "nappies", "behaviour", "activities", "message")


@transaction.atomic
def write_handover(child: Child, *, day: date, by, eating: str = "", sleep: str = "", nappies: str = "",
                   mood: str = "", behaviour: str = "", activities: str = "", message: str = "") -> Handover:
    """Create or complete the handover of `child` on `day`. Bad input stores nothing and names the field."""
    errors: dict[str, list[str]] = {}
    texts = {"eating": eating, "nappies": nappies, "behaviour": behaviour, "activities": activities,
             "message": message}
    for field, value in texts.items():
        if len(value or "") > rules.MAX_TEXT:
            errors[field] = [_("At most %(n)s characters.") % {"n": rules.MAX_TEXT}]
    naps, nap_errors = rules.parse_naps(sleep)
    if nap_errors:
        errors["sleep"] = [_(message) for message in nap_errors]
    if mood and mood not in Handover.Mood.values:
        errors["mood"] = [_("Choose one of the moods.")]
    if not errors and not rules.has_content({**texts, "sleep": sleep, "mood": mood}):
        errors["eating"] = [_("Write at least something about the day.")]
    if errors:
        raise ValidationError(errors)
    handover, created = Handover.objects.select_for_update().get_or_create(
        child=child, date=day, defaults={"written_by": by})
    for field, value in texts.items():
        setattr(handover, field, (value or "").strip())
    handover.naps = rules.naps_to_json(naps)
    handover.mood = mood or ""
    handover.written_by = by
    handover.save()
    if created:  # a push notification to the parents, once per day's handover (docs/push.md)
        push.notify_guardians(child, kind=push_rules.HANDOVER, path=reverse("handover-mine"))
    return handover


def add_photo(handover: Handover, *, upload, caption: str = "") -> HandoverPhoto:
    """Store a photo privately; only JPEG, PNG or WebP (checked on the bytes), at most 5 MB and 6 per day, and
    only of a child whose parents gave consent to photos in the handover (tenants.consents)."""
    from tenants.consents import selectors as consents

    if not consents.may(handover.child, "handover_photos"):
        raise ValidationError({"photo": [_("The parents have not given consent to photos in the handover.")]})
    head = upload.read(16)
    upload.seek(0)
    sniffed = rules.sniff_image_type(head)
    errors = translated(rules.photo_errors(sniffed or "", upload.size, handover.photos.count()))
    if errors:
        raise ValidationError({"photo": [_(message) for message in errors]})
    upload.name = f"photo.{rules.PHOTO_TYPES[sniffed]}"
    return HandoverPhoto.objects.create(handover=handover, file=upload, content_type=sniffed,
                                        caption=(caption or "").strip()[:200])


def remove_photo(photo: HandoverPhoto) -> None:
    photo.file.delete(save=False)
    photo.delete()


def reply(handover: Handover, *, by, roles: set[str], text: str) -> HandoverReply:
    """A guardian of the child (or someone working here) answers the handover."""
    if not (roles & {ENTREPRENEUR, STAFF}) and not handover.child.guardians.filter(pk=by.pk).exists():
        raise ValidationError({"text": [_("You can only answer the handover of your own child.")]})
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": [_("Write your answer.")]})
    if len(text) > rules.MAX_REPLY:
        raise ValidationError({"text": [_("At most %(n)s characters.") % {"n": rules.MAX_REPLY}]})
    return HandoverReply.objects.create(handover=handover, author=by, author_name=by.full_name or by.email,
                                        text=text)


def mark_read(handover: Handover, user) -> None:
    if handover.child.guardians.filter(pk=user.pk).exists():
        HandoverRead.objects.get_or_create(handover=handover, user=user)


def erase_for_child(child: Child) -> int:
    """Delete every handover, photo and reply of a child (a granted deletion request); returns the count."""
    count = 0
    for handover in Handover.objects.filter(child=child).prefetch_related("photos"):
        for photo in handover.photos.all():
            photo.file.delete(save=False)
        count += 1
    Handover.objects.filter(child=child).delete()
    return count
