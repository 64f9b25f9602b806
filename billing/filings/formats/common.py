"""What the format modules share: the result of a build, the records delivered before, CSV writing and the
names and numbers of children and parents."""
import csv
import io
from dataclasses import dataclass, field
from datetime import date

from billing.filings import rules


@dataclass
class Built:
    content: bytes
    filename: str
    content_type: str
    records: list[dict]
    problems: list[rules.Problem] = field(default_factory=list)
    corrections: list[str] = field(default_factory=list)   # earlier periods corrected ("2026-03")
    changes: list[dict] = field(default_factory=list)      # rules.changed_records of the earlier periods
    summary: dict = field(default_factory=dict)
    missing: list[dict] = field(default_factory=list)      # numbers still missing: [{"who", "field", "child"|"parent"}]


def delivered_records(kind: str, before: date) -> dict[str, dict]:
    """The last delivered version of every record of `kind`'s filings of periods before `before`, by key
    (corrections delivered later replace the original)."""
    from billing.filings.models import Filing

    records: dict[str, dict] = {}
    for filing in Filing.objects.filter(kind=kind, status=Filing.Status.DELIVERED,
                                        period_start__lt=before).order_by("delivered_at", "pk"):
        for record in filing.rows:
            records[record["key"]] = {k: v for k, v in record.items() if k != "correction"}
    return records


def csv_bytes(header: list[str], rows: list[list]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_safe(value) for value in row])
    return out.getvalue().encode("utf-8")


def _safe(value) -> str:
    """Neutralise spreadsheet formulas (CSV injection); numbers and dates stay as they are."""
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "@", "\t", "\r") or (text[:1] == "-" and not _number(text)):
        return "'" + text
    return text


def _number(text: str) -> bool:
    try:
        float(text)
        return True
    except ValueError:
        return False


def child_numbers(child_ids) -> dict[int, object]:
    from billing.filings.models import ChildNumbers

    return {row.child_id: row for row in ChildNumbers.objects.filter(child_id__in=list(child_ids))}


def parent_numbers(parent_ids) -> dict[int, object]:
    from billing.filings.models import ParentNumbers

    return {row.parent_id: row for row in ParentNumbers.objects.filter(parent_id__in=list(parent_ids))}


def child_bsn(child, numbers) -> str:
    """The BSN kept with the filings (encrypted), else the one in the child file."""
    row = numbers.get(child.pk)
    return (row.bsn if row and row.bsn else "") or rules.normalise_bsn(child.bsn or "")


def month_key(day: date) -> str:
    return f"{day:%Y-%m}"
