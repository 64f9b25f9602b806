"""The Dutch monthly childcare data for Belastingdienst/Toeslagen (art. 11 Regeling Wet kinderopvang).

Per child, applying (paying) parent and month: the names, birth dates and BSNs of child and parent, the LRK
number, the hours of care, the average hourly price and the end date of the agreement. A file holds the month
and, marked as corrections, every record of an earlier delivered month that changed since (a credit note, a
BSN that came in late: delivered the next month for the earlier months too, as Rijksoverheid's answer for
organisations says).

The exact XML of the Toeslagen data portal could not be had here; this module writes the fields of art. 11 as a
semicolon-separated CSV in UTF-8 with one header row, in the order of FIELDS. When the portal's format is
known, this module alone changes.
"""
from datetime import date
from decimal import Decimal

from billing.filings import rules
from billing.filings.formats.common import (
    Built,
    child_bsn,
    child_numbers,
    csv_bytes,
    delivered_records,
    month_key,
    parent_numbers,
)

KIND = "nl_childcare_data"

#: (column, record field, what art. 11 Regeling Wet kinderopvang asks).
FIELDS = [
    ("periode", "period", "the month the care was given"),
    ("lrk_nummer", "lrk_number", "the registration number in the Landelijk Register Kinderopvang"),
    ("soort_opvang", "care_type", "the kind of care (dagopvang, buitenschoolse opvang, gastouderopvang)"),
    ("bsn_kind", "child_bsn", "the child's BSN"),
    ("naam_kind", "child_name", "the child's name"),
    ("geboortedatum_kind", "child_birth_date", "the child's birth date"),
    ("bsn_ouder", "parent_bsn", "the BSN of the parent who applies for the allowance"),
    ("naam_ouder", "parent_name", "that parent's name"),
    ("geboortedatum_ouder", "parent_birth_date", "that parent's birth date"),
    ("uren_opvang", "hours", "the hours of care taken in the month"),
    ("gemiddelde_uurprijs", "hourly_price", "the average hourly price"),
    ("bedrag", "amount", "what was invoiced for the month, less credit notes"),
    ("einddatum_overeenkomst", "agreement_end", "the date the agreement ends or ended"),
    ("correctie", "correction", "yes: a correction of a month delivered before"),
]


def records(start: date, end: date, location) -> list[dict]:
    """One record per child and paying parent with invoices for the month (issued, less credit notes)."""
    from django.db.models import Sum

    from billing.invoices import rules as invoice_rules
    from billing.invoices.models import Invoice
    from billing.invoices.statements import _plain

    invoices = (Invoice.objects.filter(period_start__gte=start, period_start__lte=end, number__isnull=False)
                .exclude(status=Invoice.Status.DRAFT).select_related("child", "contract")
                .prefetch_related("lines", "credit_notes").annotate(closed_hours=Sum("closure_credits__hours"))
                .order_by("child_id", "parent_id", "number"))
    groups: dict[tuple[int, int], list] = {}
    for invoice in invoices:
        groups.setdefault((invoice.child_id, invoice.parent_id), []).append(invoice)
    children = child_numbers({c for c, _p in groups})
    parents = parent_numbers({p for _c, p in groups})
    from accounts.models import User

    names = dict(User.objects.filter(pk__in={p for _c, p in groups}).values_list("pk", "full_name"))
    result = []
    for (child_id, parent_id), items in sorted(groups.items()):
        figures = invoice_rules.nl_jaaropgave([_plain(i) for i in items])
        child = items[0].child
        contract = next((i.contract for i in items if i.contract_id), None)
        parent = parents.get(parent_id)
        care_amount = sum((line.amount for i in items for line in i.lines.all()
                           if line.kind in ("care", "settlement") and line.unit == "h"), Decimal("0"))
        gross_hours = figures.hours + sum((i.closed_hours or Decimal("0") for i in items), Decimal("0"))
        price = rules.average_hourly_price(care_amount, gross_hours)
        result.append({
            "key": f"{month_key(start)}:{child_id}:{parent_id}", "period": month_key(start),
            "lrk_number": next((i.lrk_number for i in items if i.lrk_number), "")
            or location.lrk_numbers.get(contract.care_type if contract else location.kind, ""),
            "care_type": contract.care_type if contract else location.kind,
            "child_id": child_id, "child_bsn": child_bsn(child, children), "child_name": child.full_name,
            "child_birth_date": child.birth_date.isoformat(),
            "parent_id": parent_id, "parent_bsn": parent.bsn if parent else "",
            "parent_name": names.get(parent_id, items[0].parent_name),
            "parent_birth_date": parent.birth_date.isoformat() if parent and parent.birth_date else "",
            "hours": f"{figures.hours.quantize(Decimal('0.001')):f}", "hourly_price": f"{price:f}" if price else "",
            "amount": f"{figures.amount_invoiced:f}",
            "agreement_end": contract.end_date.isoformat() if contract and contract.end_date else "",
        })
    return result


def _missing(record: dict) -> list[dict]:
    missing = []
    for name, who, ref in (("child_bsn", record["child_name"], ("child", record["child_id"])),
                           ("parent_bsn", record["parent_name"], ("parent", record["parent_id"])),
                           ("parent_birth_date", record["parent_name"], ("parent", record["parent_id"]))):
        if not record[name]:
            missing.append({"who": who, "field": name, ref[0]: ref[1]})
    return missing


def build(start: date, end: date, location) -> Built:
    current = records(start, end, location)
    delivered = delivered_records(KIND, start)
    earlier_periods = sorted({record["period"] for record in delivered.values()})
    now_earlier: dict[str, dict] = {}
    for period in earlier_periods:
        first = date.fromisoformat(period + "-01")
        for record in records(first, rules.month_end(first), location):
            now_earlier[record["key"]] = record
    changes = rules.changed_records(delivered, now_earlier)
    corrections = [dict(change["record"], correction="yes") for change in changes]
    rows = [dict(record, correction="") for record in current] + corrections
    content = csv_bytes([column for column, _f, _w in FIELDS], [[row.get(f, "") for _c, f, _w in FIELDS]
                                                               for row in rows])
    problems = rules.record_problems(rows, numbers={"child_bsn": "bsn", "parent_bsn": "bsn"})
    missing = [m for record in rows for m in _missing(record)]
    seen, unique = set(), []
    for m in missing:
        marker = (m["field"], m.get("child"), m.get("parent"))
        if marker not in seen:
            seen.add(marker)
            unique.append(m)
    total_hours = sum((Decimal(r["hours"]) for r in current), Decimal("0"))
    return Built(content=content, filename=f"kinderopvang-{month_key(start)}.csv", content_type="text/csv",
                 records=rows, problems=problems, corrections=sorted({c["period"] for c in corrections}),
                 changes=[{"key": c["key"], "period": c["period"], "fields": c["fields"],
                           "child_name": c["record"].get("child_name", "")} for c in changes],
                 summary={"records": len(current), "hours": f"{total_hours:f}",
                          "amount": f"{sum((Decimal(r['amount']) for r in current), Decimal('0')):f}"},
                 missing=unique)
