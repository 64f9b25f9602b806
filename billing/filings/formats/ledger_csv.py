"""The month's general-ledger journal as CSV for the bookkeeper (every location): one row per booking line
with its ledger account (rules.ACCOUNTS), debit or credit, the document and the customer. Semicolon-separated,
UTF-8, amounts with a decimal point; no VAT columns (childcare is exempt)."""
from datetime import date

from billing.filings import rules
from billing.filings.formats import journal
from billing.filings.formats.common import Built, csv_bytes, month_key

HEADER = ["journal", "booking", "date", "account", "account_name", "debit", "credit", "document", "customer",
          "description", "vat"]


def build(start: date, end: date, location) -> Built:
    entries = journal.entries(start, end)
    rows, records = [], []
    for entry in entries:
        for account, amount, side in entry.lines:
            row = [entry.journal, entry.number, entry.day.isoformat(), account, rules.ACCOUNTS[account][0],
                   f"{amount:.2f}" if side == "D" else "", f"{amount:.2f}" if side == "C" else "", entry.reference,
                   entry.customer, entry.description, "exempt"]
            rows.append(row)
            records.append({"key": f"{entry.number}:{account}:{side}", "period": month_key(start),
                            **dict(zip(HEADER, row, strict=True))})
    count, debit, credit = journal.totals(entries)
    return Built(content=csv_bytes(HEADER, rows), filename=f"journaal-{month_key(start)}.csv",
                 content_type="text/csv", records=records, problems=journal.problems(entries),
                 summary={"entries": len(entries), "debit": f"{debit:.2f}", "credit": f"{credit:.2f}"})
