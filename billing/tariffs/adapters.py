"""Reads from contracts, calendar and attendance turned into the plain values of billing.tariffs.rules.

Everything runs in the schema the connection is in. `LocationContext` caches what a monthly run reads once
per location (closed days per year, opening hours, rates, settings)."""
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import NamedTuple
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from billing.tariffs import rules
from billing.tariffs.models import ContractTariff, IncomeCertificate, Rate, SettlingInSession, TariffSettings
from tenants.contracts.models import Contract, ContractVersion
from tenants.contracts.rules import CareDay


@dataclass
class LocationContext:
    location: object
    settings: TariffSettings = None
    _unpaid: dict = field(default_factory=dict)
    _closed: dict = field(default_factory=dict)
    _rates: dict = field(default_factory=dict)
    _hours: dict | None = None

    def __post_init__(self):
        if self.settings is None:
            self.settings = TariffSettings.load()

    @property
    def jurisdiction(self) -> str:
        return self.location.jurisdiction

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.location.time_zone or ("Europe/Brussels" if self.jurisdiction == "BE-VLG"
                                                    else "Europe/Amsterdam"))

    def _load_year(self, year: int):
        if year not in self._closed:
            from tenants.calendar import selectors as calendar

            closed = calendar.closed_days(year, self.location)
            self._closed[year] = {d.date for d in closed}
            self._unpaid[year] = {d.date for d in closed if not d.billable}

    def unpaid_days(self, year: int) -> set[date]:
        """Closed days that are not charged (closing weeks, childminder closures; in Flanders all)."""
        self._load_year(year)
        return self._unpaid[year]

    def closed_days(self, year: int) -> set[date]:
        self._load_year(year)
        return self._closed[year]

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


def care_hours(day: CareDay) -> Decimal:
    """The hours of a day of care as billing reckons them (a contract day or a day swapped to)."""
    return Decimal(str(round(day.hours, 4)))


def weeks_of(version: ContractVersion) -> list[list[rules.Slot]]:
    return [[rules.Slot(day.weekday, care_hours(day)) for day in week] for week in version.weeks]


def signed_versions(contract: Contract) -> list[ContractVersion]:
    versions = getattr(contract, "_signed_versions", None)
    if versions is None:
        versions = [v for v in contract.versions.all() if v.signed_at is not None]
        versions.sort(key=lambda v: v.number)
    return versions


def segments(contract: Contract) -> list[tuple[rules.Segment, ContractVersion]]:
    """Each signed version with the days it is in force (from its effective date to the next one's)."""
    versions = signed_versions(contract)
    found = []
    for i, version in enumerate(versions):
        start = max(contract.start_date, version.effective_from)
        end = contract.end_date
        if i + 1 < len(versions):
            nxt = versions[i + 1].effective_from - timedelta(days=1)
            end = nxt if end is None else min(end, nxt)
        if end is not None and end < start:
            continue
        found.append((rules.Segment(start, end, weeks_of(version), version.effective_from), version))
    return found


def tariff_model(contract: Contract, jurisdiction: str) -> str:
    tariff = getattr(contract, "tariff", None) if has_own_tariff(contract) else None
    if tariff is not None:
        return tariff.model
    if jurisdiction == "BE-VLG":
        return rules.BE_DAY_PRICE
    versions = signed_versions(contract)
    if versions and versions[-1].schedule_type == "flexible":
        return rules.NL_FLEXIBLE
    return rules.NL_MONTHLY_AVERAGE


def has_own_tariff(contract: Contract) -> bool:
    try:
        return contract.tariff is not None
    except ContractTariff.DoesNotExist:
        return False


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


def day_price(child_id: int, day: date, certificates: list[IncomeCertificate] | None = None) -> Decimal:
    if certificates is None:
        certificates = list(IncomeCertificate.objects.filter(child_id=child_id))
    for certificate in certificates:
        if certificate.valid_from <= day <= certificate.valid_until:
            return certificate.day_price
    raise ValidationError({"income_certificate": [
        _("No income certificate is valid on %(date)s; ask the parent for the certificate of Kind en Gezin.")
        % {"date": day.isoformat()}]})


class Stay(NamedTuple):
    """A day of care from the register: hours, the local pick-up time of the last stay, and whether the
    parent announced a late pick-up for it."""

    hours: Decimal
    pickup: time | None
    pickup_announced: bool = False


def attended_hours(child_id: int, start: date, end: date, zone: ZoneInfo) -> dict[date, Stay]:
    """{date: Stay} from the attendance register (completed records)."""
    from tenants.attendance.models import AttendanceRecord

    found: dict[date, Stay] = {}
    for record in AttendanceRecord.objects.filter(child_id=child_id, date__gte=start, date__lte=end,
                                                  check_out__isnull=False).order_by("check_in"):
        seconds = Decimal((record.check_out - record.check_in).total_seconds())
        hours = (seconds / 3600).quantize(Decimal("0.01"))
        pickup = record.check_out.astimezone(zone).time()
        before = found.get(record.date, Stay(Decimal("0"), None))
        found[record.date] = Stay(before.hours + hours, pickup, record.late_pickup_announced)
    return found


def late_absence_fines(child_id: int, start: date, end: date) -> list[tuple[date, Decimal]]:
    from tenants.attendance.models import Absence

    return [(a.start_date, a.fine) for a in Absence.objects.filter(child_id=child_id, start_date__gte=start,
                                                                    start_date__lte=end, fine__gt=0)]


def exempt_days(child_id: int, start: date, end: date) -> set[date]:
    """Days from `start` to `end` of a hospitalisation or quarantine whose doctor's certificate came in time
    (the attendance register's rule, with the location's public holidays): they take no justified absence
    day and cost nothing."""
    from tenants.attendance import rules as attendance_rules
    from tenants.attendance import selectors as attendance
    from tenants.attendance.models import Absence

    found: set[date] = set()
    for absence in Absence.objects.filter(child_id=child_id, kind__in=Absence.CERTIFIED_KINDS, start_date__lte=end,
                                          end_date__gte=start, certificate_received_on__isnull=False):
        holidays = attendance.certificate_holidays(absence.start_date)
        if attendance_rules.certificate_in_time(absence.start_date, absence.certificate_received_on, holidays):
            found.update(rules.days(max(absence.start_date, start), min(absence.end_date, end)))
    return found


def swapped_days(child_id: int, start: date, end: date) -> tuple[set[date], dict[date, Decimal]]:
    """Accepted swaps touching `start`–`end`: the contract days given up (not reserved any more, so no
    absence) and the new days with their reserved hours (care as on a contract day)."""
    from tenants.attendance.models import SwapRequest

    given_up: set[date] = set()
    new_days: dict[date, Decimal] = {}
    swaps = SwapRequest.objects.filter(Q(give_up_date__range=(start, end)) | Q(date__range=(start, end)),
                                       child_id=child_id, status=SwapRequest.Status.ACCEPTED)
    for swap in swaps:
        if start <= swap.give_up_date <= end:
            given_up.add(swap.give_up_date)
        if start <= swap.date <= end:
            new_days[swap.date] = care_hours(CareDay(swap.date.weekday(), swap.start_time, swap.end_time))
    return given_up, new_days


def settling_in_days(child_id: int, start: date, end: date) -> set[date]:
    return set(SettlingInSession.objects.filter(child_id=child_id, date__gte=start, date__lte=end)
               .values_list("date", flat=True))


def to_local(moment: datetime, zone: ZoneInfo) -> datetime:
    return moment.astimezone(zone)


def current_location():
    from tenants.calendar import selectors as calendar

    return calendar.current_location()
