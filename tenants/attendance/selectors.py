"""Reads of the attendance register shared by the pages, the API and the extra-day check.

Everything works in the schema the connection is in (the request's location, or a schema_context), in
the location's own time zone.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import ENTREPRENEUR, PARENT, STAFF
from tenants.attendance import planned, rules
from tenants.attendance.models import Absence, AttendanceRecord, ExtraDayRequest, SwapRequest, TimeDispute
from tenants.calendar import selectors as calendar
from tenants.children.models import Child
from tenants.groups.models import Group, Shift
from tenants.ratios import rules as ratio_rules
from tenants.ratios import selectors as ratio_selectors

# --- time -------------------------------------------------------------------------------------------


def location_zone(location=None) -> ZoneInfo:
    location = location or calendar.current_location()
    return rules.zone(location.time_zone, location.jurisdiction)


def local_now(location=None) -> datetime:
    return timezone.now().astimezone(location_zone(location))


def local_today(location=None) -> date:
    return local_now(location).date()


def local_time(moment: datetime | None, tz: ZoneInfo) -> time | None:
    return moment.astimezone(tz).time().replace(second=0, microsecond=0) if moment else None


def at_local(day: date, moment: time, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, moment, tzinfo=tz)


# --- who may see what ---------------------------------------------------------------------------------


def children_for(user, roles: set[str]):
    """Entrepreneur and staff: every child here; a parent: their own children only."""
    if roles & {ENTREPRENEUR, STAFF}:
        return Child.objects.select_related("group")
    if PARENT in roles:
        return Child.objects.filter(guardians=user).select_related("group")
    return Child.objects.none()


def records_for(user, roles: set[str]):
    qs = AttendanceRecord.objects.select_related("child", "group")
    if roles & {ENTREPRENEUR, STAFF}:
        return qs
    if PARENT in roles:
        return qs.filter(child__guardians=user)
    return qs.none()


def absences_for(user, roles: set[str]):
    qs = Absence.objects.select_related("child", "reported_by")
    if roles & {ENTREPRENEUR, STAFF}:
        return qs
    if PARENT in roles:
        return qs.filter(child__guardians=user)
    return qs.none()


def disputes_for(user, roles: set[str]):
    """The entrepreneur resolves disputes and sees them all; a parent sees their own children's."""
    qs = TimeDispute.objects.select_related("record__child", "raised_by", "resolved_by")
    if ENTREPRENEUR in roles:
        return qs
    if PARENT in roles:
        return qs.filter(record__child__guardians=user)
    return qs.none()


def extra_days_for(user, roles: set[str]):
    qs = ExtraDayRequest.objects.select_related("child", "group", "requested_by")
    if roles & {ENTREPRENEUR, STAFF}:
        return qs
    if PARENT in roles:
        return qs.filter(child__guardians=user)
    return qs.none()


def swaps_for(user, roles: set[str]):
    """Staff and the entrepreneur see every swap of the location; a parent their own children's."""
    qs = SwapRequest.objects.select_related("child", "group", "requested_by")
    if roles & {ENTREPRENEUR, STAFF}:
        return qs
    if PARENT in roles:
        return qs.filter(child__guardians=user)
    return qs.none()


def upcoming_swaps(since: date):
    """Swaps whose days are not both past, for the location's attendance pages."""
    return SwapRequest.objects.filter(Q(date__gte=since) | Q(give_up_date__gte=since)).select_related(
        "child", "group").order_by("date", "child__first_name")


def open_record(child: Child) -> AttendanceRecord | None:
    return AttendanceRecord.objects.filter(child=child, check_out__isnull=True).first()


def certificate_holidays(start: date, location=None) -> set[date]:
    """The public holidays that are no working day for the certificate deadline (this year and the next)."""
    from tenants.calendar import rules as calendar_rules

    location = location or calendar.current_location()
    found: set[date] = set()
    for year in (start.year, start.year + 1):
        found |= set(calendar_rules.public_holidays(location.jurisdiction, year))
    return found


def certificate_deadline(absence: Absence) -> date | None:
    """The last day for the doctor's certificate of a hospitalisation or quarantine (None for other kinds)."""
    if absence.kind not in Absence.CERTIFIED_KINDS:
        return None
    return rules.certificate_deadline(absence.start_date, certificate_holidays(absence.start_date))


# --- the day register: planned versus actual ----------------------------------------------------------


@dataclass
class RegisterRow:
    child: Child
    planned: planned.Expected | None
    records: list[AttendanceRecord] = field(default_factory=list)
    absence: Absence | None = None
    day: date | None = None
    swapped_to: SwapRequest | None = None  # an accepted swap that gave this day up

    @property
    def certificate_deadline(self) -> date | None:
        return certificate_deadline(self.absence) if self.absence is not None else None

    @property
    def open_from_earlier_day(self) -> bool:
        record = self.open_record
        return record is not None and self.day is not None and record.date < self.day

    @property
    def is_present(self) -> bool:
        return any(record.is_open for record in self.records)

    @property
    def has_left(self) -> bool:
        return bool(self.records) and not self.is_present

    @property
    def open_record(self) -> AttendanceRecord | None:
        return next((record for record in self.records if record.is_open), None)

    @property
    def status(self) -> str:
        if self.is_present:
            return "present"
        if self.has_left:
            return "left"
        if self.absence is not None:
            return "absent"
        return "expected" if self.planned else "not_expected"


def day_register(day: date, group_id: int | None = None) -> list[RegisterRow]:
    """Every child of the location (or one group) on `day`: planned times, registered stays, absence.

    Children expected on the day come first, then the others (who may still come, e.g. on a swap day).
    """
    children = Child.objects.select_related("group").order_by("first_name", "last_name")
    expected = {item.child_id: item for item in planned.expected_children(day, include_absent=True)}
    if group_id is not None:
        children = [c for c in children if (expected[c.pk].group_id if c.pk in expected else c.group_id) == group_id]
    rows = {child.pk: RegisterRow(child, expected.get(child.pk), day=day) for child in children}
    # Today's stays, and a stay still open from an earlier day (nobody checked the child out), so that the
    # tablet offers to check that child out instead of refusing a new check-in.
    stays = AttendanceRecord.objects.filter(child_id__in=rows).filter(
        Q(date=day) | Q(date__lt=day, check_out__isnull=True)).order_by("check_in")
    for record in stays:
        rows[record.child_id].records.append(record)
    for absence in Absence.objects.filter(start_date__lte=day, end_date__gte=day, child_id__in=rows):
        rows[absence.child_id].absence = absence
    for swap in SwapRequest.objects.filter(give_up_date=day, status=SwapRequest.Status.ACCEPTED, child_id__in=rows):
        rows[swap.child_id].swapped_to = swap
    return sorted(rows.values(), key=lambda row: (row.planned is None, row.child.first_name, row.child.last_name))


# --- ratio per half hour ------------------------------------------------------------------------------


def care_type(group: Group) -> str:
    return rules.CARE_TYPE_OF_GROUP_KIND.get(group.kind, ratio_rules.KDV)


def ratio_check(group: Group, ages: list[int], staff: int, own_ages: list[int] = ()) -> ratio_rules.Result:
    """The ratio rules for one moment in a group (tenants.ratios.selectors.group_check)."""
    return ratio_selectors.group_check(group, ages, staff, own_ages=own_ages)


def translated_violations(result: ratio_rules.Result) -> list[dict]:
    return [{"code": item.code, "message": _(item.template) % item.params if item.template else item.message}
            for item in result.violations]


def translated_rule(result: ratio_rules.Result) -> str:
    return _(result.rule_template) % result.rule_params if result.rule_template else result.rule


@dataclass
class Slot:
    start: time
    end: time
    present: int
    expected: int
    counted: int
    staff: int
    result: ratio_rules.Result
    is_past: bool

    @property
    def allowed(self) -> bool:
        return self.result.allowed

    @property
    def violations(self) -> list[dict]:
        return translated_violations(self.result)

    @property
    def rule(self) -> str:
        return translated_rule(self.result)


@dataclass
class GroupDay:
    group: Group
    day: date
    hours: tuple[time, time] | None
    closed_reason: str
    slots: list[Slot]

    @property
    def violation_count(self) -> int:
        return sum(1 for slot in self.slots if not slot.allowed)


def staff_intervals(group: Group, day: date) -> list[rules.Interval]:
    return [rules.Interval(shift.start_time, shift.end_time)
            for shift in Shift.objects.filter(group=group, date=day)]


def staff_in_slot(group: Group, intervals: list[rules.Interval], start: time, end: time,
                  hours: tuple[time, time] | None) -> int:
    """Rostered staff in the slot. A childminder cares herself whenever the location is open, so her group
    has at least one carer during opening hours, rostered or not."""
    count = rules.count_in_slot(intervals, start, end)
    if care_type(group) == ratio_rules.GASTOUDER and hours is not None and count == 0:
        return 1
    return count


def day_hours(day: date) -> tuple[tuple[time, time] | None, str]:
    """(opening hours, reason closed): hours None when the location does not open on `day`."""
    closed = calendar.closed_day(day)
    if closed is not None:
        return None, _("The location is closed: %(reasons)s.") % {"reasons": ", ".join(closed.labels)}
    hours = calendar.opening_hours(day.weekday())
    if hours is None:
        return None, _("The location does not open on this weekday.")
    return hours, ""


def group_day(group: Group, day: date, now: datetime | None = None, extra: planned.Expected | None = None,
              extra_age: int | None = None, hours: tuple[time, time] | None = None) -> GroupDay:
    """The planning of a group on a day, per half hour: children present, expected and counted, staff on the
    roster, and the ratio check on the children counted.

    Counted: in a slot that has passed, the children who were there; otherwise the children present plus
    those still expected (not absent, not gone home). `extra` (with `extra_age`) adds a child, for the
    extra-day check.
    """
    tz = location_zone()
    now = (now or timezone.now()).astimezone(tz)
    if hours is None:
        hours, closed_reason = day_hours(day)
    else:
        closed_reason = ""
    if hours is None:
        return GroupDay(group, day, None, closed_reason, [])
    expected = planned.expected_children(day, group_id=group.pk)
    children = {c.pk: c for c in Child.objects.filter(
        pk__in={e.child_id for e in expected} | set(
            AttendanceRecord.objects.filter(date=day, group=group).values_list("child_id", flat=True)))}
    records = list(AttendanceRecord.objects.filter(date=day, group=group))
    stays: dict[int, list[rules.Interval]] = {}
    for record in records:
        stays.setdefault(record.child_id, []).append(
            rules.Interval(local_time(record.check_in, tz), local_time(record.check_out, tz)))
    left = {child_id for child_id, items in stays.items() if all(item.end is not None for item in items)}
    staff = staff_intervals(group, day)
    own = ratio_selectors.own_child_ids(group, children)
    slots = []
    for start, end in rules.half_hours(*hours):
        is_past = at_local(day, end, tz) <= now
        present_ids = {child_id for child_id, items in stays.items()
                       if rules.count_in_slot(items, start, end)}
        expected_ids = {e.child_id for e in expected if rules.overlaps(e.start, e.end, start, end)}
        if is_past:
            counted_ids = present_ids
        else:
            counted_ids = present_ids | {child_id for child_id in expected_ids if child_id not in left}
        ages = [rules.whole_years(children[child_id].birth_date, day) for child_id in counted_ids - own]
        own_ages = [rules.whole_years(children[child_id].birth_date, day) for child_id in counted_ids & own]
        if extra is not None and extra.child_id not in counted_ids and rules.overlaps(extra.start, extra.end,
                                                                                          start, end):
            ages.append(extra_age if extra_age is not None else 0)
        count_staff = staff_in_slot(group, staff, start, end, hours)
        slots.append(Slot(start, end, len(present_ids), len(expected_ids), ratio_selectors.counted(ages, own_ages),
                          count_staff, ratio_check(group, ages, count_staff, own_ages), is_past))
    return GroupDay(group, day, hours, "", slots)


def groups():
    return Group.objects.order_by("name")
