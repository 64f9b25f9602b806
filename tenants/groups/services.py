"""Writes of groups, staff members and the day roster. Each raises ValidationError({field: [...]}) on bad
input and stores nothing in that case."""
from datetime import date, time, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import connection, transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Membership, User
from accounts.roles import STAFF
from outbox.deliveries import invite_after_commit
from tenants.groups import rules, selectors
from tenants.groups.models import BackupPerson, Group, Shift, StaffProfile

GROUP_FIELDS = ("name", "kind", "play_space_m2", "min_age", "max_age")


def _check_group(group: Group) -> None:
    errors = rules.group_errors(group.min_age, group.max_age, group.play_space_m2)
    try:
        group.full_clean()
    except ValidationError as exc:
        for key, messages in exc.message_dict.items():
            errors.setdefault(key, []).extend(m for m in messages if m not in errors.get(key, []))
    if errors:
        raise ValidationError(errors)


def create_group(*, name: str, kind: str, play_space_m2: Decimal = Decimal("0"), min_age: int = 0,
                 max_age: int = 4) -> Group:
    group = Group(name=(name or "").strip(), kind=kind, play_space_m2=play_space_m2, min_age=min_age,
                  max_age=max_age)
    _check_group(group)
    group.save()
    return group


def update_group(group: Group, **changes) -> Group:
    for key, value in changes.items():
        if key not in GROUP_FIELDS:
            raise ValidationError({key: ["This field cannot be changed."]})
        setattr(group, key, value.strip() if key == "name" else value)
    _check_group(group)
    group.save()
    return group


def delete_group(group: Group) -> None:
    try:
        with transaction.atomic():
            group.delete()
    except ProtectedError:
        raise ValidationError({"group": ["This group has roster entries; it cannot be deleted."]}) from None


def _staff_fields(job_role: str, qualification: str, groups) -> dict[str, list[str]]:
    errors = {}
    if job_role not in StaffProfile.JobRole.values:
        errors["job_role"] = ["Choose one of the job roles."]
    if len(qualification or "") > 200:
        errors["qualification"] = ["At most 200 characters."]
    return errors


@transaction.atomic
def invite_staff(*, email: str, full_name: str = "", job_role: str = StaffProfile.JobRole.PEDAGOGICAL_EMPLOYEE,
                 qualification: str = "", groups=(), location=None) -> StaffProfile:
    """Make a person a staff member here: their account (reused when the e-mail address is known, also from
    another location), a staff membership at this location, a staff profile, and an invitation e-mail, sent
    after the commit through the outbox (a mail server that is down fails nothing; the staff page shows it).

    Inviting again someone who is a staff member here but never activated their account sends the invitation
    again (the returned profile then has `invitation_resent` set) instead of refusing."""
    location = location or connection.tenant
    email = (email or "").strip().lower()
    errors = _staff_fields(job_role, qualification, groups)
    try:
        validate_email(email)
    except ValidationError:
        errors["email"] = ["Enter a valid e-mail address."]
    user = User.objects.filter(email__iexact=email).first() if "email" not in errors else None
    if user is None and not (full_name or "").strip():
        errors["full_name"] = ["The name is required for a new account."]
    already_here = user is not None and StaffProfile.objects.filter(user=user, is_active=True).exists()
    if already_here and selectors.has_activated_account(user):
        errors["email"] = ["This person is already a staff member here."]
    if errors:
        raise ValidationError(errors)
    if user is None:
        user = User.objects.create_user(email=email, full_name=full_name.strip())
    membership, created = Membership.objects.get_or_create(user=user, location=location, role=STAFF)
    if not membership.is_active:
        membership.is_active = True
        membership.save(update_fields=["is_active"])
    profile, _created = StaffProfile.objects.update_or_create(
        user=user, defaults={"job_role": job_role, "qualification": (qualification or "").strip(), "is_active": True}
    )
    profile.groups.set(groups)
    invite_after_commit(user, location, STAFF)
    profile.invitation_resent = already_here
    return profile


@transaction.atomic
def send_invitation_again(profile: StaffProfile, *, location=None) -> StaffProfile:
    """The entrepreneur sends a staff member's invitation again: while the account is not activated, or when
    the invitation could not be delivered."""
    location = location or connection.tenant
    state = selectors.invitation_state(profile, location)
    if state == selectors.INVITATION_ACTIVE:
        raise ValidationError({"invitation": ["This person has already activated their account."]})
    invite_after_commit(profile.user, location, STAFF)
    return profile


@transaction.atomic
def update_staff(profile: StaffProfile, *, job_role: str | None = None, qualification: str | None = None,
                 groups=None) -> StaffProfile:
    errors = _staff_fields(job_role if job_role is not None else profile.job_role,
                           qualification if qualification is not None else profile.qualification, groups)
    if errors:
        raise ValidationError(errors)
    if job_role is not None:
        profile.job_role = job_role
    if qualification is not None:
        profile.qualification = qualification.strip()
    profile.save()
    if groups is not None:
        profile.groups.set(groups)
    return profile


@transaction.atomic
def remove_staff(profile: StaffProfile, *, location=None) -> StaffProfile:
    """End the person's work here: the profile and the staff membership become inactive (roster history stays)."""
    location = location or connection.tenant
    profile.is_active = False
    profile.save(update_fields=["is_active"])
    profile.groups.clear()
    Membership.objects.filter(user_id=profile.user_id, location=location, role=STAFF).update(is_active=False)
    return profile


def _check_shift(shift: Shift) -> None:
    errors: dict[str, list[str]] = {}
    if not shift.staff.is_active:
        errors["staff"] = ["This person no longer works here."]
    if shift.start_time is None or shift.end_time is None or shift.date is None:
        for key in ("date", "start_time", "end_time"):
            if getattr(shift, key) is None:
                errors[key] = ["This field is required."]
        raise ValidationError(errors)
    others = Shift.objects.filter(staff=shift.staff, date=shift.date).exclude(pk=shift.pk)
    errors.update(rules.shift_errors(shift.start_time, shift.end_time,
                                     list(others.values_list("start_time", "end_time"))))
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def add_shift(*, staff: StaffProfile, group: Group, date: date, start_time: time, end_time: time) -> Shift:
    shift = Shift(staff=staff, group=group, date=date, start_time=start_time, end_time=end_time)
    _check_shift(shift)
    shift.save()
    return shift


@transaction.atomic
def update_shift(shift: Shift, **changes) -> Shift:
    for key, value in changes.items():
        if key not in ("staff", "group", "date", "start_time", "end_time"):
            raise ValidationError({key: ["This field cannot be changed."]})
        setattr(shift, key, value)
    _check_shift(shift)
    shift.save()
    return shift


def delete_shift(shift: Shift) -> None:
    shift.delete()


@transaction.atomic
def set_backup(*, first_day: date | None, name: str, phone: str, last_day: date | None = None,
               today: date | None = None) -> list[BackupPerson]:
    """Set the backup person (achterwacht) for one day or each day of a range; a day already set is
    overwritten, so a change of plan is one step."""
    today = today or timezone.localdate()
    errors = rules.backup_errors(name=name, phone=phone, first_day=first_day, last_day=last_day, today=today)
    if errors:
        raise ValidationError({field: [_(text) for text in texts] for field, texts in errors.items()})
    last_day = last_day or first_day
    saved = []
    for offset in range((last_day - first_day).days + 1):
        day = first_day + timedelta(days=offset)
        backup, _created = BackupPerson.objects.update_or_create(
            date=day, defaults={"name": name.strip(), "phone": " ".join(phone.split())})
        saved.append(backup)
    return saved


def remove_backup(backup: BackupPerson) -> None:
    backup.delete()
