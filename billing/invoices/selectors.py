"""Reads of invoices that several places share. Who sees what: the entrepreneur every invoice of her
location; a parent only the invoices and statements addressed to her (as the paying parent); nobody else —
staff, advisers and the cooperative admin never see a parent's invoice (on the main domain these tables are
not even reachable: they live in the location schemas).

`month_run` reads what the monthly run would do for a month, without storing anything."""
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import Max, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.roles import ENTREPRENEUR, PARENT
from billing.care_month import selectors as care_month
from billing.invoices.models import AnnualStatement, CreditNote, Invoice
from billing.tariffs import rules
from billing.tariffs.models import RegisteredHours, TariffYear


def invoices_visible_to(user, roles: set[str]):
    if ENTREPRENEUR in roles:
        return Invoice.objects.all()
    if PARENT in roles:
        return Invoice.objects.filter(parent=user).exclude(status=Invoice.Status.DRAFT)
    return Invoice.objects.none()


def credit_notes_visible_to(user, roles: set[str]):
    if ENTREPRENEUR in roles:
        return CreditNote.objects.select_related("invoice")
    if PARENT in roles:
        return CreditNote.objects.filter(invoice__parent=user).select_related("invoice")
    return CreditNote.objects.none()


def statements_visible_to(user, roles: set[str]):
    if ENTREPRENEUR in roles:
        return AnnualStatement.objects.select_related("child")
    if PARENT in roles:
        return AnnualStatement.objects.filter(parent=user).select_related("child")
    return AnnualStatement.objects.none()


def latest_statement_ids(statements) -> set[int]:
    """The ids of the version that counts (the newest) of each statement among `statements`."""
    newest = statements.values("kind", "year", "child_id", "parent_id").annotate(newest=Max("version"))
    return set(statements.filter(_any_of(Q(kind=r["kind"], year=r["year"], child_id=r["child_id"],
                                           parent_id=r["parent_id"], version=r["newest"]) for r in newest))
               .values_list("pk", flat=True))


def _any_of(conditions) -> Q:
    found = Q(pk__in=[])
    for condition in conditions:
        found |= condition
    return found


@dataclass
class Problem:
    """Why a contract cannot be invoiced, and the page where that is fixed."""

    message: str
    url: str
    link: str


@dataclass
class ContractMonth:
    """A contract the run would invoice for the month: its amount (None when it cannot), whether the month
    is due yet for its tariff model, and its problems."""

    contract: object
    model: str
    due: bool
    total: Decimal | None = None
    problems: list[Problem] = field(default_factory=list)


def month_run(location, year: int, month: int, today: date) -> tuple[list[Invoice], list[ContractMonth]]:
    """(the month's monthly invoices, the running contracts without one) at the location whose schema the
    connection is in; each contract with the amount the run would invoice or what stops it."""
    from billing.invoices import services

    start, end = rules.month_bounds(year, month)
    invoices = list(Invoice.objects.filter(kind=Invoice.Kind.MONTHLY, period_start=start).order_by("number"))
    done = {invoice.contract_id for invoice in invoices}
    ctx = care_month.LocationContext(location)
    pending = []
    for contract in services.contracts_for_month(year, month):
        if contract.pk in done:
            continue
        model = care_month.tariff_model(contract, location.jurisdiction)
        row = ContractMonth(contract, model, rules.month_due(model, year, month, today))
        try:
            care_month.paying_parent(contract)
            row.total = rules.total(services.contract_lines(ctx, contract, model, year, month))
        except services.Waiting:
            open_days = RegisteredHours.objects.filter(contract=contract, date__gte=start, date__lte=end,
                                                       approved_at__isnull=True).count()
            row.problems.append(Problem(
                ngettext("%(count)s day of registered hours is not approved yet.",
                         "%(count)s days of registered hours are not approved yet.", open_days) % {"count": open_days},
                reverse("tariff-hours"), _("See the registered hours")))
        except ValidationError as error:
            row.problems += [_problem(name, message, contract, year) for name, messages in
                             getattr(error, "message_dict", {"contract": error.messages}).items()
                             for message in messages]
        pending.append(row)
    return invoices, pending


def _problem(name: str, message: str, contract, year: int) -> Problem:
    if name == "rates":
        if TariffYear.objects.filter(year=year).exists():
            return Problem(message, reverse("tariff-year", args=[year]), _("Enter the rates"))
        return Problem(message, reverse("tariff-year-new"), _("Enter the rates"))
    if name == "income_certificate":
        return Problem(message, reverse("tariff-certificates"), _("Add the income certificate"))
    if name == "paying_parent":
        return Problem(message, reverse("child-page", args=[contract.child_id]), _("Open the child's page"))
    if name == "contract":
        return Problem(message, reverse("contract-page", args=[contract.pk]), _("Open the contract"))
    return Problem(message, reverse("tariff-contract", args=[contract.pk]), _("Open the contract's tariff"))
