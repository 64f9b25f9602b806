"""The one read of a contract's month for billing: `care_month` turns the contract, its plan (the register's
own answer to who is booked when, tenants.attendance.planned.contract_bookings), the register, the
absence reports, the calendar's closed days, the tariff year, income certificates, extras and the
location's settings into a `values.CareMonth`. What a monthly run reads once per location (closed days
per year, opening hours, rates, settings, the jurisdiction's policy) is kept in a `LocationContext`.

Everything runs in the schema the connection is in.
"""
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from jurisdictions import Policy, policy

from billing.care_month import values
from billing.tariffs import rules
from billing.tariffs.models import ContractTariff, Extra, IncomeCertificate, Rate, SettlingInSession, TariffSettings
from frontend.numbers import long_date
from tenants.calendar.rules import CLOSING_WEEK, PUBLIC_HOLIDAY
from tenants.contracts.models import Contract, ContractVersion


@dataclass
class LocationContext:
    location: object
    settings: TariffSettings = None
    _closed: dict = field(default_factory=dict)
    _rates: dict = field(default_factory=dict)
    _hours: dict | None = None
    _years: dict = field(default_factory=dict)
    _days: dict = field(default_factory=dict)
    _registered: dict = field(default_factory=dict)

    def __post_init__(self):
        if self.settings is None:
            self.settings = TariffSettings.load()

    @property
    def jurisdiction(self) -> str:
        return self.location.jurisdiction

    @property
    def policy(self) -> Policy:
        return policy(self.location.jurisdiction)

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.location.time_zone or self.policy.time_zone)

    @property
    def fees(self):
        return self.settings.fees(self.policy.fees)

    @property
    def payment_days(self) -> int:
        return self.policy.invoice_due_days or self.settings.nl_payment_days

    def _year(self, year: int):
        """The year's calendar (tenants.calendar.selectors.year_calendar: closed days, closing weeks and opening
        hours in four reads), read once per year."""
        if year not in self._years:
            from tenants.calendar import selectors as calendar

            self._years[year] = calendar.year_calendar(year, self.location)
            if self._hours is None:
                self._hours = self._years[year].opening_hours
        return self._years[year]

    def closed(self, year: int) -> dict:
        """{date: ClosedDay} of the year (tenants.calendar.selectors.closed_days, read once per year)."""
        if year not in self._closed:
            self._closed[year] = {d.date: d for d in self._year(year).closed_days}
        return self._closed[year]

    def unpaid_days(self, year: int) -> frozenset[date]:
        """Days of the year the monthly average never counts: the closing weeks, and the public holidays
        the location closes where the jurisdiction does not pay them (jurisdictions.Policy)."""
        key = ("unpaid", year)
        if key not in self._days:
            unpaid = {CLOSING_WEEK} if self.policy.public_holidays_paid else {CLOSING_WEEK, PUBLIC_HOLIDAY}
            self._days[key] = frozenset(day for day, closed in self.closed(year).items()
                                        if unpaid & set(closed.reasons))
        return self._days[key]

    def paid_holidays(self, year: int) -> frozenset[date]:
        key = ("paid", year)
        if key not in self._days:
            unpaid = self.unpaid_days(year)
            self._days[key] = frozenset(day for day, closed in self.closed(year).items()
                                        if PUBLIC_HOLIDAY in closed.reasons and day not in unpaid)
        return self._days[key]

    def closing_weeks(self, year: int) -> Decimal:
        """The closing periods of ISO year `year` in weeks (tenants.calendar.selectors.closing_weeks_count)."""
        return self._year(year).closing_weeks

    def closing_time(self, weekday: int) -> time | None:
        if self._hours is None:
            from tenants.calendar import selectors as calendar

            self._hours = calendar.weekly_opening_hours()
        hours = self._hours.get(weekday)
        return hours[1] if hours else None

    def rate(self, year: int, care_type: str, flexible: bool = False) -> Decimal:
        key = (year, care_type)
        if key not in self._rates:
            self._rates[key] = Rate.objects.filter(tariff_year__year=year, care_type=care_type).first()
        rate = self._rates[key]
        if rate is None:
            raise ValidationError({"rates": [_("The tariff year %(year)s has no rate for %(care_type)s.") % {
                "year": year, "care_type": care_type}]})
        if flexible and rate.flexible_hourly_rate is not None:
            return rate.flexible_hourly_rate
        return rate.hourly_rate


# --- the contract's billing terms -----------------------------------------------------------------------


def has_own_tariff(contract: Contract) -> bool:
    try:
        return contract.tariff is not None
    except ContractTariff.DoesNotExist:
        return False


def signed_versions(contract: Contract) -> list[ContractVersion]:
    return sorted((v for v in contract.versions.all() if v.signed_at is not None), key=lambda v: v.number)


def tariff_model(contract: Contract, jurisdiction: str) -> str:
    """The contract's own tariff model, or the jurisdiction's default (a flexible plan: the flexible model
    where the jurisdiction has one)."""
    if has_own_tariff(contract):
        return contract.tariff.model
    models = policy(jurisdiction).tariff_models
    versions = signed_versions(contract)
    if versions and versions[-1].schedule_type == "flexible" and rules.NL_FLEXIBLE in models:
        return rules.NL_FLEXIBLE
    return models[0]


def paying_parent(contract: Contract):
    if has_own_tariff(contract):
        return contract.tariff.paying_parent
    guardians = sorted(contract.child.guardians.all(), key=lambda u: u.pk)
    if not guardians:
        raise ValidationError({"paying_parent": [_("The child has no guardian to send the invoice to.")]})
    return guardians[0]


def payment_method(contract: Contract) -> str:
    return contract.tariff.payment_method if has_own_tariff(contract) else "direct_debit"


def location_diapers(contract: Contract) -> bool:
    return contract.tariff.location_diapers if has_own_tariff(contract) else True


def current_location():
    from tenants.calendar import selectors as calendar

    return calendar.current_location()


# --- the care month ---------------------------------------------------------------------------------------


def _hours(care_day) -> Decimal:
    return values.hours_of(values.seconds_between(care_day.start, care_day.end))


def _slots(weeks) -> tuple[tuple[values.Slot, ...], ...]:
    return tuple(tuple(values.Slot(day.weekday, _hours(day), values.seconds_between(day.start, day.end))
                       for day in week) for week in weeks)


def versions_of(contract: Contract) -> list[values.Version]:
    """Each signed version with the days it is in force (from its effective date to the next one's)."""
    from tenants.contracts import rules as contract_rules

    signed = signed_versions(contract)
    found = []
    for i, version in enumerate(signed):
        start = max(contract.start_date, version.effective_from)
        end = contract.end_date
        if i + 1 < len(signed):
            before_next = signed[i + 1].effective_from - timedelta(days=1)
            end = before_next if end is None else min(end, before_next)
        if end is not None and end < start:
            continue
        weeks = version.weeks
        found.append(values.Version(
            start=start, end=end, reference=version.effective_from, weeks=_slots(weeks),
            days_per_week=Decimal(str(contract_rules.days_per_week(weeks))) if weeks else Decimal("0"),
            estimated_hours_per_quarter=version.estimated_hours_per_quarter))
    return found


def _extras(contract: Contract, start: date, end: date) -> tuple[values.Extra, ...]:
    found = []
    for extra in contract.extras.all():
        if extra.frequency == Extra.Frequency.ONCE:
            applies = start <= extra.on_date <= end
        else:
            applies = extra.on_date <= end and (extra.until is None or extra.until >= start)
        if applies:
            found.append(values.Extra(extra.description, extra.quantity, extra.unit_price))
    return tuple(found)


def _register(ctx: LocationContext, child_id: int, start: date, end: date) -> dict[date, tuple[values.Stay, ...]]:
    """{date: stays} of the completed stays from `start` to `end`, times as recorded (to the second)."""
    from tenants.attendance.models import AttendanceRecord

    found: dict[date, list] = {}
    for record in AttendanceRecord.objects.filter(child_id=child_id, date__range=(start, end),
                                                  check_out__isnull=False).order_by("check_in"):
        found.setdefault(record.date, []).append(values.Stay(
            record.check_in.astimezone(ctx.zone), record.check_out.astimezone(ctx.zone),
            record.late_pickup_announced))
    return {day: tuple(stays) for day, stays in found.items()}


def absence_reports(ctx: LocationContext, child_id: int, start: date, end: date) -> dict[date, values.Reported]:
    """{date: Reported} of the absence reports covering days from `start` to `end` (the earliest report of
    a day counts); hospitalisation and quarantine with the doctor's certificate in time are exempt."""
    from tenants.attendance import rules as attendance_rules
    from tenants.attendance import selectors as attendance
    from tenants.attendance.models import Absence

    found: dict[date, values.Reported] = {}
    for absence in Absence.objects.filter(child_id=child_id, start_date__lte=end, end_date__gte=start).order_by(
            "reported_at"):
        exempt = False
        if absence.kind in Absence.CERTIFIED_KINDS and absence.certificate_received_on is not None:
            holidays = attendance.certificate_holidays(absence.start_date, ctx.location)
            exempt = attendance_rules.certificate_in_time(absence.start_date, absence.certificate_received_on,
                                                          holidays)
        report = values.Reported(absence.kind, absence.reported_at.astimezone(ctx.zone), exempt)
        for day in rules.days(max(absence.start_date, start), min(absence.end_date, end)):
            found.setdefault(day, report)
    return found


def _days(ctx: LocationContext, contract: Contract, start: date, end: date) -> tuple[values.Day, ...]:
    """The days from `start` to `end` that are booked, attended or closed within the contract, or in a
    settling-in session (also before the contract starts), each with its facts."""
    from tenants.attendance import planned

    child_id = contract.child_id
    settling = set(SettlingInSession.objects.filter(child_id=child_id, date__range=(start, end))
                   .values_list("date", flat=True))
    first = max(start, contract.start_date)
    last = end if contract.end_date is None else min(end, contract.end_date)
    if settling:
        first, last = min(first, *settling), max(last, *settling)
    if last < first:
        return ()
    bookings = planned.contract_bookings(contract, first, last)
    closed = {}
    for year in range(first.year, last.year + 1):
        closed.update(ctx.closed(year))
    stays = _register(ctx, child_id, first, last)
    reports = absence_reports(ctx, child_id, first, last)
    certificates = list(IncomeCertificate.objects.filter(child_id=child_id, valid_from__lte=last,
                                                         valid_until__gte=first))
    found = []
    for day in rules.days(first, last):
        in_contract = contract.start_date <= day and (contract.end_date is None or day <= contract.end_date)
        booked = bookings.get(day)
        shut = closed.get(day)
        if day not in settling and (not in_contract or (booked is None and day not in stays and shut is None)):
            continue
        price = next((c.day_price for c in certificates if c.valid_from <= day <= c.valid_until), None)
        found.append(values.Day(
            date=day, booked=(booked.start, booked.end) if booked else None, source=booked.source if booked else "",
            stays=stays.get(day, ()), absence=reports.get(day), closed=shut.reasons if shut else (),
            settling_in=day in settling, closing=ctx.closing_time(day.weekday()), day_price=price))
    return tuple(found)


def _closed_days(ctx: LocationContext, contract: Contract, start: date, end: date) -> tuple[values.Day, ...]:
    """The month's closed days within the contract (all the monthly average needs of the days; no reads)."""
    span = rules.overlap(start, end, contract.start_date, contract.end_date)
    if span is None:
        return ()
    last = span[1] or end
    return tuple(values.Day(date=day, closed=closed.reasons) for day, closed in sorted(ctx.closed(start.year).items())
                 if span[0] <= day <= last)


def _missing_certificate(days: tuple[values.Day, ...]) -> None:
    for day in days:
        if day.day_price is None and (day.stays or day.settling_in or (day.booked and not day.closed)):
            raise ValidationError({"income_certificate": [
                _("No income certificate is valid on %(date)s; ask the parent for the certificate of Kind en Gezin.")
                % {"date": long_date(day.date)}]})


def _settlement(ctx: LocationContext, contract: Contract, versions, year: int, month: int):
    """NL flexible, in the first month of a quarter: the quarter before, settled."""
    from billing.invoices.models import Invoice
    from tenants.attendance.models import AttendanceRecord

    if month not in (1, 4, 7, 10):
        return None
    previous = date(year, month, 1) - timedelta(days=1)
    quarter = rules.quarter_of(previous.month)
    q_start, q_end = rules.quarter_bounds(previous.year, quarter)
    invoiced = sorted(Invoice.objects.filter(contract=contract, kind=Invoice.Kind.MONTHLY,
                                             period_start__range=(q_start, q_end))
                      .exclude(status=Invoice.Status.CREDITED).values_list("period_start__month", flat=True))
    if not invoiced:
        return None
    seconds = sum(int((r.check_out - r.check_in).total_seconds()) for r in AttendanceRecord.objects.filter(
        child_id=contract.child_id, date__range=(q_start, q_end), check_out__isnull=False))
    return values.Settlement(
        year=previous.year, quarter=quarter,
        invoiced_hours=rules.flexible_advance_hours(versions, previous.year, invoiced), registered_seconds=seconds,
        rate=ctx.rate(previous.year, contract.care_type, flexible=True))


def read_registered_hours(ctx: LocationContext, contracts, start: date, end: date) -> None:
    """The registered hours from `start` to `end` of all `contracts` in one query, kept in `ctx` for `care_month`
    (a monthly run reads them once for the location instead of once per contract)."""
    from billing.tariffs.models import RegisteredHours

    found: dict[int, list] = {contract.pk: [] for contract in contracts}
    for row in RegisteredHours.objects.filter(contract_id__in=list(found), date__range=(start, end)).order_by(
            "contract_id", "date"):
        found[row.contract_id].append(row)
    ctx._registered.update({(pk, start, end): rows for pk, rows in found.items()})


def _registered(ctx: LocationContext, contract: Contract, start: date, end: date) -> tuple:
    from billing.tariffs.models import RegisteredHours

    rows = ctx._registered.get((contract.pk, start, end))
    if rows is None:
        rows = list(RegisteredHours.objects.filter(contract=contract, date__range=(start, end)))
    if any(row.approved_at is None for row in rows):
        raise values.Waiting
    return tuple((row.date, row.hours) for row in rows)


def care_month(ctx: LocationContext, contract: Contract, year: int, month: int,
               model: str | None = None) -> values.CareMonth:
    """Everything the tariff needs for `contract` in the month, read once. Raises ValidationError for a
    missing rate, signed version or income certificate, values.Waiting for hours not yet approved."""
    model = model or tariff_model(contract, ctx.jurisdiction)
    start, end = rules.month_bounds(year, month)
    versions = versions_of(contract)
    if not versions:
        raise ValidationError({"contract": [_("The contract has no signed version.")]})
    span = rules.overlap(start, end, contract.start_date, contract.end_date)
    terms = {"contract_id": contract.pk, "year": year, "month": month, "model": model,
             "contract_start": contract.start_date, "contract_end": contract.end_date, "versions": tuple(versions),
             "extras": _extras(contract, span[0], span[1] or end) if span else ()}
    if model == rules.NL_MONTHLY_AVERAGE:
        return values.CareMonth(
            **terms, rate=ctx.rate(year, contract.care_type), days=_closed_days(ctx, contract, start, end),
            year_unpaid=ctx.unpaid_days(year), paid_holidays=ctx.paid_holidays(year),
            closing_weeks=ctx.closing_weeks(year))
    if model == rules.NL_FLEXIBLE:
        return values.CareMonth(**terms, rate=ctx.rate(year, contract.care_type, flexible=True),
                                settlement=_settlement(ctx, contract, versions, year, month))
    if model == rules.NL_REGISTERED:
        return values.CareMonth(**terms, rate=ctx.rate(year, contract.care_type),
                                registered=_registered(ctx, contract, start, end))
    if model == rules.BE_DAY_PRICE:
        days = _days(ctx, contract, date(year, 1, 1), end)
        this_month = tuple(day for day in days if day.date >= start)
        _missing_certificate(this_month)
        pol = ctx.policy
        deadline = time.fromisoformat(pol.absence_report_deadline) if pol.absence_report_deadline else None
        return values.CareMonth(
            **terms, days=this_month, earlier_days=tuple(day for day in days if day.date < start), fees=ctx.fees,
            justified_full_time=ctx.settings.justified_absence_days, own_diapers=not location_diapers(contract),
            absence_deadline=deadline)
    raise ValidationError({"model": [_("Unknown tariff model.")]})


def average_explained(contract: Contract, year: int, location=None) -> list[tuple[values.Version,
                                                                                   rules.AverageExplained]]:
    """The NL monthly average of each version of the contract in force in `year`, explained as on the
    invoice (rules.nl_average_explained): for the contract's tariff page."""
    ctx = LocationContext(location or current_location())
    rate = ctx.rate(year, contract.care_type)
    found = []
    for version in versions_of(contract):
        if rules.overlap(date(year, 1, 1), date(year, 12, 31), version.start, version.end) is None:
            continue
        found.append((version, rules.nl_average_explained(
            [list(week) for week in version.weeks], version.reference, year, ctx.unpaid_days(year), rate,
            paid_holidays=ctx.paid_holidays(year), closing_weeks=ctx.closing_weeks(year))))
    return found


def version_model(version: ContractVersion, jurisdiction: str) -> str:
    """The tariff model a version (signed or still to sign) is billed by (tariff_model, for its own plan)."""
    contract = version.contract
    if has_own_tariff(contract):
        return contract.tariff.model
    models = policy(jurisdiction).tariff_models
    if version.schedule_type == "flexible" and rules.NL_FLEXIBLE in models:
        return rules.NL_FLEXIBLE
    return models[0]


def contract_cost(version: ContractVersion, location=None, today: date | None = None) -> values.ContractCost:
    """What `version` costs a month, by the same rules the invoices use (never a second calculation): the NL
    monthly average (rules.nl_average_explained), the flexible advance (rules.nl_flexible_month) or the
    Flemish day price (rules.be_day_price_explained), for the calendar year in which the version takes effect,
    or this year once it has."""
    from tenants.calendar import selectors as calendar

    ctx = LocationContext(location or current_location())
    today = today or calendar.location_today(ctx.location)
    year = max(version.effective_from, today).year
    model = version_model(version, ctx.jurisdiction)
    weeks = [list(week) for week in _slots(version.weeks)]
    try:
        if model == rules.NL_MONTHLY_AVERAGE:
            rate = ctx.rate(year, version.contract.care_type)
            average = rules.nl_average_explained(
                weeks, version.effective_from, year, ctx.unpaid_days(year), rate,
                paid_holidays=ctx.paid_holidays(year), closing_weeks=ctx.closing_weeks(year))
            return values.ContractCost(model=model, year=year, hours_a_month=average.monthly_hours,
                                       amount_a_month=average.monthly_amount, hourly_rate=rate, average=average)
        if model == rules.NL_FLEXIBLE:
            rate = ctx.rate(year, version.contract.care_type, flexible=True)
            advance = rules.nl_flexible_month(estimate_per_quarter=version.estimated_hours_per_quarter or 0,
                                              rate=rate, year=year, month=1)[0]
            return values.ContractCost(model=model, year=year, hours_a_month=advance.quantity,
                                       amount_a_month=advance.amount, hourly_rate=rate)
        if model == rules.NL_REGISTERED:
            return values.ContractCost(model=model, year=year,
                                       hourly_rate=ctx.rate(year, version.contract.care_type))
    except ValidationError as exc:
        return values.ContractCost(model=model, year=year, missing=" ".join(exc.messages))
    certificate = income_certificate_on(version.contract.child_id, max(version.effective_from, today))
    if certificate is None:
        return values.ContractCost(model=model, year=year, missing=_(
            "The day price follows from the family's income tariff; the location has no income certificate "
            "for this child yet."))
    explained = rules.be_day_price_explained(weeks, version.effective_from, year, ctx.unpaid_days(year),
                                             certificate.day_price)
    return values.ContractCost(model=model, year=year, hours_a_month=explained.monthly_hours,
                               amount_a_month=explained.monthly_amount, day_prices=explained)


def income_certificate_on(child_id: int, day: date) -> IncomeCertificate | None:
    """The income certificate in force on `day`, or else the next one to come."""
    rows = IncomeCertificate.objects.filter(child_id=child_id, valid_until__gte=day).order_by("valid_from")
    return next((row for row in rows if row.valid_from <= day), None) or rows.first()
