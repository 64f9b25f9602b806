"""The location's calendar feed as iCalendar (RFC 5545), made by the `icalendar` library: all-day events for
closing periods, closed public holidays and a childminder's closures. No Django."""
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import icalendar


@dataclass(frozen=True)
class Event:
    uid: str
    summary: str
    first_day: date
    last_day: date
    description: str = ""


def calendar(name: str, events: list[Event], stamp: datetime, time_zone: str = "") -> bytes:
    """The feed: one all-day VEVENT per event, its DTEND the day after the last day (RFC 5545 3.6.1).
    `time_zone` (the location's, e.g. Europe/Amsterdam) tells calendar apps where the days are."""
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Opvangkring//Location calendar//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    if time_zone:
        cal.add("x-wr-timezone", time_zone)
    for item in events:
        event = icalendar.Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", item.first_day)
        event.add("dtend", item.last_day + timedelta(days=1))
        event.add("summary", item.summary)
        if item.description:
            event.add("description", item.description)
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return cal.to_ical()
