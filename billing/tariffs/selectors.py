"""Reads of tariffs for the entrepreneur's pages and the parent's hours (the location's schema holds only its
own rows)."""
from datetime import date, timedelta

from django.db.models import Q

from billing.tariffs import rules
from billing.tariffs.models import Extra, IncomeCertificate, RegisteredHours, SettlingInSession, TariffYear
from tenants.contracts.models import Contract


def tariff_years():
    return TariffYear.objects.prefetch_related("rates")


def signed_contracts():
    """Signed contracts with their child and tariff (if one was set), newest first per child."""
    return (Contract.objects.filter(status=Contract.Status.ACTIVE)
            .select_related("child", "tariff__paying_parent").order_by("child__first_name", "-start_date"))


def income_certificates():
    return IncomeCertificate.objects.select_related("child").order_by("child__first_name", "-valid_from")


def settling_in_sessions():
    return SettlingInSession.objects.select_related("child").order_by("-date", "child__first_name")


def extras():
    return Extra.objects.select_related("contract__child").order_by("-on_date", "pk")


def registered_hours():
    return RegisteredHours.objects.select_related("contract__child", "approved_by").order_by("-date", "pk")


def hours_of_parent(user):
    """The registered hours a parent may see and approve: of the children she is a guardian of, and of the
    contracts she pays (the paying parent)."""
    contracts = Contract.objects.filter(Q(child__guardians=user) | Q(tariff__paying_parent=user))
    return (RegisteredHours.objects.filter(contract__in=contracts)
            .select_related("contract__child").order_by("contract__child__first_name", "contract_id", "date"))


def auto_approve_on(row: RegisteredHours) -> date:
    """The day an open registration is approved automatically (unless marked as wrong)."""
    return (row.registered_at + timedelta(days=rules.AUTO_APPROVE_DAYS)).date()


def parent_month(user, first: date) -> list[tuple]:
    """[(contract, [rows])] of the parent's registered hours in the month starting on `first`; each open row
    knows the day it is approved automatically."""
    last = rules.month_bounds(first.year, first.month)[1]
    groups: dict = {}
    for row in hours_of_parent(user).filter(date__gte=first, date__lte=last):
        row.auto_approve_on = auto_approve_on(row)
        groups.setdefault(row.contract, []).append(row)
    return list(groups.items())


def parent_open_months(user, contract_id: int | None = None) -> list[date]:
    """The first days of the months in which the parent still has hours to approve (of one contract, when
    given), oldest first."""
    rows = hours_of_parent(user).filter(approved_at__isnull=True)
    if contract_id is not None:
        rows = rows.filter(contract_id=contract_id)
    return sorted({day.replace(day=1) for day in rows.values_list("date", flat=True)})
