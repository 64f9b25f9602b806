"""Writes of the child file. Every change goes through here and lands in the change log (ChildChange).

Each function raises ValidationError({field: [...]}) on bad input and then stores nothing: the checks come
first and the writes run in one transaction.
"""
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import connection, transaction
from django.utils import timezone

from accounts.models import Membership, User
from accounts.roles import PARENT
from config.service_errors import translated
from tenants.children import rules
from tenants.children.models import Child, ChildChange, CorrectionRequest, CustodyNote, PickupPerson

# Fields of the child file that the entrepreneur edits (and a parent may ask to correct).
FILE_FIELDS = ("first_name", "last_name", "birth_date", "bsn", "gp_name", "gp_phone", "allergies", "diet",
               "medication", "medical_notes", "group")
TEXT_FIELDS = ("first_name", "last_name", "bsn", "gp_name", "gp_phone", "allergies", "diet", "medication",
               "medical_notes")


#: Fields whose values the change log never holds (an identity number is kept encrypted, in the file only).
SECRET_FIELDS = ("bsn",)


def _shown_in_log(field: str, value) -> str:
    if value is None or value == "":
        return ""
    return "•••••••••" if field in SECRET_FIELDS else str(value)


def _log(child: Child | None, actor, action: str, field: str = "", old="", new="", child_name: str = "") -> None:
    ChildChange.objects.create(
        child=child,
        child_name=child_name or (child.full_name if child else ""),
        actor=actor if getattr(actor, "pk", None) else None,
        actor_name=getattr(actor, "full_name", "") or "",
        action=action,
        field=field,
        old_value=_shown_in_log(field, old),
        new_value=_shown_in_log(field, new),
    )


def _clean_child(child: Child) -> None:
    """Field errors of a child file: the domain rules first, then the model's own checks."""
    errors: dict[str, list[str]] = {}
    for key in TEXT_FIELDS:
        setattr(child, key, (getattr(child, key) or "").strip())
    if not isinstance(child.birth_date, date):
        child.birth_date = None
    birth_date_errors = translated(rules.birth_date_errors(child.birth_date, timezone.localdate()))
    if birth_date_errors:
        errors["birth_date"] = birth_date_errors
    if rules.bsn_errors(child.bsn):
        errors["bsn"] = translated(rules.bsn_errors(child.bsn))
    else:
        child.bsn = rules.normalise_bsn(child.bsn)
    try:
        child.full_clean(exclude=list(errors))
    except ValidationError as exc:
        for key, messages in exc.message_dict.items():
            errors.setdefault(key, []).extend(messages)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def create_child(*, first_name: str, last_name: str, birth_date: date, guardians=(), actor=None,
                 **details) -> Child:
    """Register a child. `details` are the other fields of the file (bsn, gp_name, …, group)."""
    unknown = set(details) - set(FILE_FIELDS)
    if unknown:
        raise ValidationError({key: ["Unknown field."] for key in unknown})
    child = Child(first_name=first_name or "", last_name=last_name or "", birth_date=birth_date, **details)
    _clean_child(child)
    child.save()
    if guardians:
        child.guardians.set(guardians)
        for guardian in child.guardians.all():
            update_parent_membership(guardian)
    _log(child, actor, "created")
    return child


@transaction.atomic
def update_child(child: Child, *, actor=None, **changes) -> Child:
    """Change fields of the file; each changed field is logged with its old and new value."""
    unknown = set(changes) - set(FILE_FIELDS)
    if unknown:
        raise ValidationError({key: ["This field cannot be changed here."] for key in unknown})
    before = {key: getattr(child, key) for key in changes}
    for key, value in changes.items():
        setattr(child, key, value)
    try:
        _clean_child(child)
    except ValidationError:
        child.refresh_from_db()
        raise
    changed = [key for key in changes if getattr(child, key) != before[key]]
    if changed:
        child.save()
        for key in changed:
            _log(child, actor, "updated", key, before[key], getattr(child, key))
    return child


@transaction.atomic
def invite_guardian(child: Child, *, email: str, full_name: str = "", actor=None, location=None) -> User:
    """Link a parent account to the child. An account with this e-mail address (made here or at another
    location) is reused, never duplicated; the person becomes a parent member of this location and gets
    an invitation e-mail."""
    from outbox.deliveries import invite_after_commit

    location = location or connection.tenant
    email = (email or "").strip().lower()
    errors = {}
    try:
        validate_email(email)
    except ValidationError:
        errors["email"] = ["Enter a valid e-mail address."]
    user = None if errors else User.objects.filter(email__iexact=email).first()
    if not errors and user is None and not (full_name or "").strip():
        errors["full_name"] = ["The name is required for a new account."]
    if user is not None and child.guardians.filter(pk=user.pk).exists():
        errors["email"] = ["This person is already a guardian of the child."]
    if errors:
        raise ValidationError(errors)
    if user is None:
        user = User.objects.create_user(email=email, full_name=full_name.strip())
    child.guardians.add(user)
    update_parent_membership(user, location=location)
    _log(child, actor, "guardian_added", "guardians", "", f"{user.full_name} <{user.email}>")
    invite_after_commit(user, location, PARENT)  # through the outbox: a mail server down fails nothing
    return user


@transaction.atomic
def remove_guardian(child: Child, user: User, *, actor=None) -> bool:
    """Unlink a guardian from the child. When it was her last child here, her parent membership ends (and
    with it every page, API call, announcement and feed link of hers here, at her next request); the change
    log then says so too. Returns whether the membership ended."""
    if not child.guardians.filter(pk=user.pk).exists():
        raise ValidationError({"user": ["This person is not a guardian of the child."]})
    child.guardians.remove(user)
    person = f"{user.full_name} <{user.email}>"
    _log(child, actor, "guardian_removed", "guardians", person, "")
    ended = update_parent_membership(user)
    if ended:
        _log(child, actor, "parent_access_ended", "guardians", person, "")
    return ended


@transaction.atomic
def forget_guardian(user: User, *, location=None) -> int:
    """A granted deletion request: the person is no longer linked to any child here, so her parent membership
    ends. Nothing goes to the change log: it would store her name again just after it was erased (the
    deletion request itself records who handled it and when). Returns the number of children unlinked."""
    children = list(Child.objects.filter(guardians=user))
    for child in children:
        child.guardians.remove(user)
    update_parent_membership(user, location=location)
    return len(children)


def update_parent_membership(user: User, *, location=None) -> bool:
    """Keep the person's parent membership here in line with the child files: active while she is a guardian
    of a child here, ended when the last link goes, and then her calendar feed links here are revoked unless
    she also works here. Whether she is a parent here *today* depends on the children's places as well; that
    part is read at each request (selectors.roles_here), so a last day of care needs no job. Returns whether
    the membership ended now."""
    from tenants.calendar.selectors import current_location
    from tenants.calendar.services import revoke_feed_token

    location = location or current_location()
    linked = Child.objects.filter(guardians=user).exists()
    membership = Membership.objects.filter(user=user, location=location, role=PARENT).first()
    if linked:
        if membership is None:
            Membership.objects.create(user=user, location=location, role=PARENT)
        elif not membership.is_active:
            membership.is_active = True
            membership.save(update_fields=["is_active"])
        return False
    if membership is None or not membership.is_active:
        return False
    membership.is_active = False
    membership.save(update_fields=["is_active"])
    if not Membership.objects.filter(user=user, location=location, is_active=True).exists():
        revoke_feed_token(user)
    return True


@transaction.atomic
def add_pickup_person(child: Child, *, name: str, relation: str, phone: str, birth_date: date | None = None,
                      is_minor: bool = False, permission_signed_on: date | None = None, code_word: str = "",
                      actor=None) -> PickupPerson:
    person = PickupPerson(child=child, name=(name or "").strip(), relation=(relation or "").strip(),
                          phone=(phone or "").strip(), birth_date=birth_date, is_minor=bool(is_minor),
                          permission_signed_on=permission_signed_on, code_word=" ".join((code_word or "").split()))
    errors = translated(rules.pickup_person_errors(birth_date, bool(is_minor), permission_signed_on,
                                                timezone.localdate()))
    try:
        person.full_clean(exclude=["child", "photo", *errors])
    except ValidationError as exc:
        for key, messages in exc.message_dict.items():
            errors.setdefault(key, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    if birth_date is not None and rules.age_in_years(birth_date, timezone.localdate()) < rules.ADULT_AGE:
        person.is_minor = True
    person.save()
    _log(child, actor, "pickup_added", "pickup_persons", "", f"{person.name} ({person.relation})")
    return person


@transaction.atomic
def remove_pickup_person(person: PickupPerson, *, actor=None) -> None:
    _log(person.child, actor, "pickup_removed", "pickup_persons", f"{person.name} ({person.relation})", "")
    person.delete()


@transaction.atomic
def add_custody_note(child: Child, *, person_name: str, weekdays, may_pick_up: bool = False, court_order: str = "",
                     valid_from: date | None = None, valid_until: date | None = None, notes: str = "",
                     actor=None) -> CustodyNote:
    weekdays = sorted({int(day) for day in (weekdays or [])})
    note = CustodyNote(child=child, person_name=(person_name or "").strip(), may_pick_up=bool(may_pick_up),
                       weekdays=weekdays, court_order=(court_order or "").strip(), valid_from=valid_from,
                       valid_until=valid_until, notes=(notes or "").strip())
    errors = translated(rules.custody_errors(weekdays, valid_from, valid_until))
    try:
        note.full_clean(exclude=["child", *errors])
    except ValidationError as exc:
        for key, messages in exc.message_dict.items():
            errors.setdefault(key, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    note.save()
    _log(child, actor, "custody_added", "custody_notes", "", _custody_summary(note))
    return note


def _custody_summary(note: CustodyNote) -> str:
    verb = "may pick up" if note.may_pick_up else "may not pick up"
    return f"{note.person_name} {verb} on {', '.join(note.weekday_labels())}"


@transaction.atomic
def remove_custody_note(note: CustodyNote, *, actor=None) -> None:
    _log(note.child, actor, "custody_removed", "custody_notes", _custody_summary(note), "")
    note.delete()


@transaction.atomic
def request_correction(child: Child, *, requested_by: User, field: str, requested_change: str,
                       reason: str) -> CorrectionRequest:
    """A guardian asks for a change to their child's file."""
    errors = {}
    if not child.guardians.filter(pk=requested_by.pk).exists():
        errors["child"] = ["You can only ask for corrections to your own child's file."]
    if field not in CorrectionRequest.Field.values:
        errors["field"] = ["Choose the part of the file to correct."]
    if not (requested_change or "").strip():
        errors["requested_change"] = ["Say what should be changed."]
    if not (reason or "").strip():
        errors["reason"] = ["Give a reason."]
    if errors:
        raise ValidationError(errors)
    correction = CorrectionRequest.objects.create(
        child=child, requested_by=requested_by, field=field, requested_change=requested_change.strip(),
        reason=reason.strip())
    _log(child, requested_by, "correction_requested", field, "", correction.requested_change)
    return correction


def _parse_value(field: str, text: str):
    if field == "birth_date":
        try:
            return date.fromisoformat(text.strip())
        except ValueError:
            raise ValidationError({"value": ["Give the birth date as YYYY-MM-DD."]}) from None
    return text.strip()


@transaction.atomic
def decide_correction(correction: CorrectionRequest, *, accept: bool, actor, note: str = "",
                      value: str | None = None) -> CorrectionRequest:
    """The entrepreneur accepts or rejects a correction request. Accepting a request about a field of the
    file applies `value` (by default the requested change) to that field, with the usual checks."""
    if correction.status != CorrectionRequest.Status.OPEN:
        raise ValidationError({"status": ["This request has already been decided."]})
    if accept and correction.field != CorrectionRequest.Field.OTHER:
        new_value = _parse_value(correction.field, correction.requested_change if value in (None, "") else value)
        try:
            update_child(correction.child, actor=actor, **{correction.field: new_value})
        except ValidationError as exc:
            messages = [m for msgs in exc.message_dict.values() for m in msgs]
            raise ValidationError({"value": messages}) from None
    correction.status = CorrectionRequest.Status.ACCEPTED if accept else CorrectionRequest.Status.REJECTED
    correction.decided_by = actor
    correction.decided_at = timezone.now()
    correction.decision_note = (note or "").strip()
    correction.save()
    _log(correction.child, actor, f"correction_{correction.status}", correction.field, "", correction.decision_note)
    return correction
