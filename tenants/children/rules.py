"""Rules for the child file, as plain functions over plain values (no Django imports)."""
from collections.abc import Iterable
from datetime import date

from stdnum.exceptions import ValidationError as StdnumError
from stdnum.nl import bsn as nl_bsn


def gettext_noop(message: str) -> str:
    """Marks a text for translation (the service translates it for the reader)."""
    return message


MIN_PICKUP_AGE = 16
ADULT_AGE = 18


def age_in_years(birth_date: date, on: date) -> int:
    """Whole years between `birth_date` and `on` (a child born on 29 February turns a year on 1 March)."""
    years = on.year - birth_date.year
    if (on.month, on.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def birth_date_errors(birth_date: date | None, today: date) -> list[str]:
    if birth_date is None:
        return [gettext_noop("The birth date is required.")]
    if birth_date > today:
        return [gettext_noop("The birth date lies in the future.")]
    if birth_date.year < today.year - 20:
        return [gettext_noop("The birth date lies too far in the past for a child in care.")]
    return []


def normalise_bsn(value: str) -> str:
    """A BSN as nine digits without spaces or dots; '' for none."""
    return nl_bsn.compact(value or "") if (value or "").strip() else ""


def bsn_errors(value: str) -> list[str]:
    """An empty BSN is allowed (it is optional); otherwise it must be nine digits that pass the eleven-test."""
    if not (value or "").strip():
        return []
    try:
        nl_bsn.validate(value)
    except StdnumError:
        return [gettext_noop("This is not a valid BSN: it must be 9 digits and pass the eleven-test.")]
    return []


def pickup_person_errors(birth_date: date | None, is_minor: bool, permission_signed_on: date | None,
                         today: date) -> dict[str, list[str]]:
    """A pick-up person under 18 must be at least 16 and the parents must have signed a permission."""
    errors: dict[str, list[str]] = {}
    if birth_date is not None and birth_date > today:
        return {"birth_date": [gettext_noop("The birth date lies in the future.")]}
    minor = is_minor or (birth_date is not None and age_in_years(birth_date, today) < ADULT_AGE)
    if not minor:
        return errors
    if birth_date is None:
        errors["birth_date"] = [gettext_noop("For someone under 18 the birth date is required.")]
    elif age_in_years(birth_date, today) < MIN_PICKUP_AGE:
        errors["birth_date"] = [f"Someone who picks up a child must be at least {MIN_PICKUP_AGE} years old."]
    if permission_signed_on is None:
        errors["permission_signed_on"] = [
            gettext_noop("For someone under 18 the date of the signed permission is required.")]
    elif permission_signed_on > today:
        errors["permission_signed_on"] = [gettext_noop("The permission cannot be signed in the future.")]
    return errors


def custody_errors(weekdays: list[int], valid_from: date | None, valid_until: date | None) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not weekdays:
        errors["weekdays"] = [gettext_noop("Choose at least one weekday.")]
    elif any(day not in range(7) for day in weekdays):
        errors["weekdays"] = [gettext_noop("Weekdays run from 0 (Monday) to 6 (Sunday).")]
    if valid_from and valid_until and valid_until < valid_from:
        errors["valid_until"] = [gettext_noop("The end date lies before the start date.")]
    return errors


# --- a parent's tie to the location --------------------------------------------------------------

PARENT = "parent"

#: A contract's first and last day of care (None: no end agreed).
Period = tuple[date, date | None]


def place_ended(periods: Iterable[Period], today: date) -> bool:
    """Whether a child's place at the location has ended on `today`: the child has contracts and every one of
    them has a last day of care before today. On the last day itself the place still runs; a child without
    any contract yet (registered, the first contract still being made) has not left."""
    periods = list(periods)
    return bool(periods) and all(end is not None and end < today for _start, end in periods)


def has_parent_tie(places: Iterable[Iterable[Period]], today: date) -> bool:
    """A person is a parent at a location while she is a guardian of at least one child there whose place has
    not ended. `places` holds, per child she is a guardian of at the location, its contracts' periods."""
    return any(not place_ended(periods, today) for periods in places)


def roles_at_location(membership_roles: Iterable[str], places: Iterable[Iterable[Period]], today: date) -> set[str]:
    """The roles a person holds at a location today: those of her active memberships, with 'parent' only while
    the tie holds. Entrepreneur and staff do not depend on children and stay as they are."""
    roles = set(membership_roles)
    if PARENT in roles and not has_parent_tie(places, today):
        roles.discard(PARENT)
    return roles

