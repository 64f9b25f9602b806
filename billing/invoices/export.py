"""CSV export of invoices and credit notes for the bookkeeper (no child's personal data besides the name
on the invoice)."""
import csv
import io

from billing.invoices.models import CreditNote, Invoice

HEADER = ["type", "number", "date", "due_date", "period_start", "period_end", "parent", "child", "total",
          "status", "payment_method", "paid_at", "reference_invoice"]


def _safe(value) -> str:
    """Neutralise spreadsheet formulas (CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not _is_number(text) else text


def _is_number(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False


def invoices_csv(invoices, credit_notes=None) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(HEADER)
    for i in invoices:
        writer.writerow([_safe(v) for v in ("invoice", i.display_number, i.issue_date, i.due_date, i.period_start,
                                             i.period_end, i.parent_name, i.child_name, i.total, i.status,
                                             i.payment_method, i.paid_at.date() if i.paid_at else "", "")])
    for c in credit_notes or []:
        writer.writerow([_safe(v) for v in ("credit_note", c.display_number, c.issue_date, "", "", "",
                                             c.invoice.parent_name, c.invoice.child_name, -c.total, "", "", "",
                                             c.invoice.display_number)])
    return out.getvalue()


__all__ = ["invoices_csv", "Invoice", "CreditNote"]
