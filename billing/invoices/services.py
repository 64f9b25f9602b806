"""Writes of invoices. Each runs in the current location's schema, checks first and raises
ValidationError({field: [...]}); nothing is stored unless all of it is (one transaction per invoice, or per
location's block of invoices in the monthly run).

Stable entry points for billing.payments: `mark_paid` and `reopen_after_failed_payment`.
"""
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Prefetch, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from jurisdictions import policy

from billing.care_month import selectors as care_month
from billing.care_month import values
from billing.invoices import rules as invoice_rules
from billing.invoices.models import (
    CreditNote,
    DunningSettings,
    Invoice,
    InvoiceCounter,
    InvoiceLine,
    Reminder,
)
from billing.tariffs import rules
from billing.tariffs.models import TariffSettings
from config.languages import reader_language
from frontend.numbers import for_reader
from outbox import services as outbox
from tenants.calendar.selectors import location_today
from tenants.contracts.models import Contract, ContractVersion
from tenants.ratios import selectors as ratio_selectors

INVOICE_SERIES = "invoice"
CREDIT_SERIES = "credit"
UNPAID = (Invoice.Status.SENT, Invoice.Status.OPEN, Invoice.Status.OVERDUE)


def take_numbers(series: str, count: int) -> range:
    """The next `count` numbers of `series`, consecutive and without gaps, in one statement: the counter row (made
    on first use) stays locked until the caller's transaction commits, and rolls back with it."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("numbers must be taken inside the transaction that stores the numbered documents")
    if count < 1:
        return range(0)
    table = connection.ops.quote_name(InvoiceCounter._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {table} (series, last_number) VALUES (%s, %s) ON CONFLICT (series) "
                       f"DO UPDATE SET last_number = {table}.last_number + EXCLUDED.last_number RETURNING last_number",
                       [series, count])
        last = cursor.fetchone()[0]
    return range(last - count + 1, last + 1)


def next_number(series: str) -> int:
    """The next number of `series`, without gaps (take_numbers)."""
    return take_numbers(series, 1)[0]


def _locked(invoice: Invoice) -> Invoice:
    return Invoice.objects.select_for_update().get(pk=invoice.pk)


@transaction.atomic
def mark_paid(invoice: Invoice, *, paid_at: datetime, reference: str) -> Invoice:
    """Record the payment of `invoice`. Idempotent: an invoice already paid is left as it is (the first
    payment's time and reference stay), so a webhook delivered twice changes nothing the second time."""
    current = _locked(invoice)
    if current.status == Invoice.Status.PAID:
        return current
    if current.status in (Invoice.Status.DRAFT, Invoice.Status.CREDITED):
        raise ValidationError({"status": [_("Only a sent, open or overdue invoice can be paid.")]})
    current.status = Invoice.Status.PAID
    current.paid_at = paid_at or timezone.now()
    current.payment_reference = (reference or "")[:200]
    current.save(update_fields=["status", "paid_at", "payment_reference"])
    from billing.invoices import statements

    statements.after_payment(current)
    return current


@transaction.atomic
def reopen_after_failed_payment(invoice: Invoice, *, reason: str) -> Invoice:
    """A direct debit failed (or was reversed): the invoice is open again, the failure is logged and the
    parent is told; the daily reminder job takes it from there (reminder steps by the due date).
    Calling it again for an invoice that is already open with the same reason changes nothing."""
    current = _locked(invoice)
    if current.status in (Invoice.Status.DRAFT, Invoice.Status.CREDITED):
        raise ValidationError({"status": [_("Only a sent or paid invoice can be reopened.")]})
    reason = (reason or "")[:300]
    if current.status in (Invoice.Status.OPEN, Invoice.Status.OVERDUE) and current.reopened_reason == reason:
        return current
    current.status = Invoice.Status.OPEN
    current.paid_at = None
    current.reopened_reason = reason
    current.save(update_fields=["status", "paid_at", "reopened_reason"])
    Reminder.objects.create(invoice=current, step=Reminder.Step.FAILED_PAYMENT, sent_on=timezone.localdate(),
                            note=reason)
    from billing.invoices import notify

    notify.payment_failed(current.pk)
    return current


def _line(invoice: Invoice, position: int, line) -> InvoiceLine:
    return InvoiceLine(invoice=invoice, position=position, kind=line.kind, description=line.description[:300],
                       quantity=line.quantity, unit=line.unit, unit_price=line.unit_price, amount=line.amount)


def _lines_total(lines) -> Decimal:
    return sum((line.amount for line in lines), Decimal("0.00"))


def add_lines(invoice: Invoice, lines) -> Decimal:
    """Store `lines` (rules.Line values) on a draft invoice; returns their total."""
    InvoiceLine.objects.bulk_create([_line(invoice, i, line) for i, line in enumerate(lines)])
    return _lines_total(lines)


@transaction.atomic
def create_credit_note(invoice: Invoice, *, amount: Decimal | None = None, reason: str, user=None,
                       issue_date: date | None = None) -> CreditNote:
    """Correct a sent invoice: a credit note for `amount` (the rest still due), or for all of it."""
    current = _locked(invoice)
    errors: dict[str, list[str]] = {}
    if current.status == Invoice.Status.DRAFT:
        errors.setdefault("invoice", []).append(_("A draft invoice is corrected by editing it, not by a credit note."))
    if current.status == Invoice.Status.CREDITED:
        errors.setdefault("invoice", []).append(_("This invoice has been credited in full already."))
    if not (reason or "").strip():
        errors.setdefault("reason", []).append(_("Give the reason for the credit note."))
    remaining = current.total - current.credited_amount
    if amount is None:
        amount = remaining
    try:
        amount = Decimal(amount).quantize(Decimal("0.01"))
    except Exception:
        errors.setdefault("amount", []).append(_("Enter an amount in euros."))
        amount = Decimal("0")
    if not errors.get("amount") and amount <= 0:
        errors.setdefault("amount", []).append(_("The amount must be more than zero."))
    elif not errors.get("amount") and amount > remaining:
        errors.setdefault("amount", []).append(
            _("The amount may not be more than the %(remaining)s not yet credited.") % {"remaining": remaining})
    if errors:
        raise ValidationError(errors)
    note = CreditNote.objects.create(number=next_number(CREDIT_SERIES), invoice=current, reason=reason.strip(),
                                     total=amount, created_by=user,
                                     issue_date=issue_date or timezone.localdate())
    if amount == remaining:
        current.status = Invoice.Status.CREDITED
        current.save(update_fields=["status"])
    from billing.invoices import pdf

    note.pdf = pdf.credit_note_pdf(note)
    note.save(update_fields=["pdf"])
    from billing.invoices import statements

    statements.after_credit_note(note)
    return note


# --- the monthly run --------------------------------------------------------------------------------
#
# One contract's month: care_month.selectors.care_month reads it, billing.tariffs.rules.invoice_lines
# prices it, prepare_contract_month makes its invoice; run_month stores, numbers and sends a location's
# invoices together (_store_block), or one by one when another run made one of them meanwhile
# (docs/architecture.md, docs/billing.md).

METHOD_NOTES = {
    rules.NL_MONTHLY_AVERAGE: rules.gettext_noop(
        "Monthly average: the agreed hours over the calendar year, without the closing weeks but with the "
        "public holidays outside them, divided by 12, times the hourly rate; invoiced twelve times a year. "
        "A month the contract covers partly is billed pro rata by calendar days."),
    rules.NL_FLEXIBLE: rules.gettext_noop(
        "Flexible contract: the estimate of hours per three months divided by 3, times the hourly rate; "
        "settled against the registered hours after each quarter."),
    rules.NL_REGISTERED: rules.gettext_noop("Registered hours: the hours of care approved by the parent, "
                                            "times the hourly rate."),
    rules.BE_DAY_PRICE: rules.gettext_noop(
        "Income-related day price: 100 % for a day of 5 to 11 hours, 60 % under 5 hours; unjustified absence "
        "at 60 %; justified absence days pro rata of the care plan."),
}


@dataclass
class RunResult:
    created: list[int] = field(default_factory=list)
    existing: int = 0
    waiting: int = 0
    problems: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"created": len(self.created), "existing": self.existing, "waiting": self.waiting,
                "problems": self.problems}


Waiting = values.Waiting


def period_for(model: str, today: date) -> tuple[int, int]:
    """The month a run on `today` invoices: NL average and flexible the current month, registered hours
    and the BE-VLG day price the month before (rules.month_due)."""
    if rules.month_due(model, today.year, today.month, today):
        return today.year, today.month
    first = today.replace(day=1) - timedelta(days=1)
    return first.year, first.month


def contracts_running(start: date, end: date):
    """The signed contracts running on a day from `start` to `end`, in contract order, with what pricing and
    addressing their invoices needs (their versions without the contract PDFs, which the run never reads)."""
    return (Contract.objects.filter(status=Contract.Status.ACTIVE, start_date__lte=end)
            .filter(Q(end_date__isnull=True) | Q(end_date__gte=start))
            .select_related("child", "tariff__paying_parent")
            .prefetch_related(Prefetch("versions", ContractVersion.objects.defer("document", "signed_document")),
                              "child__guardians", "extras").order_by("pk"))


def contracts_for_month(year: int, month: int):
    return contracts_running(*rules.month_bounds(year, month))


def _runs_in(contract, start: date, end: date) -> bool:
    return contract.start_date <= end and (contract.end_date is None or contract.end_date >= start)


def _invoiced(starts) -> dict[date, set[int]]:
    """{month's first day: ids of the contracts that have their monthly invoice for it} (one read)."""
    found: dict[date, set[int]] = {start: set() for start in starts}
    for contract_id, start in Invoice.objects.filter(kind=Invoice.Kind.MONTHLY, period_start__in=list(found)) \
            .values_list("contract_id", "period_start"):
        found[start].add(contract_id)
    return found


def _translated(line) -> rules.Line:
    """The line in the reader's language, a price in it as the reader writes amounts (27,43 in Dutch)."""
    params = {key: for_reader(value) for key, value in line.params.items()}
    text = _(line.description) % params if params else _(line.description).replace("%%", "%")
    return rules.Line(line.kind, text, line.quantity, line.unit, line.unit_price, line.amount)


def contract_lines(ctx, contract, model: str, year: int, month: int) -> list[rules.Line]:
    """The lines of one contract's invoice for the month (English templates; translated later): one read
    (care_month), one pure calculation (rules.invoice_lines). Raises ValidationError for missing rates or
    certificates, Waiting for unapproved hours."""
    return rules.invoice_lines(care_month.care_month(ctx, contract, year, month, model))


def _lrk_number(location, care_type: str) -> str:
    return (location.lrk_numbers or {}).get(care_type, "") if policy(location.jurisdiction).lrk_register else ""


def _vat_note(location) -> str:
    return _(policy(location.jurisdiction).vat_note)


@dataclass
class Prepared:
    """One contract's invoice for the month, priced and written in the paying parent's language, not stored yet."""

    invoice: Invoice
    lines: list[rules.Line]

    def stored_as_new(self) -> None:
        """Forget what a rolled-back attempt to store it left on the object (its id, number, state)."""
        self.invoice.pk = None
        self.invoice._state.adding = True
        self.invoice.number = None
        self.invoice.status = Invoice.Status.DRAFT
        self.invoice.sent_at = None


def prepare_contract_month(ctx, contract, year: int, month: int, *, model: str, today: date) -> Prepared:
    """Read and price one contract's month and make its invoice (unsaved). Raises ValidationError (missing rates,
    guardian, certificate) or Waiting (unapproved hours), before anything is written."""
    start, end = rules.month_bounds(year, month)
    parent = care_month.paying_parent(contract)
    priced = contract_lines(ctx, contract, model, year, month)
    location = ctx.location
    # The invoice is written in the paying parent's language, whatever the worker's thread has active.
    with translation.override(reader_language(parent.language, location)):
        lines = [_translated(item) for item in priced]
        invoice = Invoice(
            kind=Invoice.Kind.MONTHLY, child=contract.child, contract=contract, parent=parent,
            period_start=start, period_end=end, issue_date=today, due_date=rules.due_date(today, ctx.payment_days),
            payment_method=care_month.payment_method(contract), jurisdiction=location.jurisdiction,
            location_name=location.name, lrk_number=_lrk_number(location, contract.care_type),
            parent_name=parent.full_name, child_name=contract.child.full_name, tariff_model=model,
            method_note=_(METHOD_NOTES[model]), vat_note=_vat_note(location),
        )
    return Prepared(invoice, lines)


def invoice_contract_month(ctx, contract, year: int, month: int, *, model: str | None = None,
                           today: date | None = None, known_new: bool = False) -> Invoice | None:
    """Make, number and send the invoice of one contract for one month — all in one transaction, so a worker
    killed half-way leaves nothing (its PDF is rendered when it is first opened). None when it exists already
    (the run is idempotent; `known_new`: the caller has just read that it does not, and the unique constraint
    still refuses a second one made at the same moment)."""
    model = model or care_month.tariff_model(contract, ctx.jurisdiction)
    start, _end = rules.month_bounds(year, month)
    if not known_new and Invoice.objects.filter(contract=contract, kind=Invoice.Kind.MONTHLY,
                                                period_start=start).exists():
        return None
    today = today or timezone.localdate(timezone=ctx.zone)
    return _store_one(prepare_contract_month(ctx, contract, year, month, model=model, today=today))


def _store_one(prepared: Prepared) -> Invoice | None:
    """Store, number and send one prepared invoice in a savepoint of its own; None when the unique constraint
    refuses it (another run made this invoice at the same moment: its transaction won, ours left nothing)."""
    invoice = prepared.invoice
    try:
        with transaction.atomic():
            invoice.save()
            invoice.total = add_lines(invoice, prepared.lines)
            _issue(invoice, prepared.lines)
    except IntegrityError:
        prepared.stored_as_new()
        return None
    return invoice


BLOCK_SIZE = 500


def _store_block(prepared: list[Prepared]) -> list[Invoice] | None:
    """Store a location's prepared invoices of a run together, in a handful of statements whatever their number:
    the invoices in one insert, their numbers from one counter update (consecutive, in the order given, so the
    same numbers as one by one), their lines in one insert, the e-mails and push messages in one each. All or
    nothing (a savepoint): None when the unique constraint refuses one of them — another run made it at the same
    moment — and then nothing of the block is stored. The invoices are inserted before the counter is locked,
    as `_store_one` does, so two runs at once always take their locks in the same order."""
    from billing.invoices import notify

    invoices = [item.invoice for item in prepared]
    try:
        with transaction.atomic():
            now = timezone.now()
            for item in prepared:
                item.invoice.total = _lines_total(item.lines)
                item.invoice.status = Invoice.Status.SENT
                item.invoice.sent_at = now
            Invoice.objects.bulk_create(invoices, batch_size=BLOCK_SIZE)
            for invoice, number in zip(invoices, take_numbers(INVOICE_SERIES, len(invoices)), strict=True):
                invoice.number = number
            _set_numbers(invoices)
            InvoiceLine.objects.bulk_create([_line(item.invoice, i, line) for item in prepared
                                             for i, line in enumerate(item.lines)], batch_size=BLOCK_SIZE * 4)
            notify.invoices_sent(invoices)
    except IntegrityError:
        for item in prepared:
            item.stored_as_new()
        return None
    return invoices


def _set_numbers(invoices: list[Invoice]) -> None:
    """Store the numbers given to stored invoices in one statement (a bulk_update builds a CASE per row)."""
    table = connection.ops.quote_name(Invoice._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {table} AS i SET number = n.number FROM unnest(%s::bigint[], %s::integer[]) "
                       f"AS n(id, number) WHERE i.id = n.id",
                       [[invoice.pk for invoice in invoices], [invoice.number for invoice in invoices]])


def _issue(invoice: Invoice, lines) -> None:
    """Number and send the invoice. Its PDF is not rendered here: it is rendered the first time someone opens
    it (`invoice_pdf`), so the monthly run spends its time on the invoices themselves (docs/billing.md)."""
    from billing.invoices import notify

    invoice.number = next_number(INVOICE_SERIES)
    invoice.status = Invoice.Status.SENT
    invoice.sent_at = timezone.now()
    invoice.save()
    notify.invoice_sent(invoice.pk, invoice)


def render_invoice_pdf(invoice: Invoice) -> bytes:
    """The invoice's PDF as it is rendered from what the invoice stores (its snapshots and lines), in the paying
    parent's language, as the invoice itself was written. Deterministic: the same invoice gives the same bytes
    (no creation date or random id in the file; frontend.pdf.PageWriter renders with `invariant`)."""
    from billing.invoices import pdf
    from tenants.calendar.selectors import current_location

    language = reader_language(invoice.parent.language, current_location())
    with translation.override(language):
        return pdf.invoice_pdf(invoice, list(invoice.lines.all()))


def invoice_pdf(invoice: Invoice) -> bytes:
    """The PDF of an invoice for anyone who opens it (the parent, the entrepreneur, an export): the stored bytes,
    or — the first time — rendered and stored. The store is a short transaction of its own that only writes when
    no PDF is stored yet, so two first opens at once store one PDF and both get those bytes. A draft has no
    number yet: its PDF is a preview, rendered and never stored."""
    if invoice.pdf is not None:
        return bytes(invoice.pdf)
    stored = Invoice.objects.filter(pk=invoice.pk).values_list("pdf", flat=True).first()
    if stored is None:
        data = render_invoice_pdf(invoice)
        if invoice.status == Invoice.Status.DRAFT or invoice.number is None:
            return data
        with transaction.atomic():
            Invoice.objects.filter(pk=invoice.pk, pdf__isnull=True).update(pdf=data)
            stored = Invoice.objects.filter(pk=invoice.pk).values_list("pdf", flat=True).first()
    invoice.pdf = stored
    return bytes(stored)


def run_month(location, year: int, month: int, *, models: set[str] | None = None,
              today: date | None = None) -> RunResult:
    """Invoice every running contract of the location (the connection is in its schema) for the month: each
    contract's month priced first (a contract that cannot be is reported, the others go on), then the invoices
    stored together (_store_block). Idempotent: a contract that has its invoice for the month is skipped."""
    ctx = care_month.LocationContext(location)
    start, _end = rules.month_bounds(year, month)
    done = _invoiced([start])[start]
    return _run_month(ctx, year, month, running=list(contracts_for_month(year, month)), done=done, models=models,
                      today=today)


def _run_month(ctx, year: int, month: int, *, running: list, done: set[int], models: set[str] | None,
               today: date | None) -> RunResult:
    """run_month with the month's running contracts and the ids of those invoiced for it read already."""
    location = ctx.location
    result = RunResult()
    start, end = rules.month_bounds(year, month)
    today = today or timezone.localdate(timezone=ctx.zone)
    own_children = ratio_selectors.own_children_contract_ids(running)
    due = []
    for contract in running:
        if contract.pk in own_children:
            continue
        model = care_month.tariff_model(contract, location.jurisdiction)
        if models is not None and model not in models:
            continue
        if contract.pk in done:
            result.existing += 1
            continue
        due.append((contract, model))
    registered = [contract for contract, model in due if model == rules.NL_REGISTERED]
    if registered:
        care_month.read_registered_hours(ctx, registered, start, end)
    prepared = []
    for contract, model in due:
        try:
            prepared.append(prepare_contract_month(ctx, contract, year, month, model=model, today=today))
        except Waiting:
            result.waiting += 1
        except ValidationError as error:
            result.problems.append({"contract": contract.pk, "errors": error.message_dict if hasattr(
                error, "error_dict") else {"contract": error.messages}})
    if not prepared:
        return result
    with outbox.one_publish():  # the e-mails of the whole run go to the workers in one go
        stored = _store_block(prepared)
        if stored is not None:
            result.created.extend(invoice.pk for invoice in stored)
            return result
        # Another run made some of these invoices at the same moment: one by one, each refused one is counted
        # as existing and the others get the next numbers.
        for item in prepared:
            invoice = _store_one(item)
            if invoice is None:
                result.existing += 1
            else:
                result.created.append(invoice.pk)
    return result


def run_month_now(location, year: int, month: int, today: date) -> RunResult:
    """The entrepreneur runs a month from the page: the beat job's run, for the tariff models whose month is
    due on `today` (rules.month_due). Idempotent like the beat run."""
    models = {model for model in policy(location.jurisdiction).tariff_models
              if rules.month_due(model, year, month, today)}
    if not models:
        raise ValidationError({"month": [_("This month cannot be invoiced yet.")]})
    return run_month(location, year, month, models=models, today=today)


def run_due(location, today: date) -> dict:
    """What the beat job does at one location on `today` (its local date): each of the jurisdiction's tariff
    models for the month it invoices on that day (period_for: NL monthly average and flexible the current
    month, registered hours and the Flemish day price the month before). "current" is the run of the
    current month, "previous" of the month before. Repeating a day changes nothing; a later day completes an
    interrupted run. The running contracts of both months are read once, and a month whose tariff models no
    running contract has is not run at all (nothing to count or make there)."""
    periods: dict[tuple[int, int], set[str]] = {}
    for model in policy(location.jurisdiction).tariff_models:
        periods.setdefault(period_for(model, today), set()).add(model)
    months = sorted(periods, reverse=True)
    bounds = {month: rules.month_bounds(*month) for month in months}
    running = list(contracts_running(min(start for start, _end in bounds.values()),
                                     max(end for _start, end in bounds.values())))
    kinds = {contract.pk: care_month.tariff_model(contract, location.jurisdiction) for contract in running}
    in_month = {month: [contract for contract in running if _runs_in(contract, *bounds[month])] for month in months}
    to_run = [month for month in months if any(kinds[contract.pk] in periods[month] for contract in in_month[month])]
    done = _invoiced([bounds[month][0] for month in to_run]) if to_run else {}
    ctx = care_month.LocationContext(location) if to_run else None
    return {"current" if (year, month) == (today.year, today.month) else "previous":
            _run_month(ctx, year, month, running=in_month[(year, month)], done=done[bounds[(year, month)][0]],
                       models=periods[(year, month)], today=today).as_dict()
            if (year, month) in to_run else RunResult().as_dict()
            for year, month in months}


def run_everywhere(today: date | None = None, location_ids=None, only_failed: bool = False):
    """For the beat job: every active location (or the given ones, or those where the last runs failed), each
    in its own schema, transaction and local date; one location's failure is reported and the next goes on
    (cooperative.jobs). A rerun invoices no contract twice: run_month skips what is invoiced."""
    from cooperative import jobs
    from tenants.calendar import selectors as calendar

    locations = jobs.active_locations()
    if location_ids is not None:
        locations = locations.filter(pk__in=location_ids)
    return jobs.for_each_location(
        job="monthly-invoicing", locations=locations, only_failed=only_failed,
        work=lambda location: run_due(location, today or calendar.location_today(location)))


ONE_OFF_MAX_LINES = 20
ONE_OFF_NOTE = rules.gettext_noop("One-off invoice: the costs listed above, apart from the monthly invoices.")


def _one_off_lines(items) -> tuple[list[rules.Line], list[str]]:
    """Free lines [{description, quantity, unit_price}] checked and priced: quantity more than zero (at most
    three decimals), a price in euros and cents of zero or more, a description."""
    lines, errors = [], []
    if not isinstance(items, list | tuple) or not items:
        return [], [_("Add at least one line.")]
    if len(items) > ONE_OFF_MAX_LINES:
        return [], [_("At most %(count)s lines.") % {"count": ONE_OFF_MAX_LINES}]
    for n, item in enumerate(items, start=1):
        item = item if isinstance(item, dict) else {}
        description = str(item.get("description") or "").strip()
        if not description:
            errors.append(_("Line %(n)s: describe the cost.") % {"n": n})
        elif len(description) > 200:
            errors.append(_("Line %(n)s: the description is too long (at most 200 characters).") % {"n": n})
        quantity = _amount(item.get("quantity", 1), "0.001")
        if quantity is None or quantity <= 0:
            errors.append(_("Line %(n)s: the quantity must be a number more than zero.") % {"n": n})
        price = _amount(item.get("unit_price"), "0.01")
        if price is None or price < 0:
            errors.append(_("Line %(n)s: the price must be an amount in euros of zero or more.") % {"n": n})
        elif price >= Decimal("100000"):
            errors.append(_("Line %(n)s: the price is too high.") % {"n": n})
        if description and quantity is not None and quantity > 0 and price is not None and 0 <= price < 100000:
            lines.append(rules.extra_line(description, quantity, price))
    if not errors and rules.total(lines) <= 0:
        errors.append(_("The invoice total must be more than zero."))
    return lines, errors


def _amount(value, places: str) -> Decimal | None:
    """A finite decimal with at most the given decimals, or None."""
    try:
        amount = Decimal(str(value).strip().replace(",", "."))
    except Exception:
        return None
    if not amount.is_finite() or amount != amount.quantize(Decimal(places)) or abs(amount) >= Decimal("10000000"):
        return None
    return amount


@transaction.atomic
def create_one_off_invoice(contract: Contract | None, *, lines, costs_date: date | None = None,
                           issue: bool = True) -> Invoice:
    """An invoice with free lines (one-off costs; every tariff model) to the paying parent of the contract's
    child. Issued at once — the next number of the same gapless series as the monthly invoices, a PDF and an
    e-mail — or kept as a draft that `issue_invoice` sends later. All or nothing."""
    errors: dict[str, list[str]] = {}
    if contract is None:
        errors["contract"] = [_("Choose the contract of the child the costs are for.")]
    elif contract.status != Contract.Status.ACTIVE:
        errors["contract"] = [_("Choose a signed contract.")]
    if costs_date is None:
        errors["date"] = [_("Enter the date of the costs.")]
    priced, line_errors = _one_off_lines(lines)
    if line_errors:
        errors["lines"] = line_errors
    parent = None
    if contract is not None and "contract" not in errors:
        try:
            parent = care_month.paying_parent(contract)
        except ValidationError as error:
            errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    location = care_month.current_location()
    invoice = Invoice.objects.create(
        kind=Invoice.Kind.MANUAL, child=contract.child, contract=contract, parent=parent,
        period_start=costs_date, period_end=costs_date, payment_method=care_month.payment_method(contract),
        jurisdiction=location.jurisdiction, location_name=location.name,
        lrk_number=_lrk_number(location, contract.care_type), parent_name=parent.full_name,
        child_name=contract.child.full_name, method_note=_(ONE_OFF_NOTE), vat_note=_vat_note(location))
    invoice.total = add_lines(invoice, priced)
    invoice.save(update_fields=["total"])
    return issue_invoice(invoice) if issue else invoice


@transaction.atomic
def issue_invoice(invoice: Invoice) -> Invoice:
    """Send a draft (one-off) invoice: dated today, it gets the next number, its due date, a PDF and goes to
    the paying parent."""
    current = _locked(invoice)
    if current.status != Invoice.Status.DRAFT:
        raise ValidationError({"status": [_("Only a draft invoice can be sent; a sent one is corrected by a "
                                            "credit note.")]})
    lines = list(current.lines.all())
    if not lines:
        raise ValidationError({"lines": [_("An invoice needs at least one line.")]})
    current.total = sum((line.amount for line in lines), Decimal("0.00"))
    current.issue_date = location_today(care_month.current_location())
    current.due_date = rules.due_date(current.issue_date, policy(current.jurisdiction).invoice_due_days
                                      or TariffSettings.load().nl_payment_days)
    _issue(current, lines)
    return current


@transaction.atomic
def discard_draft(invoice: Invoice) -> None:
    """Delete a draft invoice (it has no number yet, so no gap appears)."""
    current = _locked(invoice)
    if current.status != Invoice.Status.DRAFT or current.number is not None:
        raise ValidationError({"status": [_("Only a draft invoice can be deleted.")]})
    current.delete()


# --- reminders -----------------------------------------------------------------------------------------


def _dunning_settings() -> invoice_rules.Settings:
    row = DunningSettings.load()
    return invoice_rules.Settings(**{f: getattr(row, f) for f in invoice_rules.Settings.__dataclass_fields__})


def _due_step(current: Invoice, today: date, settings: invoice_rules.Settings) -> invoice_rules.Step | None:
    """The step `current` (unpaid, past due) is due for on `today`, from its stored history; None if none."""
    if current.status not in UNPAID or current.due_date is None:
        return None
    done = dict(current.reminders.exclude(step=Reminder.Step.FAILED_PAYMENT).values_list("step", "sent_on"))
    plan = current.payment_plan_until is not None and current.payment_plan_until >= today
    step = invoice_rules.next_step(jurisdiction=current.jurisdiction, amount=current.total - current.credited_amount,
                                   due=current.due_date, today=today, done=done, settings=settings,
                                   payment_plan=plan)
    if step is not None and step.step == invoice_rules.BE_TERMINATION and _plan_in_force_for_contract(current, today):
        return None
    return step


def remind(invoice: Invoice, today: date, settings: invoice_rules.Settings | None = None) -> Reminder | None:
    """Take the next reminder step of one unpaid invoice, if one is due (logged; the parent is told)."""
    settings = settings or _dunning_settings()
    with transaction.atomic():
        current = _locked(invoice)
        step = _due_step(current, today, settings)
        if step is None:
            return None
        note, ended = step.note, False
        if step.step == invoice_rules.BE_TERMINATION:
            note, ended = _terminate(current, today, current.reminders.get(step=invoice_rules.BE_NOTICE).sent_on)
        reminder = Reminder.objects.create(invoice=current, step=step.step, sent_on=today, amount=step.amount,
                                           note=note)
        if current.status != Invoice.Status.OVERDUE:
            current.status = Invoice.Status.OVERDUE
            current.save(update_fields=["status"])
        from billing.invoices import notify

        if ended:
            notify.contract_ended(reminder)
        elif step.step != invoice_rules.BE_TERMINATION:
            notify.reminder_sent(reminder)
    return reminder


def _plan_in_force_for_contract(invoice: Invoice, today: date) -> bool:
    """A payment plan agreed on any unpaid invoice of the same contract keeps the contract running."""
    if invoice.contract_id is None:
        return False
    return Invoice.objects.filter(contract_id=invoice.contract_id, status__in=UNPAID,
                                  payment_plan_until__gte=today).exists()


def _terminate(invoice: Invoice, today: date, notice_on: date) -> tuple[str, bool]:
    """BE-VLG (house rules 4.2.6): the contract ends by law on `today`, the set days after the formal notice.
    Returns the note logged with the step and whether the contract ended now."""
    from tenants.contracts import services as contracts

    reason = f"invoice {invoice.display_number} still unpaid after the formal notice of {notice_on.isoformat()}"
    if invoice.contract_id is None:
        return f"no contract to end: {reason}", False
    try:
        changed = contracts.end_contract(invoice.contract, end_date=today, reason=reason)
    except ValidationError:
        return f"contract not signed, nothing to end: {reason}", False
    if not changed:
        return f"contract already ending by {today.isoformat()}: {reason}", False
    return f"contract ended on {today.isoformat()}: {reason}", True


def send_reminders(today: date) -> int:
    """The daily job at one location: every unpaid invoice past its due date gets its next step."""
    return len([step for step in dunning_run(today=today, dry_run=False) if step.sent])


@dataclass(frozen=True)
class DunningStep:
    """One reminder step a dunning run takes (or, in a dry run, would take) for one invoice."""

    invoice: Invoice
    step: str
    amount: Decimal
    note: str
    sent: bool

    @property
    def label(self) -> str:
        return Reminder.Step(self.step).label


def dunning_run(*, today: date, dry_run: bool) -> list[DunningStep]:
    """The reminder steps due on `today` at the current location, one per unpaid invoice past its due date.
    `dry_run`: only what would be sent, nothing stored or sent (any date: a location looks ahead, tests walk
    a schedule); otherwise each step is taken as the daily job does. Nothing when reminders are switched off."""
    if not DunningSettings.load().enabled:
        return []
    settings = _dunning_settings()
    found = []
    invoices = (Invoice.objects.filter(status__in=UNPAID, due_date__lt=today).select_related("parent")
                .prefetch_related("credit_notes").order_by("due_date", "number"))
    for invoice in invoices:
        if dry_run:
            step = _due_step(invoice, today, settings)
            if step is not None:
                found.append(DunningStep(invoice, step.step, step.amount, step.note, sent=False))
            continue
        reminder = remind(invoice, today, settings)
        if reminder is not None:
            found.append(DunningStep(invoice, reminder.step, reminder.amount, reminder.note, sent=True))
    return found


@transaction.atomic
def agree_payment_plan(invoice: Invoice, *, until: date) -> Invoice:
    current = _locked(invoice)
    if current.status not in UNPAID:
        raise ValidationError({"status": [_("Only an unpaid invoice can have a payment plan.")]})
    if until is None or (current.due_date and until < current.due_date):
        raise ValidationError({"until": [_("The payment plan must run until after the due date.")]})
    current.payment_plan_until = until
    current.save(update_fields=["payment_plan_until"])
    return current


@transaction.atomic
def update_dunning_settings(**fields) -> DunningSettings:
    row = DunningSettings.load()
    errors: dict[str, list[str]] = {}
    for name, value in fields.items():
        if not hasattr(row, name) or name in ("id", "pk"):
            errors.setdefault(name, []).append(_("Unknown setting."))
            continue
        if name == "enabled":
            row.enabled = bool(value)
            continue
        try:
            number = Decimal(str(value))
        except Exception:
            number = None
        if number is None or not number.is_finite() or number < 0:
            errors.setdefault(name, []).append(_("Enter a number of zero or more."))
            continue
        if name.endswith("_days"):
            if number != number.to_integral_value() or number > 365:
                errors.setdefault(name, []).append(_("Enter whole days, at most 365."))
                continue
            number = int(number)
        setattr(row, name, number)
    if errors:
        raise ValidationError(errors)
    row.save()
    return row


def daily_everywhere(today_override: date | None = None, only_failed: bool = False):
    """The daily beat job besides the run: auto-approve registered hours, reminders, and the annual statements
    of the period that ended last (the first version the day after it ends, a new one when figures changed
    since). Each location isolated (cooperative.jobs); each step is idempotent, so a rerun repeats nothing."""
    from billing.invoices import statements
    from billing.tariffs import services as tariffs
    from cooperative import jobs
    from tenants.calendar import selectors as calendar

    def work(location) -> dict:
        today = today_override or calendar.location_today(location)
        result = {"approved": tariffs.auto_approve_hours(location_name=location.name),
                  "reminders": send_reminders(today)}
        year = statements.latest_ended_year(location.jurisdiction, today)
        result["statements"] = statements.make_statements(year, today=today)
        return result

    return jobs.for_each_location(job="daily-billing", work=work, only_failed=only_failed)
