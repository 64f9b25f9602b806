"""Whether a request's wanted days fit a group over the coming months: for each month and wanted weekday, the
children already planned there (tenants.attendance.planned, the one reckoning of who is booked when) plus this
child, checked with the ratio rules (tenants.ratios) against the staff the group usually has on that weekday
(the most rostered on it in the last four weeks; a childminder herself counts as one)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django_tenants.utils import schema_context

from intake import rules

MONTHS = 6


@dataclass
class Fit:
    day: date
    weekday: int
    planned: int
    staff: int
    required_staff: int | None
    closed: bool = False
    violations: list[str] = field(default_factory=list)

    @property
    def fits(self) -> bool:
        return not self.closed and self.required_staff is not None and self.required_staff <= self.staff


def _first_weekday_from(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def usual_staff(group, weekday: int, today: date) -> int:
    from tenants.groups.models import Shift
    from tenants.ratios import rules as ratio_rules
    from tenants.ratios.selectors import care_type

    days = [today - timedelta(days=7 * weeks) for weeks in range(1, 5)]
    days = [_first_weekday_from(day, weekday) - timedelta(days=7) for day in days]
    most = max((Shift.objects.filter(group=group, date=day).values("staff").distinct().count() for day in days),
               default=0)
    if care_type(group) == ratio_rules.GASTOUDER:
        return max(most, 1)
    return most


def fit(location, *, group_id: int, start: date, days, born: date | None, today: date,
        months: int = MONTHS) -> list[Fit]:
    """One line per month and wanted weekday, from the start on."""
    with schema_context(location.schema_name):
        from tenants.attendance import planned
        from tenants.attendance.rules import whole_years
        from tenants.calendar.selectors import opening_hours
        from tenants.children.models import Child
        from tenants.groups.models import Group
        from tenants.ratios.selectors import group_check

        group = Group.objects.filter(pk=group_id).first()
        if group is None:
            return []
        staff = {weekday: usual_staff(group, weekday, today) for weekday in days}
        lines = []
        for month in range(months):
            first = rules.add_months(start.replace(day=1), month) if month else start
            for weekday in days:
                day = _first_weekday_from(first, weekday)
                if opening_hours(weekday) is None:
                    lines.append(Fit(day, weekday, 0, staff[weekday], None, closed=True))
                    continue
                expected = planned.expected_children(day, group_id=group.pk, include_absent=True)
                births = dict(Child.objects.filter(pk__in=[e.child_id for e in expected])
                              .values_list("pk", "birth_date"))
                ages = [whole_years(births[e.child_id], day) for e in expected if e.child_id in births]
                ages.append(whole_years(born, day) if born and born <= day else 0)
                result = group_check(group, ages, staff[weekday])
                lines.append(Fit(day, weekday, len(ages) - 1, staff[weekday], result.required_staff,
                                 violations=[v.code for v in result.violations]))
        return lines
