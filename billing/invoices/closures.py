"""A childminder closes for sickness or absence after the month was invoiced (NL monthly average): a credit
note for the closed hours follows by itself, its reason saying why, on the invoice page, the credit note's
PDF and in an e-mail to the paying parent (seed 001, 2.3: no fee for a closure).

Each credited day is stored (ClosureCredit, one row per invoice and day), so recording the closure again
never credits a day twice. Cancelling a closure later invoices nothing again: the credit notes stand (they
are sent documents) and the entrepreneur is told so; if care was given after all, she makes a one-off invoice.
Months invoiced after the closure was recorded need no credit: the monthly run reads the closure itself.
"""
from decimal import Decimal

from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from jurisdictions import policy

from billing.invoices import rules as invoice_rules
from billing.invoices.models import ClosureCredit, CreditNote, Invoice
from billing.tariffs import rules as tariff_rules
from tenants.calendar.selectors import current_location

CREDITABLE = (Invoice.Status.SENT, Invoice.Status.OPEN, Invoice.Status.OVERDUE, Invoice.Status.PAID)


def on_closure_recorded(sender, *, closure, user=None, **kwargs) -> list[CreditNote]:
    return credit_closure(closure, user=user)


def on_closure_cancelled(sender, *, closure, **kwargs) -> int:
    return ClosureCredit.objects.filter(closure=closure).count()


def credit_closure(closure, *, user=None) -> list[CreditNote]:
    """Credit the closed hours on every sent monthly-average invoice whose month holds days of `closure`."""
    invoices = (Invoice.objects.filter(kind=Invoice.Kind.MONTHLY, tariff_model=tariff_rules.NL_MONTHLY_AVERAGE,
                                       status__in=CREDITABLE, period_start__lte=closure.end_date,
                                       period_end__gte=closure.start_date, contract__isnull=False)
                .select_related("contract").order_by("period_start", "pk"))
    notes = []
    for invoice in invoices:
        note = _credit(invoice, closure, user)
        if note is not None:
            notes.append(note)
    return notes


def _credit(invoice: Invoice, closure, user) -> CreditNote | None:
    """The closed days of `closure` in the invoice's month, picked and priced as the monthly run prices a
    closure it knows of (billing.tariffs.rules.nl_closure_days and nl_closure_deduction), less days credited
    before."""
    from billing.care_month import selectors as care
    from billing.invoices import notify, services

    month = care.care_month(care.LocationContext(current_location()), invoice.contract, invoice.period_start.year,
                            invoice.period_start.month, model=tariff_rules.NL_MONTHLY_AVERAGE)
    credited = set(ClosureCredit.objects.filter(invoice=invoice).values_list("day", flat=True))
    closed = [(day, slot) for day, slot in tariff_rules.nl_closure_days(month)
              if closure.start_date <= day <= closure.end_date]
    days, amount = invoice_rules.closure_credit(closed=closed, credited=credited, rate=month.rate,
                                                remaining=invoice.total - invoice.credited_amount)
    if not days:
        return None
    note = services.create_credit_note(invoice, amount=amount, reason=_reason(invoice, closure, days), user=user)
    ClosureCredit.objects.bulk_create([ClosureCredit(invoice=invoice, credit_note=note, closure=closure, day=day,
                                                     hours=hours) for day, hours in days])
    notify.credit_note_sent(note.pk, invoice.pk)
    return note


def _reason(invoice: Invoice, closure, days) -> str:
    """Why, in the location's language (it is printed on the credit note and shown to the parent)."""
    hours = sum((h for _d, h in days), Decimal("0"))
    with translation.override(policy(invoice.jurisdiction).language):
        return _("The childminder was closed (%(why)s) from %(start)s to %(end)s: no fee for the closed days "
                 "(days credited: %(days)s, hours: %(hours)s).") % {
            "why": closure.get_reason_display(), "start": date_format(days[0][0], "j F Y"),
            "end": date_format(days[-1][0], "j F Y"), "days": len(days),
            "hours": f"{hours.normalize():f}".replace(".", ",")}
