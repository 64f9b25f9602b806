"""Annual statements: the Dutch jaaropgave and the Flemish fiscal certificate, per child and paying parent."""
from decimal import Decimal

from django.db import transaction

from billing.invoices import rules as invoice_rules
from billing.invoices.models import AnnualStatement, Invoice
from tenants.calendar.selectors import current_location


def make_statements(year: int, kind: str | None = None) -> int:
    """NL jaaropgave per child and paying parent for the calendar year `year`; BE-VLG fiscal certificate for
    December `year - 1` to November `year`. Idempotent: an existing statement is left as it is."""
    location = current_location()
    kind = kind or (AnnualStatement.Kind.BE_FISCAL if location.jurisdiction == "BE-VLG"
                    else AnnualStatement.Kind.NL_JAAROPGAVE)
    start, end = invoice_rules.statement_period(kind, year)
    invoices = (Invoice.objects.filter(period_start__gte=start, period_start__lte=end, number__isnull=False)
                .exclude(status=Invoice.Status.DRAFT).select_related("child", "parent")
                .prefetch_related("lines", "credit_notes"))
    groups: dict[tuple[int, int], list[Invoice]] = {}
    for invoice in invoices:
        groups.setdefault((invoice.child_id, invoice.parent_id), []).append(invoice)
    made = 0
    for (child_id, parent_id), items in groups.items():
        if AnnualStatement.objects.filter(kind=kind, year=year, child_id=child_id, parent_id=parent_id).exists():
            continue
        hours = sum((line.quantity for i in items for line in i.lines.all()
                     if line.kind in ("care", "settlement") and line.unit == "h"), Decimal("0"))
        day_count = sum((line.quantity for i in items for line in i.lines.all()
                         if line.kind == "care" and line.unit == "day"), Decimal("0"))
        invoiced = sum((i.total - i.credited_amount for i in items), Decimal("0.00"))
        paid = sum((i.total - i.credited_amount for i in items if i.status == Invoice.Status.PAID),
                   Decimal("0.00"))
        care_amount = sum((line.amount for i in items for line in i.lines.all()
                           if line.kind in ("care", "settlement") and line.unit == "h"), Decimal("0"))
        rate = (care_amount / hours).quantize(Decimal("0.0001")) if hours else None
        lrk = next((i.lrk_number for i in items if i.lrk_number), "")
        with transaction.atomic():
            statement = AnnualStatement.objects.create(
                kind=kind, year=year, child_id=child_id, parent_id=parent_id, period_start=start, period_end=end,
                hours=hours, days=day_count, hourly_rate=rate, amount_invoiced=invoiced, amount_paid=paid,
                location_name=location.name, lrk_number=lrk)
            from billing.invoices import notify, pdf

            statement.pdf = pdf.statement_pdf(statement)
            statement.save(update_fields=["pdf"])
            notify.statement_ready(statement.pk)
        made += 1
    return made
