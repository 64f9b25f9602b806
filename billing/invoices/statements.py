"""Annual statements: the Dutch jaaropgave and the Flemish fiscal certificate, per child and paying parent.

Made only once their period has ended (the rules in billing.invoices.rules), by the daily job, the API or
`manage.py make_statements`. A statement is never changed: when a credit note or a payment changes the
figures later, a new version is issued next to the old ones and the parent is told.
"""
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from jurisdictions import policy

from billing.invoices import rules as invoice_rules
from billing.invoices.models import AnnualStatement, Invoice
from tenants.calendar.selectors import current_location

CHANGED = gettext_noop("The figures changed since the last version.")


def _reason(location, reason: str, params: dict) -> str:
    """The reason for a new version in the location's language (it is stored with the statement)."""
    with translation.override(policy(location.jurisdiction).language):
        return _(reason) % params if params else _(reason)


def latest_ended_year(jurisdiction: str, today: date) -> int:
    """The statement year whose period ended last before `today`."""
    year = today.year
    return year if invoice_rules.statement_ready(policy(jurisdiction).statement_period(year)[1], today) else year - 1


def make_statements(year: int, *, today: date, reason: str = CHANGED, **params) -> int:
    """The statements of `year` at the current location, per child and paying parent: a first version, or a
    new version where the figures differ from the latest one (`reason` says why). Returns how many were
    issued. Refused (ValidationError on "year") while the year's period has not ended."""
    location = current_location()
    entry = policy(location.jurisdiction)
    start, end = entry.statement_period(year)
    if not invoice_rules.statement_ready(end, today):
        raise ValidationError({"year": [
            _("The annual statement for %(year)s can only be made after %(end)s, when its period has ended.")
            % {"year": year, "end": date_format(end, "j F Y")}]})
    groups: dict[tuple[int, int], list[Invoice]] = {}
    for invoice in _invoices(start, end):
        groups.setdefault((invoice.child_id, invoice.parent_id), []).append(invoice)
    made = 0
    for (child_id, parent_id), items in sorted(groups.items()):
        if _issue(entry.statement_kind, year, child_id, parent_id, items, start, end, location,
                  _reason(location, reason, params)):
            made += 1
    return made


def _invoices(start: date, end: date):
    """The issued invoices of a statement period (by the month they invoice), with their credited hours."""
    return (Invoice.objects.filter(period_start__gte=start, period_start__lte=end, number__isnull=False)
            .exclude(status=Invoice.Status.DRAFT).prefetch_related("lines", "credit_notes")
            .annotate(closed_hours=Sum("closure_credits__hours")).order_by("period_start", "number"))


def _plain(invoice: Invoice) -> invoice_rules.StatementInvoice:
    return invoice_rules.StatementInvoice(
        total=invoice.total, credited=invoice.credited_amount, paid=invoice.status == Invoice.Status.PAID,
        credited_hours=invoice.closed_hours or Decimal("0"),
        lines=tuple(invoice_rules.StatementLine(line.kind, line.unit, line.quantity, line.unit_price, line.amount)
                    for line in invoice.lines.all()))


def _issue(kind, year, child_id, parent_id, items, start, end, location, reason) -> bool:
    figures = invoice_rules.STATEMENTS[kind]([_plain(i) for i in items])
    values = {"hours": invoice_rules.cents(figures.hours), "days": figures.days.quantize(Decimal("0.1")),
              "hourly_rate": figures.hourly_rate,
              "day_rates": [{"price": str(p), "days": f"{d.normalize():f}", "amount": str(a)}
                            for p, d, a in figures.day_rates],
              "amount_invoiced": figures.amount_invoiced, "amount_paid": figures.amount_paid,
              "lrk_number": next((i.lrk_number for i in items if i.lrk_number), "")}
    with transaction.atomic():
        mine = AnnualStatement.objects.select_for_update().filter(kind=kind, year=year, child_id=child_id,
                                                                 parent_id=parent_id)
        latest = mine.order_by("-version").first()
        if latest is not None and _same(latest, values):
            return False
        statement = AnnualStatement.objects.create(
            kind=kind, year=year, child_id=child_id, parent_id=parent_id, period_start=start, period_end=end,
            version=(latest.version + 1) if latest else 1, change_reason=reason[:300] if latest else "",
            location_name=location.name, **values)
        from billing.invoices import notify, pdf

        statement.pdf = pdf.statement_pdf(statement)
        statement.save(update_fields=["pdf"])
        notify.statement_ready(statement.pk)
    return True


def _same(statement: AnnualStatement, values: dict) -> bool:
    return all(getattr(statement, name) == value if not isinstance(value, Decimal)
               else getattr(statement, name) is not None and Decimal(getattr(statement, name)) == value
               for name, value in values.items())


def after_payment(invoice: Invoice) -> int:
    return after_change(invoice, gettext_noop("Invoice %(number)s was paid."), number=invoice.display_number)


def after_credit_note(note) -> int:
    return after_change(note.invoice, gettext_noop("Credit note %(number)s on invoice %(invoice_number)s."),
                        number=note.display_number, invoice_number=note.invoice.display_number)


def after_change(invoice: Invoice, reason: str, **params) -> int:
    """A credit note or payment changed `invoice`: where a statement covering it was issued already, a new
    version follows when its figures changed. Nothing while no statement covers it (its period runs)."""
    issued = (AnnualStatement.objects.filter(child_id=invoice.child_id, parent_id=invoice.parent_id,
                                             period_start__lte=invoice.period_start,
                                             period_end__gte=invoice.period_start)
              .values_list("year", flat=True).distinct())
    made = 0
    for year in issued:
        location = current_location()
        entry = policy(location.jurisdiction)
        start, end = entry.statement_period(year)
        items = list(_invoices(start, end).filter(child_id=invoice.child_id, parent_id=invoice.parent_id))
        if _issue(entry.statement_kind, year, invoice.child_id, invoice.parent_id, items, start, end, location,
                  _reason(location, reason, params)):
            made += 1
    return made
