"""Writes of tariffs. Each checks everything first and raises ValidationError({field: [...]}); nothing is
stored unless all of it is."""
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from jurisdictions import DEFAULT

from billing.tariffs import rules
from billing.tariffs.models import (
    ContractTariff,
    Extra,
    IncomeCertificate,
    Rate,
    RegisteredHours,
    SettlingInSession,
    TariffModel,
    TariffSettings,
    TariffYear,
)
from tenants.contracts.models import CareType, Contract


def _add(errors: dict, field: str, messages) -> None:
    for message in messages if isinstance(messages, list) else [messages]:
        errors.setdefault(field, []).append(_(message))


def _decimal(errors, field, value, *, minimum=Decimal("0"), places="0.01"):
    try:
        amount = Decimal(str(value))
        if not amount.is_finite():
            raise InvalidOperation
    except (InvalidOperation, TypeError, ValueError):
        _add(errors, field, rules.gettext_noop("Enter an amount in euros."))
        return None
    if amount < minimum:
        _add(errors, field, rules.gettext_noop("The amount cannot be negative."))
        return None
    if amount != amount.quantize(Decimal(places)):
        _add(errors, field, rules.gettext_noop("Too many decimals."))
        return None
    return amount


def care_types_in_year(year: int) -> set[str]:
    start, end = date(year, 1, 1), date(year, 12, 31)
    return set(Contract.objects.filter(start_date__lte=end).filter(Q(end_date__isnull=True) | Q(end_date__gte=start))
               .values_list("care_type", flat=True))


@transaction.atomic
def set_tariff_year(*, year: int, rates: list[dict], note: str = "") -> TariffYear:
    """Replace the rates of `year`: [{care_type, hourly_rate, flexible_hourly_rate?}]. Every care type of
    the contracts running that year needs a rate."""
    errors: dict[str, list[str]] = {}
    if not isinstance(year, int) or not 2000 <= year <= 2100:
        _add(errors, "year", rules.gettext_noop("Enter a calendar year."))
    clean = {}
    for i, item in enumerate(rates or []):
        care_type = (item or {}).get("care_type")
        if care_type not in CareType.values:
            errors.setdefault("rates", []).append(_("Line %(n)s: unknown care type.") % {"n": i + 1})
            continue
        if care_type in clean:
            errors.setdefault("rates", []).append(_("Line %(n)s: %(type)s has a rate already.") % {
                "n": i + 1, "type": care_type})
            continue
        for field in ("hourly_rate", "flexible_hourly_rate"):
            value = item.get(field)
            if value is None and field == "flexible_hourly_rate":
                continue
            if value is None:
                _add(errors, field, rules.gettext_noop("Enter the hourly rate."))
                continue
            for message in rules.rate_errors(value, field).get(field, []):
                _add(errors, field, message)
        clean[care_type] = item
    if not errors and isinstance(year, int):
        missing = sorted(care_types_in_year(year) - set(clean))
        if missing:
            errors.setdefault("rates", []).append(
                _("Contracts in %(year)s need a rate for: %(types)s.") % {"year": year, "types": ", ".join(missing)})
    if errors:
        raise ValidationError(errors)
    tariff_year, _created = TariffYear.objects.update_or_create(year=year, defaults={"note": note.strip()})
    tariff_year.rates.exclude(care_type__in=list(clean)).delete()
    for care_type, item in clean.items():
        Rate.objects.update_or_create(tariff_year=tariff_year, care_type=care_type, defaults={
            "hourly_rate": Decimal(str(item["hourly_rate"])),
            "flexible_hourly_rate": (Decimal(str(item["flexible_hourly_rate"]))
                                     if item.get("flexible_hourly_rate") is not None else None)})
    return tariff_year


def rate_problems(contract: Contract, model: str) -> dict[str, list[str]]:
    """NL models need a rate for the contract's care type in every tariff year the contract runs
    (from its start year; at least the years that have a tariff year)."""
    if model == rules.BE_DAY_PRICE:
        return {}
    years = set(TariffYear.objects.values_list("year", flat=True))
    first = contract.start_date.year
    if first not in years:
        return {"rates": [_("There is no tariff year %(year)s; enter the rates first.") % {"year": first}]}
    last = contract.end_date.year if contract.end_date else max(years)
    for year in range(first, last + 1):
        if year in years and not Rate.objects.filter(tariff_year__year=year, care_type=contract.care_type).exists():
            return {"rates": [_("The tariff year %(year)s has no rate for %(care_type)s.") % {
                "year": year, "care_type": contract.care_type}]}
    return {}


@transaction.atomic
def set_contract_tariff(contract: Contract, *, model: str, paying_parent, payment_method: str = "direct_debit",
                        location_diapers: bool = True, jurisdiction: str = DEFAULT) -> ContractTariff:
    errors: dict[str, list[str]] = {}
    if model not in TariffModel.values:
        _add(errors, "model", rules.gettext_noop("Choose a tariff model."))
    elif rules.MODEL_JURISDICTION[model] != jurisdiction:
        _add(errors, "model", rules.gettext_noop("This tariff model is not used in the location's country."))
    if paying_parent is None or not contract.child.guardians.filter(pk=paying_parent.pk).exists():
        _add(errors, "paying_parent", rules.gettext_noop("The paying parent must be a guardian of the child."))
    from billing.invoices.models import Invoice

    if payment_method not in Invoice.PaymentMethod.values:
        _add(errors, "payment_method", rules.gettext_noop("Choose a payment method."))
    if not errors:
        errors.update(rate_problems(contract, model))
    if errors:
        raise ValidationError(errors)
    tariff, _created = ContractTariff.objects.update_or_create(contract=contract, defaults={
        "model": model, "paying_parent": paying_parent, "payment_method": payment_method,
        "location_diapers": location_diapers})
    return tariff


@transaction.atomic
def add_income_certificate(*, child, day_price, valid_from: date, valid_until: date,
                           kind_code: str = "") -> IncomeCertificate:
    errors: dict[str, list[str]] = {}
    price = _decimal(errors, "day_price", day_price)
    if valid_from is None:
        _add(errors, "valid_from", rules.gettext_noop("Enter the first day the certificate is valid."))
    if valid_until is None:
        _add(errors, "valid_until", rules.gettext_noop("Enter the last day the certificate is valid."))
    elif valid_from is not None and valid_until < valid_from:
        _add(errors, "valid_until", rules.gettext_noop("The certificate cannot end before it starts."))
    if not errors and IncomeCertificate.objects.filter(child=child, valid_from__lte=valid_until,
                                                       valid_until__gte=valid_from).exists():
        _add(errors, "valid_from", rules.gettext_noop("Another certificate of this child is valid in this period."))
    if errors:
        raise ValidationError(errors)
    return IncomeCertificate.objects.create(child=child, day_price=price, valid_from=valid_from,
                                            valid_until=valid_until, kind_code=kind_code.strip())


@transaction.atomic
def add_extra(contract: Contract, *, kind: str, description: str, unit_price, quantity=1,
              frequency: str = Extra.Frequency.ONCE, on_date: date, until: date | None = None) -> Extra:
    errors: dict[str, list[str]] = {}
    if kind not in Extra.Kind.values:
        _add(errors, "kind", rules.gettext_noop("Choose meals, travel costs or a one-off cost."))
    if not (description or "").strip():
        _add(errors, "description", rules.gettext_noop("Describe the extra."))
    price = _decimal(errors, "unit_price", unit_price)
    qty = _decimal(errors, "quantity", quantity)
    if qty is not None and qty <= 0:
        _add(errors, "quantity", rules.gettext_noop("The quantity must be more than zero."))
    if frequency not in Extra.Frequency.values:
        _add(errors, "frequency", rules.gettext_noop("Choose once or every month."))
    if on_date is None:
        _add(errors, "on_date", rules.gettext_noop("Enter the date."))
    elif until is not None and until < on_date:
        _add(errors, "until", rules.gettext_noop("The end date cannot be before the start date."))
    if errors:
        raise ValidationError(errors)
    return Extra.objects.create(contract=contract, kind=kind, description=description.strip(), unit_price=price,
                                quantity=qty, frequency=frequency, on_date=on_date, until=until)


@transaction.atomic
def remove_extra(extra: Extra) -> None:
    """Stop an agreed extra; invoices already sent keep their lines (a correction is a credit note)."""
    Extra.objects.filter(pk=extra.pk).delete()


@transaction.atomic
def add_settling_in_session(*, child, day: date | None) -> SettlingInSession:
    """BE-VLG: a settling-in session (wenmoment) of a child, billed as a half day in its month."""
    errors: dict[str, list[str]] = {}
    if child is None:
        _add(errors, "child", rules.gettext_noop("Choose the child."))
    if day is None:
        _add(errors, "date", rules.gettext_noop("Enter the date."))
    elif child is not None and SettlingInSession.objects.filter(child=child, date=day).exists():
        _add(errors, "date", rules.gettext_noop("This child has a settling-in session on this day already."))
    if errors:
        raise ValidationError(errors)
    return SettlingInSession.objects.create(child=child, date=day)


@transaction.atomic
def remove_settling_in_session(session: SettlingInSession) -> None:
    SettlingInSession.objects.filter(pk=session.pk).delete()


@transaction.atomic
def update_settings(**fields) -> TariffSettings:
    settings = TariffSettings.load()
    errors: dict[str, list[str]] = {}
    for name in ("diaper_full_day", "diaper_half_day", "admin_fee", "late_pickup_fine"):
        if name in fields:
            value = _decimal(errors, name, fields[name])
            if value is not None:
                setattr(settings, name, value)
    for name in ("diaper_own_full_day", "diaper_own_half_day", "late_absence_fine", "unreported_absence_fine"):
        if name in fields:  # empty: the jurisdiction's amount
            value = None if fields[name] in (None, "") else _decimal(errors, name, fields[name])
            if name not in errors:
                setattr(settings, name, value)
    if "justified_absence_days" in fields:
        problems = rules.justified_days_errors(fields["justified_absence_days"])
        for message in problems.get("justified_absence_days", []):
            _add(errors, "justified_absence_days", message)
        if not problems:
            settings.justified_absence_days = int(fields["justified_absence_days"])
    if "nl_payment_days" in fields:
        days = fields["nl_payment_days"]
        if not isinstance(days, int) or not 1 <= days <= 90:
            _add(errors, "nl_payment_days", rules.gettext_noop("Between 1 and 90 days."))
        else:
            settings.nl_payment_days = days
    if errors:
        raise ValidationError(errors)
    settings.save()
    return settings


@transaction.atomic
def register_hours(contract: Contract, *, day: date, hours, user=None) -> RegisteredHours:
    """A childminder registers the hours of one day (replacing an unapproved registration)."""
    errors: dict[str, list[str]] = {}
    amount = _decimal(errors, "hours", hours)
    if amount is not None and not Decimal("0") < amount <= Decimal("24"):
        _add(errors, "hours", rules.gettext_noop("Between 0 and 24 hours."))
    if day is None or day < contract.start_date or (contract.end_date and day > contract.end_date):
        _add(errors, "date", rules.gettext_noop("The day is outside the contract."))
    existing = RegisteredHours.objects.filter(contract=contract, date=day).first()
    if existing is not None and existing.approved_at is not None:
        _add(errors, "date", rules.gettext_noop("The hours of this day are approved already."))
    if errors:
        raise ValidationError(errors)
    if existing is not None:
        existing.hours, existing.registered_by = amount, user
        existing.registered_at = timezone.now()
        existing.disputed_at, existing.disputed_by, existing.dispute_note = None, None, ""
        existing.save()
        return existing
    return RegisteredHours.objects.create(contract=contract, date=day, hours=amount, registered_by=user)


@transaction.atomic
def approve_hours(rows, *, user) -> int:
    """Approve the days of `rows` that are still open (a day marked as wrong too: approving withdraws the
    remark); days approved already stay as they were."""
    now = timezone.now()
    return RegisteredHours.objects.filter(pk__in=[r.pk for r in rows], approved_at__isnull=True).update(
        approved_at=now, approved_by=user, disputed_at=None, disputed_by=None, dispute_note="")


def _lock_open_day(row: RegisteredHours, errors: dict) -> RegisteredHours:
    """The row, locked; an approved day is final (a correction after that is a credit note)."""
    current = RegisteredHours.objects.select_for_update().get(pk=row.pk)
    if current.approved_at is not None:
        _add(errors, "date", rules.gettext_noop("The hours of this day are approved already."))
    return current


@transaction.atomic
def approve_day(row: RegisteredHours, *, user) -> RegisteredHours:
    """The parent approves one day."""
    errors: dict[str, list[str]] = {}
    current = _lock_open_day(row, errors)
    if errors:
        raise ValidationError(errors)
    approve_hours([current], user=user)
    current.refresh_from_db()
    return current


@transaction.atomic
def approve_month(rows, *, user) -> int:
    """The parent approves all open days of a month at once; days she marked as wrong wait for the
    childminder's correction (or her approval of that day)."""
    open_rows = [r for r in rows if r.approved_at is None and r.disputed_at is None]
    if not open_rows:
        raise ValidationError({"month": [_("There are no hours left to approve in this month.")]})
    return approve_hours(open_rows, user=user)


@transaction.atomic
def mark_hours_wrong(row: RegisteredHours, *, user, note: str) -> RegisteredHours:
    """The parent says a day is wrong: the childminder sees the remark and corrects the day; until then it
    is not approved automatically."""
    note = (note or "").strip()
    errors: dict[str, list[str]] = {}
    if not note:
        _add(errors, "note", rules.gettext_noop("Say what is wrong with the hours of this day."))
    elif len(note) > 500:
        _add(errors, "note", rules.gettext_noop("At most 500 characters."))
    current = _lock_open_day(row, errors)
    if errors:
        raise ValidationError(errors)
    current.disputed_at, current.disputed_by, current.dispute_note = timezone.now(), user, note
    current.save(update_fields=["disputed_at", "disputed_by", "dispute_note"])
    return current


def auto_approve_hours(now=None, location_name: str = "") -> int:
    """Hours registered more than 7 days ago and neither approved nor marked as wrong: approve them, notify
    the parents."""
    from billing.care_month import selectors as care_month
    from billing.invoices import notify

    now = now or timezone.now()
    due = list(RegisteredHours.objects.filter(approved_at__isnull=True, disputed_at__isnull=True,
                                              registered_at__lte=now - timedelta(days=rules.AUTO_APPROVE_DAYS))
               .select_related("contract__child"))
    by_parent: dict = {}
    for row in due:
        try:
            parent = care_month.paying_parent(row.contract)
        except ValidationError:
            continue
        by_parent.setdefault(parent, []).append(row.pk)
    with transaction.atomic():
        RegisteredHours.objects.filter(pk__in=[r.pk for r in due]).update(approved_at=now, auto_approved=True)
        # Through the outbox, with the approval: when the daily job's location fails later on, both are rolled
        # back and the parent is told once, by the rerun that approves again.
        for parent, pks in by_parent.items():
            notify.hours_auto_approved(parent, pks)
    return len(due)
