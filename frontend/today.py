"""Each role's day, for its start page: what a person needs to know this morning, gathered from the apps'
own selectors (nothing is counted twice or differently here).

- at a location (staff and the entrepreneur): who is expected, who is in, each group's ratio now and this
  afternoon, the handovers still to write; the entrepreneur also what needs attention (contracts to be
  signed, unpaid invoices, complaint deadlines, quality documents);
- a parent: each child's status now (portal.selectors.parent_overview, with the check-in time);
- an adviser: the visits of this week and the overdue follow-up actions of her locations;
- the pedagogue: the meldcode cases waiting for a step (only the cases she may see, listing recorded).

The number of queries is fixed per location (and per group for the ratios); tests/frontend counts them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Q, Sum

#: From this time of day the rest of the day is "this afternoon" for the ratio.
AFTERNOON_FROM = time(12, 0)


# --- at a location ---------------------------------------------------------------------------------------


@dataclass
class ChildNow:
    child: object
    status: str  # present, left, expected, absent
    planned_start: time | None = None
    planned_end: time | None = None
    checked_in: time | None = None
    checked_out: time | None = None


@dataclass
class GroupRatio:
    group: object
    now: object | None  # the current half hour (attendance Slot), None outside opening hours
    afternoon_children: int = 0  # the most children counted in one half hour this afternoon
    afternoon_staff: int = 0  # the fewest staff rostered in such a half hour
    afternoon_problem_from: time | None = None  # the first half hour this afternoon that breaks the ratio
    afternoon_open: bool = False  # whether the group has half hours left this afternoon
    backup: object | None = None  # a childminder's backup (tenants.ratios.selectors.Backup)


@dataclass
class Attention:
    """What the entrepreneur should look at: each list holds the items, oldest deadline first."""

    contracts: list = field(default_factory=list)  # contracts waiting for a parent's signature
    unpaid_count: int = 0
    unpaid_total: object = 0
    overdue_count: int = 0
    complaints: list = field(default_factory=list)  # open complaints, nearest deadline first
    documents: list = field(default_factory=list)  # quality documents missing or out of date
    today: date | None = None
    flagged_check_ins: int = 0  # kiosk check-ins out of hours, not planned or breaking the ratio, not yet seen
    duties: list = field(default_factory=list)  # the calendar of duties due within a month or late (filings)

    @property
    def empty(self) -> bool:
        return not (self.contracts or self.unpaid_count or self.complaints or self.documents
                    or self.flagged_check_ins or self.duties)


@dataclass
class LocationDay:
    today: date
    now: datetime
    hours: tuple[time, time] | None
    closed_reason: str
    children: list[ChildNow]
    ratios: list[GroupRatio]
    handovers_to_write: list
    attention: Attention | None = None
    # Medication due today (tenants.medication.selectors.due_today): each dose with whether it is given or late.
    medication: list = field(default_factory=list)

    @property
    def medication_late(self) -> list:
        return [item for item in self.medication if item.overdue]

    @property
    def medication_on_time(self) -> list:
        return [item for item in self.medication if not item.overdue]

    def _with(self, status: str) -> list[ChildNow]:
        return [item for item in self.children if item.status == status]

    @property
    def present(self) -> list[ChildNow]:
        return self._with("present")

    @property
    def expected(self) -> list[ChildNow]:
        return self._with("expected")

    @property
    def left(self) -> list[ChildNow]:
        return self._with("left")

    @property
    def absent(self) -> list[ChildNow]:
        return self._with("absent")

    @property
    def expected_total(self) -> int:
        """Children planned today (present, gone home or still to come; not those reported absent)."""
        return len(self.present) + len(self.left) + len(self.expected)


def _children_now(day: date, tz) -> list[ChildNow]:
    from tenants.attendance import selectors as attendance

    rows = []
    for row in attendance.day_register(day):
        status = row.status
        if status == "not_expected":
            continue
        today_records = [record for record in row.records if record.date == day] or row.records
        first, last = (today_records[0], today_records[-1]) if today_records else (None, None)
        rows.append(ChildNow(
            child=row.child, status=status,
            planned_start=row.planned.start if row.planned else None,
            planned_end=row.planned.end if row.planned else None,
            checked_in=attendance.local_time(first.check_in, tz) if first else None,
            checked_out=attendance.local_time(last.check_out, tz) if last and not row.is_present else None,
        ))
    order = {"present": 0, "expected": 1, "left": 2, "absent": 3}
    rows.sort(key=lambda item: (order[item.status], item.planned_start or time.max, item.child.first_name))
    return rows


def _group_ratio(group, day: date, now: datetime, hours) -> GroupRatio:
    from tenants.attendance import selectors as attendance
    from tenants.ratios import selectors as ratio_selectors

    plan = attendance.group_day(group, day, now=now, hours=hours)
    current = next((slot for slot in plan.slots if slot.start <= now.time() < slot.end), None)
    later = [slot for slot in plan.slots if not slot.is_past and slot is not current
             and slot.end > AFTERNOON_FROM]
    ratio = GroupRatio(group=group, now=current, backup=ratio_selectors.backup_for(plan))
    if later:
        ratio.afternoon_open = True
        ratio.afternoon_children = max(slot.counted for slot in later)
        ratio.afternoon_staff = min(slot.staff for slot in later)
        ratio.afternoon_problem_from = next((slot.start for slot in later if not slot.allowed), None)
    return ratio


def location_day(*, with_attention: bool, location=None) -> LocationDay:
    """The day at the location the connection is in (staff and the entrepreneur only: callers check)."""
    from tenants.attendance import selectors as attendance
    from tenants.handover import selectors as handover
    from tenants.medication import selectors as medication

    now = attendance.local_now(location)
    today = now.date()
    hours, closed_reason = attendance.day_hours(today)
    children = _children_now(today, now.tzinfo)
    ratios = [_group_ratio(group, today, now, hours) for group in attendance.groups()] if hours else []
    written = handover.written_on(today)
    # Only the children who came today can have a handover written about them.
    to_write = [item.child for item in children
                if item.status in ("present", "left") and item.child.pk not in written]
    day = LocationDay(today=today, now=now, hours=hours, closed_reason=closed_reason, children=children,
                      ratios=ratios, handovers_to_write=to_write,
                      medication=medication.due_on(today, now))
    if with_attention:
        day.attention = attention(today, location)
    return day


def attention(today: date, location=None) -> Attention:
    """What waits for the entrepreneur: unsigned contracts, unpaid invoices, complaint and document deadlines,
    check-ins flagged on the kiosk, and the calendar of duties (filings, complaint report, documents' review
    dates) due within a month or late."""
    from advisory.selectors import current_documents
    from billing.filings.selectors import duties_due
    from billing.invoices.models import Invoice
    from tenants.calendar.selectors import current_location
    from tenants.complaints.models import Complaint
    from tenants.complaints.rules import OPEN_STATES
    from tenants.contracts.models import Contract, ContractVersion
    from tenants.kiosk.selectors import flags_to_review

    location = location or current_location()
    found = Attention(today=today)
    found.contracts = list(
        Contract.objects.filter(pk__in=ContractVersion.objects.filter(signed_at__isnull=True).values("contract_id"))
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=today)).select_related("child").order_by("start_date", "pk"))
    unpaid = Invoice.objects.filter(status__in=[Invoice.Status.SENT, Invoice.Status.OPEN, Invoice.Status.OVERDUE])
    totals = unpaid.aggregate(count=Count("pk"), total=Sum("total"),
                              overdue=Count("pk", filter=Q(status=Invoice.Status.OVERDUE) | Q(due_date__lt=today)))
    found.unpaid_count, found.unpaid_total = totals["count"], totals["total"] or 0
    found.overdue_count = totals["overdue"]
    found.complaints = list(Complaint.objects.filter(status__in=OPEN_STATES).order_by("deadline", "pk"))
    found.documents = [row for row in current_documents(location, today) if row["attention"]]
    found.flagged_check_ins = flags_to_review().count()
    found.duties = duties_due(location, today)
    return found


# --- a parent --------------------------------------------------------------------------------------------


def parent_day(user, locations=None, *, before_reading=None):
    """Each child's status now at each of the parent's locations (portal.selectors.parent_overview)."""
    from portal.selectors import parent_overview

    return parent_overview(user, locations, before_reading=before_reading)


# --- the adviser ----------------------------------------------------------------------------------------


@dataclass
class AdviserDay:
    today: date
    week_start: date
    week_end: date
    visits: list  # this week's visits of the adviser, in order
    overdue_actions: list  # open follow-up actions past their due date at her locations, oldest first
    overdue_visits: list = field(default_factory=list)


def adviser_day(user, today: date) -> AdviserDay:
    from django.utils import timezone

    from advisory import rules
    from advisory import selectors as advisory

    week_start = today - timedelta(days=today.weekday())
    week_end = week_start + timedelta(days=6)
    zone = timezone.get_current_timezone()
    start = datetime.combine(week_start, time.min, tzinfo=zone)
    end = datetime.combine(week_end + timedelta(days=1), time.min, tzinfo=zone)
    visits = list(advisory.visits_visible_to(user).filter(adviser=user, scheduled_at__gte=start, scheduled_at__lt=end)
                  .order_by("scheduled_at"))
    actions = list(advisory.actions_visible_to(user).filter(status=rules.ACTION_OPEN, due_date__lt=today)
                   .order_by("due_date", "pk"))
    overdue_visits = list(advisory.visits_visible_to(user).filter(adviser=user, completed_at__isnull=True)
                          .filter(Q(scheduled_at__lt=start) | Q(scheduled_at__isnull=True, deadline__lt=today))
                          .order_by("deadline", "pk"))
    return AdviserDay(today, week_start, week_end, visits, actions, overdue_visits)


# --- the pedagogue --------------------------------------------------------------------------------------


@dataclass
class CaseWaiting:
    case: object
    step: str
    step_label: str
    due: date
    overdue: bool


def cases_waiting(user, today: date) -> list[CaseWaiting]:
    """Open meldcode cases with their next step, nearest deadline first: only the cases `user` may see as
    pedagogue (safeguarding.selectors.cases_for_pedagogue: none for anybody else), without their encrypted
    text. The caller records the listing in the cases' audit trails."""
    from safeguarding import rules
    from safeguarding import selectors as safeguarding
    from safeguarding.models import Step

    cases = safeguarding.with_step_names(safeguarding.list_only(
        safeguarding.cases_for_pedagogue(user).exclude(status=rules.STATUS_CLOSED)))
    waiting = []
    for case in cases:
        done = {entry.step for entry in case.steps.all()}
        pending = rules.open_steps(case.route, case.reported_on, done, today, case.crime_suspected)
        if pending:
            waiting.append(CaseWaiting(case, pending[0].step, str(Step(pending[0].step).label), pending[0].due,
                                       pending[0].overdue))
    waiting.sort(key=lambda item: (item.due, item.case.pk))
    return waiting
