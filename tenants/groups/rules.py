"""Rules for groups and the roster, as plain functions over plain values (no Django imports)."""
from datetime import time
from decimal import Decimal

MAX_AGE_YEARS = 13  # after-school care runs up to the age of 13


def group_errors(min_age: int | None, max_age: int | None, play_space_m2: Decimal | None) -> dict[str, list[str]]:
    """Field errors of a group's age range and play space."""
    errors: dict[str, list[str]] = {}
    if min_age is not None and min_age < 0:
        errors["min_age"] = ["The youngest age cannot be negative."]
    if max_age is not None and max_age > MAX_AGE_YEARS:
        errors["max_age"] = [f"The oldest age can be at most {MAX_AGE_YEARS}."]
    if min_age is not None and max_age is not None and min_age > max_age:
        errors.setdefault("max_age", []).append("The oldest age must not be below the youngest age.")
    if play_space_m2 is not None and play_space_m2 < 0:
        errors["play_space_m2"] = ["The play space cannot be negative."]
    return errors


def overlaps(start_a: time, end_a: time, start_b: time, end_b: time) -> bool:
    """Whether two half-open periods [start, end) on the same day overlap."""
    return start_a < end_b and start_b < end_a


def shift_errors(start: time, end: time, other_shifts: list[tuple[time, time]]) -> dict[str, list[str]]:
    """Field errors of a roster entry, given the same staff member's other entries on that date."""
    if end <= start:
        return {"end_time": ["The end time must be after the start time."]}
    for other_start, other_end in other_shifts:
        if overlaps(start, end, other_start, other_end):
            return {"start_time": [
                f"This staff member is already rostered from {other_start:%H:%M} to {other_end:%H:%M} that day."
            ]}
    return {}


# ---------------------------------------------------------------------------------------------------
# The childminder's backup person (achterwacht)
# ---------------------------------------------------------------------------------------------------

#: Days one entry may cover at once (a childminder sets her backup for a week or a month in one step).
MAX_BACKUP_DAYS = 62
#: Digits of a phone number: a Dutch number has 10 (06 12345678), an international one up to 15.
PHONE_DIGITS = (10, 15)
PHONE_CHARACTERS = set("0123456789+-() ")


def gettext_noop(message: str) -> str:
    """Marks a text for translation without translating it (the name makemessages looks for)."""
    return message


def backup_errors(*, name: str, phone: str, first_day, last_day, today) -> dict[str, list[str]]:
    """Field errors of a backup person set from `first_day` to `last_day` (English, marked for translation).

    A backup is set for today or later: it tells the childminder and her parents who can come, not who
    could have come."""
    errors: dict[str, list[str]] = {}
    if not name.strip():
        errors["name"] = [gettext_noop("Enter the backup person's name.")]
    digits = sum(1 for char in phone if char.isdigit())
    if not phone.strip():
        errors["phone"] = [gettext_noop("Enter a phone number: the backup person must be reachable by phone.")]
    elif set(phone) - PHONE_CHARACTERS or not PHONE_DIGITS[0] <= digits <= PHONE_DIGITS[1]:
        errors["phone"] = [gettext_noop("Enter a phone number of 10 to 15 digits, e.g. 06 12345678.")]
    if first_day is None:
        errors["first_day"] = [gettext_noop("Enter the date.")]
    elif first_day < today:
        errors["first_day"] = [gettext_noop("Choose today or a later day.")]
    if first_day is not None and last_day is not None:
        if last_day < first_day:
            errors["last_day"] = [gettext_noop("The last day cannot be before the first day.")]
        elif (last_day - first_day).days >= MAX_BACKUP_DAYS:
            errors["last_day"] = [gettext_noop("Set at most 62 days at once.")]
    return errors
