"""The Dutch jaaropgaven of a year (art. 11 Regeling Wet kinderopvang): one per child and paying parent, with
every field the allowance needs — organisation, LRK number, parent and child (names, BSNs, birth date), the
kind of care, hours, hourly price and what was paid. They are the billing seam's annual statements
(billing/invoices/statements.py, made by the daily job the day after the year; a credit note or payment later
issues a new version there). This filing lists the versions that count as a CSV for the entrepreneur's records;
each parent gets hers by e-mail and in the portal."""
from datetime import date

from billing.filings import rules
from billing.filings.formats.common import Built, child_bsn, child_numbers, csv_bytes, parent_numbers

FIELDS = [
    ("jaar", "year", "the calendar year"),
    ("versie", "version", "the version (a later one replaces the earlier)"),
    ("organisatie", "organisation", "the childcare organisation"),
    ("lrk_nummer", "lrk_number", "its LRK registration number"),
    ("soort_opvang", "care_type", "the kind of care (the hourly price is per kind of care)"),
    ("naam_ouder", "parent_name", "the parent who paid"),
    ("bsn_ouder", "parent_bsn", "that parent's BSN"),
    ("naam_kind", "child_name", "the child"),
    ("bsn_kind", "child_bsn", "the child's BSN"),
    ("geboortedatum_kind", "child_birth_date", "the child's birth date"),
    ("uren_opvang", "hours", "the hours of care of the year"),
    ("uurprijs", "hourly_price", "the hourly price"),
    ("bedrag_gefactureerd", "invoiced", "what was invoiced, less credit notes"),
    ("bedrag_betaald", "amount", "what was paid"),
]


def records(year: int, location) -> list[dict]:
    from jurisdictions import policy

    from accounts.models import User
    from billing.invoices.models import AnnualStatement

    kind = policy(location.jurisdiction).statement_kind
    latest = {}
    for statement in (AnnualStatement.objects.filter(kind=kind, year=year).select_related("child")
                      .order_by("child_id", "parent_id", "version")):
        latest[(statement.child_id, statement.parent_id)] = statement
    children = child_numbers({c for c, _p in latest})
    parents = parent_numbers({p for _c, p in latest})
    names = dict(User.objects.filter(pk__in={p for _c, p in latest}).values_list("pk", "full_name"))
    from tenants.contracts.models import Contract

    care_types = dict(Contract.objects.filter(child_id__in={c for c, _p in latest}).order_by("start_date")
                      .values_list("child_id", "care_type"))
    result = []
    for (child_id, parent_id), statement in sorted(latest.items()):
        parent = parents.get(parent_id)
        result.append({
            "key": f"{year}:{child_id}:{parent_id}", "period": str(year), "year": year,
            "version": statement.version, "organisation": statement.location_name,
            "lrk_number": statement.lrk_number, "care_type": care_types.get(child_id, location.kind),
            "parent_id": parent_id, "parent_name": names.get(parent_id, ""),
            "parent_bsn": parent.bsn if parent else "", "child_id": child_id,
            "child_name": statement.child.full_name, "child_bsn": child_bsn(statement.child, children),
            "child_birth_date": statement.child.birth_date.isoformat(), "hours": f"{statement.hours:.2f}",
            "hourly_price": f"{statement.hourly_rate:.2f}" if statement.hourly_rate is not None else "",
            "invoiced": f"{statement.amount_invoiced:.2f}", "amount": f"{statement.amount_paid:.2f}",
        })
    return result


def build(start: date, end: date, location) -> Built:
    rows = records(end.year, location)
    missing = []
    for row in rows:
        if not row["child_bsn"]:
            missing.append({"who": row["child_name"], "field": "child_bsn", "child": row["child_id"]})
        if not row["parent_bsn"]:
            missing.append({"who": row["parent_name"], "field": "parent_bsn", "parent": row["parent_id"]})
    return Built(content=csv_bytes([c for c, _f, _w in FIELDS], [[r[f] for _c, f, _w in FIELDS] for r in rows]),
                 filename=f"jaaropgaven-{end.year}.csv", content_type="text/csv", records=rows,
                 problems=rules.record_problems(rows, numbers={"child_bsn": "bsn", "parent_bsn": "bsn"}),
                 missing=missing, summary={"statements": len(rows)})
