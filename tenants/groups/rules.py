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
