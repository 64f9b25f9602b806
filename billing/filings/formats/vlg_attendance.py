"""Opgroeien's monthly attendance registration (a subsidised Flemish location with income-related tariffs):
per child, identified by the agency's kindcode, and per day: present (P), justified absence (G: reported by the
parents) or unjustified absence (O: booked, not come, not reported), read from the attendance register through
the billing seam's care month (the same days the invoice counts). The agency's checks come first: no
registration on a day without a plan, no presence on a closing day, only absence kinds that exist
(rules.attendance_problems); a child without a kindcode is refused. With the month's occupancy: days present ÷
(licensed places × days open).

The agency's exact upload layout could not be had here; this module writes the registration as a
semicolon-separated CSV (kindcode, name, date, code), one row per child and day, the child's days in date order.
"""
from datetime import date, timedelta

from django.core.exceptions import ValidationError

from billing.filings import rules
from billing.filings.formats.common import Built, child_numbers, csv_bytes, month_key

HEADER = ["kindcode", "naam_kind", "datum", "code"]


def _contracts(start: date, end: date):
    from django.db.models import Q

    from tenants.contracts.models import Contract

    return (Contract.objects.filter(start_date__lte=end).filter(Q(end_date__isnull=True) | Q(end_date__gte=start))
            .filter(status=Contract.Status.ACTIVE).select_related("child").order_by("child__first_name", "pk"))


def _open_days(start: date, end: date, location) -> int:
    from tenants.calendar import selectors as calendar

    weekdays = calendar.weekly_opening_hours().keys()
    closed = {d.date for d in calendar.closed_days_between(start, end, location)}
    days, day = 0, start
    while day <= end:
        days += day.weekday() in weekdays and day not in closed
        day += timedelta(days=1)
    return days


def build(start: date, end: date, location) -> Built:
    from billing.care_month import selectors as seam
    from billing.tariffs import rules as tariff_rules

    ctx = seam.LocationContext(location)
    records, problems, missing, seen = [], [], [], set()
    numbers = None
    for contract in _contracts(start, end):
        child = contract.child
        if numbers is None:
            numbers = child_numbers(c.child_id for c in _contracts(start, end))
        try:
            month = seam.care_month(ctx, contract, start.year, start.month, model=tariff_rules.BE_DAY_PRICE)
        except ValidationError as error:
            problems += [rules.Problem(child.full_name, field, message)
                         for field, messages in error.message_dict.items() for message in messages]
            continue
        facts = [rules.DayFacts(day=d.date, booked=d.booked is not None, present=bool(d.stays),
                                absence_kind=d.absence.kind if d.absence else "", closed=bool(d.closed))
                 for d in month.days if start <= d.date <= end]
        problems += rules.attendance_problems(child.full_name, facts)
        row = numbers.get(child.pk)
        kindcode = row.kindcode if row else ""
        coded = [(f.day, rules.attendance_code(f)) for f in facts]
        coded = [(day, code) for day, code in coded if code]
        if coded and not kindcode and child.pk not in seen:
            problems.append(rules.Problem(child.full_name, "kindcode", "The child has no kindcode: fill it in "
                                          "before the registration can leave."))
            missing.append({"who": child.full_name, "field": "kindcode", "child": child.pk})
        seen.add(child.pk)
        records += [{"key": f"{day.isoformat()}:{child.pk}", "period": month_key(start), "kindcode": kindcode,
                     "child_name": child.full_name, "day": day.isoformat(), "code": code} for day, code in coded]
    records.sort(key=lambda r: (r["child_name"], r["day"]))
    present = sum(1 for r in records if r["code"] == rules.PRESENT)
    figure = rules.occupancy(present, location.licensed_places, _open_days(start, end, location))
    content = csv_bytes(HEADER, [[r["kindcode"], r["child_name"], r["day"], r["code"]] for r in records])
    return Built(content=content, filename=f"aanwezigheden-{month_key(start)}.csv", content_type="text/csv",
                 records=records, problems=problems, missing=missing,
                 summary={"children": len({r["child_name"] for r in records}), "present_days": present,
                          "occupancy": f"{figure}" if figure is not None else "—"})
