"""The month's general-ledger journal, read once for both accounting exports (ledger_csv, ledger_xaf): the
invoices issued, credit notes, payments received and direct-debit batches collected in the month, booked by
billing.filings.rules (VAT exempt). The membership fee is the cooperative's: it is not in a location's books
here."""
from datetime import date
from decimal import Decimal

from billing.filings import rules


def entries(start: date, end: date) -> list[rules.Entry]:
    from billing.invoices.models import CreditNote, Invoice
    from billing.payments.models import Payment, SepaFile

    result = []
    for invoice in (Invoice.objects.filter(issue_date__gte=start, issue_date__lte=end, number__isnull=False)
                    .exclude(status=Invoice.Status.DRAFT).prefetch_related("lines").order_by("number")):
        result.append(rules.invoice_entry(invoice.display_number, invoice.issue_date, _customer(invoice),
                                          [(line.kind, line.amount) for line in invoice.lines.all()]))
    for note in (CreditNote.objects.filter(issue_date__gte=start, issue_date__lte=end).select_related("invoice")
                 .order_by("number")):
        result.append(rules.credit_note_entry(note.display_number, note.invoice.display_number, note.issue_date,
                                              _customer(note.invoice), note.total))
    for payment in (Payment.objects.filter(status=Payment.Status.SUCCEEDED, paid_on__gte=start, paid_on__lte=end)
                    .select_related("invoice").order_by("paid_on", "pk")):
        result.append(rules.payment_entry(f"P{payment.pk:06d}", payment.invoice.display_number, payment.paid_on,
                                          _customer(payment.invoice), payment.amount, payment.method))
    for batch in SepaFile.objects.filter(collection_date__gte=start, collection_date__lte=end).order_by("pk"):
        total = batch.total - sum((item.amount for item in batch.items.filter(returned=True)), Decimal("0"))
        if total:
            result.append(rules.batch_entry(f"B{batch.pk:06d}", batch.collection_date, total))
    return result


def _customer(invoice) -> str:
    return f"D{invoice.parent_id:06d}"


def customers(entries_: list[rules.Entry]) -> dict[str, str]:
    """{customer id: the paying parent's name} of the entries."""
    from billing.invoices.models import Invoice

    ids = {int(e.customer[1:]) for e in entries_ if e.customer}
    names = dict(Invoice.objects.filter(parent_id__in=ids).order_by("parent_id", "-pk")
                 .values_list("parent_id", "parent_name"))
    return {f"D{pk:06d}": names.get(pk, "") for pk in sorted(ids)}


def totals(entries_: list[rules.Entry]) -> tuple[int, Decimal, Decimal]:
    lines = [line for entry in entries_ for line in entry.lines]
    return (len(lines), sum((a for _acc, a, side in lines if side == "D"), Decimal("0.00")),
            sum((a for _acc, a, side in lines if side == "C"), Decimal("0.00")))


def problems(entries_: list[rules.Entry]) -> list[rules.Problem]:
    return [rules.Problem(entry.number, "total", "The booking of %(number)s does not balance.",
                          {"number": entry.number}) for entry in entries_ if not entry.balanced]
