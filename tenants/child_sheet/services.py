"""Writes of the child information sheet. Parents (of their own child), staff and the entrepreneur keep it
current; every change lands in the child file's change log (children.ChildChange, action 'sheet_changed'), so
staff see it highlighted until they have looked.

Each function raises ValidationError({field: [...]}) on bad input and then stores nothing."""
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tenants.child_sheet import rules
from tenants.child_sheet.labels import allergen_label, diet_label
from tenants.child_sheet.models import ChildSheet, EmergencyContact, SheetLook
from tenants.children.models import Child, PickupPerson
from tenants.children.services import _log

#: Fields of the child file itself that the sheet shows and changes.
CHILD_FIELDS = ("gp_name", "gp_phone", "allergies", "diet")
SHEET_TEXT = ("health_insurer", "conditions", "watch_for")
PHOTO_TYPES = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"}
MAX_PHOTO_BYTES = 5 * 1024 * 1024


def _text(value) -> str:
    return (value or "").strip()


def _shown(field: str, value) -> str:
    if field == "allergens":
        return ", ".join(allergen_label(code) for code in rules.ordered_allergens(value))
    if field == "diets":
        return ", ".join(diet_label(code) for code in rules.DIETS if code in set(value))
    return str(value or "")


@transaction.atomic
def update_sheet(child: Child, *, actor, **changes) -> ChildSheet:
    """Change the sheet: any of gp_name, gp_phone, allergies (free text), diet (free text), health_insurer,
    allergens (EU codes), diets (codes), conditions, watch_for. Only what changes is stored and logged."""
    allowed = set(CHILD_FIELDS) | set(SHEET_TEXT) | {"allergens", "diets"}
    errors: dict[str, list[str]] = {key: [_("Unknown field.")] for key in set(changes) - allowed}
    if "allergens" in changes:
        codes = list(changes["allergens"] or [])
        if rules.unknown_allergens(codes):
            errors["allergens"] = [_("Not one of the 14 allergens: %(codes)s.")
                                   % {"codes": ", ".join(rules.unknown_allergens(codes))}]
        changes["allergens"] = rules.ordered_allergens(codes)
    if "diets" in changes:
        unknown = rules.unknown_diets(changes["diets"] or [])
        if unknown:
            errors["diets"] = [_("Unknown diet: %(codes)s.") % {"codes": ", ".join(unknown)}]
        else:
            changes["diets"] = [code for code in rules.DIETS if code in set(changes["diets"] or [])]
    for key in (*CHILD_FIELDS, *SHEET_TEXT):
        if key in changes:
            changes[key] = _text(changes[key])
            limit = Child._meta.get_field(key).max_length if key in CHILD_FIELDS else (
                ChildSheet._meta.get_field(key).max_length)
            if limit and len(changes[key]) > limit:
                errors[key] = [_("At most %(n)s characters.") % {"n": limit}]
            elif len(changes[key]) > rules.MAX_TEXT:
                errors[key] = [_("At most %(n)s characters.") % {"n": rules.MAX_TEXT}]
    if errors:
        raise ValidationError(errors)
    child = Child.objects.select_for_update().get(pk=child.pk)
    sheet, _created = ChildSheet.objects.get_or_create(child=child)
    changed = []
    for key, value in changes.items():
        target = child if key in CHILD_FIELDS else sheet
        old = getattr(target, key)
        if (list(old) if isinstance(old, list) else old) == value:
            continue
        setattr(target, key, value)
        changed.append(key)
        _log(child, actor, "sheet_changed", key, _shown(key, old), _shown(key, value))
    if changed:
        child_changed = [key for key in changed if key in CHILD_FIELDS]
        if child_changed:
            child.save(update_fields=[*child_changed, "updated_at"])
        sheet.updated_at = timezone.now()
        sheet.updated_by = actor if getattr(actor, "pk", None) else None
        sheet.save()
    return sheet


@transaction.atomic
def add_emergency_contact(child: Child, *, actor, name: str, phone: str, relation: str = "") -> EmergencyContact:
    contact = EmergencyContact(child=child, name=_text(name), phone=_text(phone), relation=_text(relation))
    contact.full_clean(exclude=["child"])
    contact.save()
    _log(child, actor, "sheet_changed", "emergency_contacts", "", f"{contact.name} ({contact.phone})")
    return contact


@transaction.atomic
def remove_emergency_contact(contact: EmergencyContact, *, actor) -> None:
    _log(contact.child, actor, "sheet_changed", "emergency_contacts", f"{contact.name} ({contact.phone})", "")
    contact.delete()


@transaction.atomic
def set_pickup_details(person: PickupPerson, *, actor, code_word: str | None = None, photo=None) -> PickupPerson:
    """A pick-up person's code word and photo (seed 003 §4.7.1: staff know who may collect the child)."""
    errors = {}
    fields = []
    if code_word is not None:
        code_word = " ".join(code_word.split())
        if len(code_word) > 60:
            errors["code_word"] = [_("At most %(n)s characters.") % {"n": 60}]
        elif code_word != person.code_word:
            person.code_word = code_word
            fields.append("code_word")
    if photo is not None:
        from tenants.handover.rules import sniff_image_type

        head = photo.read(16)
        photo.seek(0)
        content_type = sniff_image_type(head) or ""  # the bytes decide, not what the browser says
        if content_type not in PHOTO_TYPES:
            errors["photo"] = [_("Only JPEG, PNG or WebP photos.")]
        elif photo.size > MAX_PHOTO_BYTES:
            errors["photo"] = [_("A photo may be at most 5 MB.")]
    if errors:
        raise ValidationError(errors)
    if photo is not None:
        if person.photo:
            person.photo.delete(save=False)
        person.photo.save(f"photo.{PHOTO_TYPES[content_type]}", photo, save=False)
        person.photo_type = content_type
        fields += ["photo", "photo_type"]
    if fields:
        person.save(update_fields=fields)
        _log(person.child, actor, "sheet_changed", "pickup_persons", "", f"{person.name}: "
             + ", ".join(str(PickupPerson._meta.get_field(f).verbose_name) for f in fields if f != "photo_type"))
    return person


def mark_seen(child: Child, user, now=None) -> None:
    """Record that a staff member looked at the sheet now (its changes are no longer new to her)."""
    SheetLook.objects.update_or_create(child=child, user=user, defaults={"seen_at": now or timezone.now()})
