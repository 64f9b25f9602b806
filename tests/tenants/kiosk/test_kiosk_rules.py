"""Table tests of the kiosk's rules (tenants/kiosk/rules.py), with their sources."""
from datetime import time, timedelta

import pytest

from tenants.kiosk import rules

HOURS = (time(7, 15), time(18, 30))  # seed 003, "maandag tot en met vrijdag, van 7u15-18u30"


@pytest.mark.parametrize("at, hours, planned, expected", [
    # Seed 003, 4.7.1: parents respect the opening and closing time; inside them a planned child passes silently.
    (time(7, 15), HOURS, True, []),
    (time(12, 0), HOURS, True, []),
    (time(18, 29), HOURS, True, []),
    # Before opening, after closing (the closing time itself is after closing).
    (time(7, 14), HOURS, True, [rules.BEFORE_OPENING]),
    (time(5, 0), HOURS, True, [rules.BEFORE_OPENING]),
    (time(18, 30), HOURS, True, [rules.AFTER_CLOSING]),
    (time(22, 0), HOURS, True, [rules.AFTER_CLOSING]),
    # Not booked today (no contract day, swap or extra day: tenants.attendance.rules.booking).
    (time(9, 0), HOURS, False, [rules.NOT_PLANNED]),
    (time(6, 0), HOURS, False, [rules.BEFORE_OPENING, rules.NOT_PLANNED]),
    # A closed day (closing week, public holiday, a weekday the location does not open).
    (time(9, 0), None, True, [rules.CLOSED_DAY]),
    (time(9, 0), None, False, [rules.CLOSED_DAY, rules.NOT_PLANNED]),
])
def test_which_check_ins_need_a_reason(at, hours, planned, expected):
    concerns = rules.check_in_concerns(at, hours, planned)
    assert concerns == expected
    assert rules.needs_reason(concerns) == bool(expected)


@pytest.mark.parametrize("concerns, reason, error", [
    ([], "", None),
    ([rules.NOT_PLANNED], "", "Give a reason: the entrepreneur will see it."),
    ([rules.NOT_PLANNED], "   ", "Give a reason: the entrepreneur will see it."),
    ([rules.BEFORE_OPENING], "Moeder begint vroeg", None),
    ([rules.RATIO_BROKEN], "", None),  # the ratio warns; it needs no reason
    ([rules.NOT_PLANNED], "x" * 501, "At most 500 characters."),
])
def test_the_reason(concerns, reason, error):
    assert rules.reason_error(concerns, reason) == error


@pytest.mark.parametrize("pin, ok", [
    ("2580", True), ("13579246", True), ("0429", True),
    ("123", False), ("123456789", False), ("12a4", False), ("", False), (None, False), ("２５８０", False),
    ("0000", False), ("7777777", False),  # one digit repeated
    ("1234", False), ("98765", False), ("4567", False),  # a straight run
])
def test_a_pin(pin, ok):
    assert (rules.pin_error(pin) is None) == ok


@pytest.mark.parametrize("failures, lock", [
    (0, None), (1, None), (4, None),
    (5, timedelta(minutes=15)), (6, None), (9, None),
    (10, timedelta(minutes=30)), (15, timedelta(hours=1)), (20, timedelta(hours=2)),
    (45, timedelta(days=1)), (100, timedelta(days=1)),
])
def test_wrong_pins_lock_the_pad_longer_each_time(failures, lock):
    assert rules.pin_lock(failures) == lock


def test_tries_left():
    assert [rules.tries_left(n) for n in range(0, 7)] == [5, 4, 3, 2, 1, 5, 4]


@pytest.mark.parametrize("seconds, ok", [(None, False), (29, False), (30, True), (120, True), (1800, True),
                                         (1801, False)])
def test_the_inactivity_lock(seconds, ok):
    assert (rules.lock_seconds_error(seconds) is None) == ok
