"""The oversight rules as tables: visit status, document status, reminders, occupancy, PDFs, iCalendar."""
from datetime import UTC, date, datetime

import pytest

from advisory import rules

TODAY = date(2025, 8, 15)


@pytest.mark.parametrize("visit_type, scheduled, completed, deadline, expected", [
    ("pedagogical", None, False, None, rules.OVERDUE),  # missing, 30 June passed
    ("business", None, False, None, rules.DUE),  # missing, 31 December ahead
    ("business", date(2025, 9, 1), False, None, rules.PLANNED),
    ("business", TODAY, False, None, rules.PLANNED),
    ("business", date(2025, 8, 1), False, None, rules.OVERDUE),  # the date passed without a report
    ("pedagogical", date(2025, 3, 1), True, None, rules.DONE),
    ("pedagogical", None, False, date(2025, 9, 30), rules.DUE),  # a later deadline agreed
    ("business", None, False, date(2025, 8, 1), rules.OVERDUE),
])
def test_visit_status(visit_type, scheduled, completed, deadline, expected):
    assert rules.visit_status(today=TODAY, year=2025, visit_type=visit_type, scheduled_on=scheduled,
                              completed=completed, deadline=deadline) == expected


@pytest.mark.parametrize("effective, review, expected", [
    (None, None, rules.DOC_MISSING),
    (date(2025, 9, 1), date(2026, 9, 1), rules.DOC_MISSING),  # not in force yet
    (date(2024, 1, 1), date(2025, 8, 14), rules.DOC_EXPIRED),
    (date(2024, 1, 1), TODAY, rules.DOC_REVIEW_SOON),
    (date(2024, 1, 1), date(2025, 9, 14), rules.DOC_REVIEW_SOON),
    (date(2024, 1, 1), date(2025, 9, 15), rules.DOC_CURRENT),
])
def test_document_status(effective, review, expected):
    assert rules.document_status(today=TODAY, effective_date=effective, review_date=review) == expected


@pytest.mark.parametrize("due, status, reminded, expected", [
    (date(2025, 8, 14), rules.ACTION_OPEN, None, True),
    (TODAY, rules.ACTION_OPEN, None, False),  # due today is not past due
    (date(2025, 8, 14), rules.ACTION_OPEN, date(2025, 8, 15), False),  # reminded once already
    (date(2025, 8, 1), rules.ACTION_DONE, None, False),
])
def test_reminder_due(due, status, reminded, expected):
    assert rules.reminder_due(today=TODAY, due_date=due, status=status, reminded_on=reminded) is expected


@pytest.mark.parametrize("children, places, expected", [
    (0, 0, None), (8, 16, 50), (1, 3, 33), (2, 3, 67), (1, 8, 13), (20, 16, 125),
])
def test_occupancy_percent_rounds_half_up(children, places, expected):
    assert rules.occupancy_percent(children, places) == expected


@pytest.mark.parametrize("head, size, expected", [
    (b"%PDF-1.7\n...", 1000, None),
    (b"\n%PDF-1.4", 1000, None),
    (b"PK\x03\x04word", 1000, "not_pdf"),
    (b"<html>%PDF-", 1000, "not_pdf"),
    (b"%PDF-1.7", rules.MAX_REPORT_BYTES + 1, "too_large"),
    (b"%PDF-1.7", rules.MAX_REPORT_BYTES, None),
])
def test_pdf_problem(head, size, expected):
    assert rules.pdf_problem(head, size) == expected


def test_review_date_before_effective_is_an_error():
    assert rules.review_date_error(date(2025, 1, 2), date(2025, 1, 1))
    assert not rules.review_date_error(date(2025, 1, 1), date(2025, 1, 1))


def test_visit_date_errors():
    checks = rules.visit_date_errors(visit_on=date(2019, 12, 1), opening_date=date(2020, 1, 1), year=2019)
    assert [c.message for c in checks] == ["before_opening"]
    assert rules.visit_date_errors(visit_on=date(2026, 1, 1), opening_date=None, year=2025)[0].message == "other_year"


@pytest.mark.parametrize("zone, local_hour", [("Europe/Amsterdam", 10), ("Europe/Brussels", 10)])
def test_ics_event_parses_with_icalendar_in_the_locations_time_zone(zone, local_hour):
    """The invitation is made by the icalendar library (RFC 5545): texts with a lone carriage return, commas,
    semicolons and non-ASCII come back unchanged (a lone CR was written raw by the hand-made writer), long
    lines are folded, and the times are in the location's time zone with its VTIMEZONE."""
    import icalendar

    text = "Bezoek; De Zon, Utrecht\rtweede regel — één café " + "x" * 120
    body = rules.ics_event(uid="u1@x", start=datetime(2025, 9, 1, 8, tzinfo=UTC),
                           end=datetime(2025, 9, 1, 10, tzinfo=UTC), summary="Visit; De Zon, Utrecht",
                           description=text, location="Straße 1, Gent", stamp=datetime(2025, 8, 1, tzinfo=UTC),
                           time_zone=zone, organizer="adviseur@example.org")
    assert b"\r" not in body.replace(b"\r\n", b"")  # no lone carriage return anywhere
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))
    cal = icalendar.Calendar.from_ical(body)
    event = cal.walk("VEVENT")[0]
    assert str(event["summary"]) == "Visit; De Zon, Utrecht"
    assert str(event["description"]) == text.replace("\r", "\n")
    assert str(event["location"]) == "Straße 1, Gent"
    assert event["dtstart"].params["TZID"] == zone
    assert event.decoded("dtstart").hour == local_hour
    assert event.decoded("dtstart") == datetime(2025, 9, 1, 8, tzinfo=UTC)
    assert [str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")] == [zone]
