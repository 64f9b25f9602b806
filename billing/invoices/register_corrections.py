"""The register is put right after the fact (tenants.attendance.corrections: an absence reported afterwards or
withdrawn, times corrected, an extra day withdrawn): what that does to the monthly invoices already sent.

Before the correction is written, every sent monthly invoice of the child that could depend on the corrected
days is priced again from the register as it is (`care_month` → `rules.invoice_lines`, the run's own read and
rules); after it is written, priced again. The difference between the two is exactly what this correction
changes — never a drift from something else changed since (a rate, a certificate) — and is settled at once:

- **less**: a credit note on the invoice (never more than is left to credit), as a childminder's closure is
  credited (billing.invoices.closures);
- **more**: a correction invoice of its own (a one-off invoice for the same month, the next number of the
  same series, with a line per invoice line that changed), sent to the paying parent.

Why not an extra line on next month's invoice: a Flemish month is invoiced after it ends, so next month's
invoice is often already sent when a correction comes in, and a contract that has ended has no next invoice;
a line for March on the invoice for May would also put March's care in May on the fiscal certificate, which
counts care per invoice period (seed 003, 4.2.5). A document per correction, for the corrected month, keeps
each month's figures where they belong and reaches the parent at once.

Which invoices: the months from the first corrected day to December of its year (the Flemish justified
absence days are taken in date order over the year, seed 003 4.3.1, so one day more or less moves the quota
of every later month) and at least the three months after it (an NL flexible quarter is settled in the first
month of the next quarter). A month whose price does not depend on the register (the NL monthly average: the
average is paid whatever the presence, seed 001 2.1) comes out the same and gets nothing. A month not invoiced
yet needs nothing: the run reads the corrected register.

Each correction is stored (InvoiceCorrection) with the explanation the parent reads on the invoice page, in
the parent's language: which day, what changed, by whom and why, and the amount.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import translation
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from jurisdictions import policy

from billing.care_month import selectors as care
from billing.care_month.values import Waiting
from billing.invoices.models import Invoice, InvoiceCorrection
from billing.tariffs import rules as tariff_rules

CORRECTABLE = (Invoice.Status.SENT, Invoice.Status.OPEN, Invoice.Status.OVERDUE, Invoice.Status.PAID)
#: The months after the corrected one that are priced again at least (an NL flexible quarter's settlement).
MONTHS_AFTER = 3


def window(days: list[date]) -> tuple[date, date]:
    """The first days of the first and the last month whose invoice may change."""
    first = min(days).replace(day=1)
    last = max(days).replace(day=1)
    ahead = last.year * 12 + last.month - 1 + MONTHS_AFTER
    return first, max(date(last.year, 12, 1), date(ahead // 12, ahead % 12 + 1, 1))


def on_register_correcting(sender, *, child, days, **kwargs) -> Pending | None:
    first, last = window(days)
    invoices = list(Invoice.objects.filter(kind=Invoice.Kind.MONTHLY, child=child, contract__isnull=False,
                                           status__in=CORRECTABLE, period_start__range=(first, last))
                    .select_related("contract__child", "parent")
                    .prefetch_related("contract__versions", "contract__extras", "contract__child__guardians")
                    .order_by("period_start", "pk"))
    if not invoices:
        return None
    pending = Pending(care.LocationContext(care.current_location()))
    for invoice in invoices:
        lines = pending.price(invoice)
        if lines is not None:
            pending.before.append((invoice, lines))
    return pending


def _key(line: tariff_rules.Line) -> tuple:
    return (line.kind, line.description, line.unit, line.unit_price, tuple(sorted(line.params.items())))


def changed_lines(before: list[tariff_rules.Line], after: list[tariff_rules.Line]) -> list[tuple]:
    """(a line as priced before or after, amount before, amount after) of each invoice line whose amount
    changed, in the order of the invoice (lines before first)."""
    amounts: dict[tuple, list] = {}
    for index, lines in enumerate((before, after)):
        for line in lines:
            entry = amounts.setdefault(_key(line), [line, Decimal("0.00"), Decimal("0.00")])
            entry[index + 1] += line.amount
    return [tuple(entry) for entry in amounts.values() if entry[1] != entry[2]]


def _money(amount: Decimal) -> str:
    return "€ " + number_format(amount, decimal_pos=2, use_l10n=True, force_grouping=True)


@dataclass
class Pending:
    ctx: care.LocationContext
    before: list[tuple[Invoice, list[tariff_rules.Line]]] = field(default_factory=list)

    def price(self, invoice: Invoice) -> list[tariff_rules.Line] | None:
        """The invoice's month priced from the register as it is now (None: it cannot be priced now)."""
        try:
            month = care.care_month(self.ctx, invoice.contract, invoice.period_start.year, invoice.period_start.month,
                                    model=invoice.tariff_model or None)
        except (ValidationError, Waiting):
            return None
        return tariff_rules.invoice_lines(month)

    def settle(self, change) -> list[InvoiceCorrection]:
        found = []
        for invoice, before in self.before:
            after = self.price(invoice)
            if after is None:
                continue
            difference = tariff_rules.total(after) - tariff_rules.total(before)
            if difference:
                found.append(_settle(invoice, change, changed_lines(before, after), difference))
        return found


def _settle(invoice: Invoice, change, lines: list[tuple], difference: Decimal) -> InvoiceCorrection:
    from billing.invoices import notify, services
    from tenants.attendance import history

    with translation.override(invoice.parent.language or policy(invoice.jurisdiction).language):
        changed = [{"description": services._translated(line).description, "before": str(old), "after": str(new)}
                   for line, old, new in lines]
        what = history.summary(change)
        days = date_format(change.day, "j F Y") if change.day == change.last_day else _(
            "%(start)s to %(end)s") % {"start": date_format(change.day, "j F Y"),
                                       "end": date_format(change.last_day, "j F Y")}
        month = date_format(invoice.period_start, "F Y")
        said = _("Correction of %(days)s: %(what)s, by %(who)s on %(when)s. Reason: %(reason)s.") % {
            "days": days, "what": what, "who": change.actor_name or _("the location"),
            "when": date_format(change.at.astimezone(care.LocationContext(care.current_location()).zone),
                                "j F Y"), "reason": change.reason.rstrip(". ")}
        note = correction_invoice = None
        if difference < 0:
            left = invoice.total - invoice.credited_amount
            amount = min(-difference, left)
            if amount > 0:
                note = services.create_credit_note(
                    invoice, amount=amount, user=change.actor,
                    reason=(_("Correction of %(days)s: %(what)s") % {"days": days, "what": what})[:300])
                outcome = _("The invoice for %(month)s is %(amount)s lower: credit note %(number)s.") % {
                    "month": month, "amount": _money(amount), "number": note.display_number}
            else:
                outcome = _("The invoice for %(month)s would be %(amount)s lower, but it has been credited in "
                            "full already.") % {"month": month, "amount": _money(-difference)}
        else:
            correction_invoice = _correction_invoice(invoice, changed, said)
            outcome = _("The invoice for %(month)s is %(amount)s higher: correction invoice %(number)s.") % {
                "month": month, "amount": _money(difference), "number": correction_invoice.display_number}
        correction = InvoiceCorrection.objects.create(
            invoice=invoice, change=change, amount=difference, credit_note=note,
            correction_invoice=correction_invoice, explanation=f"{said} {outcome}", lines=changed)
    if note is not None:
        notify.register_correction(correction)
    return correction


def _correction_invoice(invoice: Invoice, changed: list[dict], said: str) -> Invoice:
    """A one-off invoice for the corrected month with a line per invoice line that changed (its difference)."""
    from billing.invoices import services

    correction = Invoice.objects.create(
        kind=Invoice.Kind.MANUAL, child=invoice.child, contract=invoice.contract, parent=invoice.parent,
        period_start=invoice.period_start, period_end=invoice.period_end, payment_method=invoice.payment_method,
        jurisdiction=invoice.jurisdiction, location_name=invoice.location_name, lrk_number=invoice.lrk_number,
        parent_name=invoice.parent_name, child_name=invoice.child_name, tariff_model=invoice.tariff_model,
        method_note=said, vat_note=invoice.vat_note)
    lines = [tariff_rules.Line(
        tariff_rules.SETTLEMENT, (_("Correction of invoice %(number)s: %(line)s") % {
            "number": invoice.display_number, "line": item["description"]})[:300], Decimal("1"), "",
        Decimal(item["after"]) - Decimal(item["before"]), Decimal(item["after"]) - Decimal(item["before"]))
        for item in changed]
    correction.total = services.add_lines(correction, lines)
    correction.save(update_fields=["total"])
    return services.issue_invoice(correction)


def corrections_of(invoice: Invoice):
    """The corrections of the register that changed `invoice`, and the one it is the correction invoice of."""
    return (InvoiceCorrection.objects.filter(Q(invoice=invoice) | Q(correction_invoice=invoice))
            .select_related("credit_note", "correction_invoice", "invoice").order_by("created_at", "pk"))
