"""Invoices (facturen), credit notes, payment reminders and annual statements of one location.

Every table lives in the location's schema, so "per location" is the schema itself: invoice numbers run
without gaps per location (a counter row locked in the same transaction as the invoice it numbers), and a
sent invoice is never edited — a correction is a credit note.
"""
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.fields import person


class InvoiceCounter(models.Model):
    """The last number given per series; locked (SELECT ... FOR UPDATE) while a number is taken."""

    series = models.CharField(max_length=20, unique=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.series}: {self.last_number}"


class Invoice(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SENT = "sent", _("sent")
        PAID = "paid", _("paid")
        OPEN = "open", _("open")
        OVERDUE = "overdue", _("overdue")
        CREDITED = "credited", _("credited")

    class PaymentMethod(models.TextChoices):
        DIRECT_DEBIT = "direct_debit", _("SEPA direct debit")
        IDEAL = "ideal", _("iDEAL")
        BANK_TRANSFER = "bank_transfer", _("bank transfer")
        SEPA_FILE = "sepa_file", _("direct debit by the location's bank")

    class Kind(models.TextChoices):
        MONTHLY = "monthly", _("monthly invoice")
        SETTLEMENT = "settlement", _("quarterly settlement")
        MANUAL = "manual", _("one-off invoice")

    number = models.PositiveIntegerField(_("number"), null=True, blank=True, unique=True)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.MONTHLY)
    child = models.ForeignKey("children.Child", on_delete=models.PROTECT, related_name="invoices",
                              verbose_name=_("child"))
    contract = models.ForeignKey("contracts.Contract", on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="invoices", verbose_name=_("contract"))
    parent = person(models.PROTECT, related_name="+",
                    verbose_name=_("paying parent"))
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period until"))
    issue_date = models.DateField(_("invoice date"), null=True, blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    total = models.DecimalField(_("total"), max_digits=10, decimal_places=2, default=Decimal("0.00"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    payment_method = models.CharField(_("payment method"), max_length=20, choices=PaymentMethod.choices,
                                      default=PaymentMethod.DIRECT_DEBIT)
    # Snapshots taken when the invoice is made, so a later change elsewhere never alters a sent invoice.
    jurisdiction = models.CharField(_("jurisdiction"), max_length=10)
    location_name = models.CharField(_("location"), max_length=200)
    lrk_number = models.CharField(_("LRK number"), max_length=20, blank=True)
    parent_name = models.CharField(_("paying parent"), max_length=200, blank=True)
    child_name = models.CharField(_("child"), max_length=201, blank=True)
    tariff_model = models.CharField(_("tariff model"), max_length=30, blank=True)
    method_note = models.TextField(_("how the amount is calculated"), blank=True)
    vat_note = models.CharField(_("VAT note"), max_length=300, blank=True)
    pdf = models.BinaryField(_("PDF"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True)
    payment_reference = models.CharField(_("payment reference"), max_length=200, blank=True)
    reopened_reason = models.CharField(_("reason reopened"), max_length=300, blank=True)
    payment_plan_until = models.DateField(_("payment plan agreed until"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-period_start", "-number"]
        verbose_name = _("invoice")
        constraints = [
            # The monthly run makes at most one invoice per contract, kind and period.
            models.UniqueConstraint(fields=["contract", "kind", "period_start"],
                                    condition=~models.Q(kind="manual"), name="invoices_one_per_contract_period"),
            models.CheckConstraint(condition=models.Q(period_end__gte=models.F("period_start")),
                                   name="invoices_invoice_period"),
        ]
        indexes = [models.Index(fields=["parent", "status"]), models.Index(fields=["status", "due_date"])]

    def __str__(self):
        return f"invoice {self.display_number}"

    @property
    def display_number(self) -> str:
        return f"{self.number:06d}" if self.number else "—"

    @property
    def credited_amount(self) -> Decimal:
        return sum((c.total for c in self.credit_notes.all()), Decimal("0.00"))

    @property
    def costs_amount(self) -> Decimal:
        return sum((r.amount for r in self.reminders.all()), Decimal("0.00"))

    @property
    def amount_due(self) -> Decimal:
        if self.status in (self.Status.PAID, self.Status.CREDITED, self.Status.DRAFT):
            return Decimal("0.00")
        return self.total - self.credited_amount + self.costs_amount


def unit_label(unit: str, quantity) -> str:
    """The unit of a line as a reader says it ("13 dagen", "84,875 uur"); the line stores the rules' key."""
    count = 1 if Decimal(quantity) == 1 else 2
    labels = {
        "h": ngettext("hour", "hours", count),
        "day": ngettext("day", "days", count),
        "quarter": ngettext("quarter of an hour", "quarters of an hour", count),
    }
    return labels.get(unit, unit)


class InvoiceLine(models.Model):
    class Kind(models.TextChoices):
        CARE = "care", _("care")
        ABSENCE = "absence", _("absence")
        FEE = "fee", _("fee")
        FINE = "fine", _("fine")
        EXTRA = "extra", _("extra")
        SETTLEMENT = "settlement", _("settlement")

    invoice = models.ForeignKey(Invoice, on_delete=models.CASCADE, related_name="lines")
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.CARE)
    description = models.CharField(_("description"), max_length=300)
    quantity = models.DecimalField(_("quantity"), max_digits=10, decimal_places=3)
    unit = models.CharField(_("unit"), max_length=20, blank=True)
    unit_price = models.DecimalField(_("price"), max_digits=10, decimal_places=4)
    amount = models.DecimalField(_("amount"), max_digits=10, decimal_places=2)

    class Meta:
        ordering = ["invoice", "position", "pk"]
        verbose_name = _("invoice line")

    def __str__(self):
        return self.description

    @property
    def unit_label(self) -> str:
        return unit_label(self.unit, self.quantity)


class CreditNote(models.Model):
    """A correction of a sent invoice (creditnota): its own gapless number series, never edited."""

    number = models.PositiveIntegerField(_("number"), unique=True)
    invoice = models.ForeignKey(Invoice, on_delete=models.PROTECT, related_name="credit_notes")
    issue_date = models.DateField(_("date"))
    reason = models.CharField(_("reason"), max_length=300)
    total = models.DecimalField(_("amount credited"), max_digits=10, decimal_places=2)
    pdf = models.BinaryField(_("PDF"), null=True, blank=True)
    created_by = person(models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("credit note")
        constraints = [models.CheckConstraint(condition=models.Q(total__gt=0), name="invoices_credit_positive")]

    def __str__(self):
        return f"credit note C{self.number:06d}"

    @property
    def display_number(self) -> str:
        return f"C{self.number:06d}"


class DunningSettings(models.Model):
    """Per location: the reminder steps (configurable; defaults from the law or the Flemish house rules)."""

    enabled = models.BooleanField(_("send payment reminders"), default=True)
    # NL: payment reminder, then the statutory 14-day letter, then collection costs (WIK scale).
    nl_reminder_after_days = models.PositiveSmallIntegerField(_("payment reminder, days after the due date"),
                                                              default=7)
    nl_letter_after_days = models.PositiveSmallIntegerField(_("fourteen-day letter, days after the reminder"),
                                                            default=7)
    nl_letter_term_days = models.PositiveSmallIntegerField(_("term in the fourteen-day letter (days)"), default=14)
    # BE-VLG: formal notice with interest and costs, damages after 15 days, contract ends after 30 days.
    be_notice_after_days = models.PositiveSmallIntegerField(_("formal notice, days after the due date"), default=1)
    be_interest_percent = models.DecimalField(_("late-payment interest (%)"), max_digits=5, decimal_places=2,
                                              default=Decimal("10.00"))
    be_notice_costs = models.DecimalField(_("costs of the registered letter"), max_digits=8, decimal_places=2,
                                          default=Decimal("25.00"))
    be_damages_after_days = models.PositiveSmallIntegerField(_("damages, days after the notice"), default=15)
    be_damages_percent = models.DecimalField(_("damages (%)"), max_digits=5, decimal_places=2,
                                             default=Decimal("15.00"))
    be_damages_minimum = models.DecimalField(_("minimum damages"), max_digits=8, decimal_places=2,
                                             default=Decimal("100.00"))
    be_termination_after_days = models.PositiveSmallIntegerField(_("contract ends, days after the notice"),
                                                                 default=30)

    class Meta:
        verbose_name = _("reminder settings")

    def __str__(self):
        return "reminder settings"

    @classmethod
    def load(cls) -> "DunningSettings":
        return cls.objects.filter(pk=1).first() or cls(pk=1)


class Reminder(models.Model):
    """One logged step of the reminder flow, with the costs it adds to what is due."""

    class Step(models.TextChoices):
        NL_REMINDER = "nl_reminder", _("payment reminder")
        NL_LETTER = "nl_letter", _("fourteen-day letter")
        NL_COLLECTION = "nl_collection", _("collection costs")
        BE_NOTICE = "be_notice", _("formal notice")
        BE_DAMAGES = "be_damages", _("damages")
        BE_TERMINATION = "be_termination", _("contract ended")
        FAILED_PAYMENT = "failed_payment", _("payment failed")

    invoice = models.ForeignKey(Invoice, on_delete=models.CASCADE, related_name="reminders")
    step = models.CharField(_("step"), max_length=20, choices=Step.choices)
    sent_on = models.DateField(_("date"))
    amount = models.DecimalField(_("costs added"), max_digits=10, decimal_places=2, default=Decimal("0.00"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["invoice", "sent_on", "pk"]
        verbose_name = _("reminder")
        constraints = [models.UniqueConstraint(fields=["invoice", "step"], condition=~models.Q(step="failed_payment"),
                                               name="invoices_reminder_step_once")]

    def __str__(self):
        return f"{self.step} for invoice {self.invoice_id}"


class ClosureCredit(models.Model):
    """One closed day of a childminder's closure credited on one invoice (seed 001, 2.3: no fee for a
    closure). One row per invoice and day, so a closure recorded again or edited never credits a day twice."""

    invoice = models.ForeignKey(Invoice, on_delete=models.PROTECT, related_name="closure_credits")
    credit_note = models.ForeignKey(CreditNote, on_delete=models.PROTECT, related_name="closure_days")
    closure = models.ForeignKey("location_calendar.Closure", on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="+")
    day = models.DateField(_("date"))
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=2)

    class Meta:
        ordering = ["invoice", "day"]
        verbose_name = _("credited closed day")
        constraints = [models.UniqueConstraint(fields=["invoice", "day"], name="invoices_closure_day_once")]

    def __str__(self):
        return f"{self.day} on invoice {self.invoice_id}"


class AnnualStatement(models.Model):
    """NL jaaropgave (calendar year) or BE-VLG fiscal certificate (December–November) per child and parent.
    Never changed once issued: when a credit note or payment changes the figures, a new version is issued and
    the old ones are kept (numbered 1, 2, …; the highest is the one that counts)."""

    class Kind(models.TextChoices):
        NL_JAAROPGAVE = "nl_jaaropgave", _("annual statement (jaaropgave)")
        BE_FISCAL = "be_fiscal", _("fiscal certificate")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    change_reason = models.CharField(_("why this version"), max_length=300, blank=True)
    child = models.ForeignKey("children.Child", on_delete=models.PROTECT, related_name="annual_statements")
    parent = person(models.PROTECT, related_name="+")
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period until"))
    hours = models.DecimalField(_("hours"), max_digits=9, decimal_places=2, default=Decimal("0"))
    days = models.DecimalField(_("days"), max_digits=7, decimal_places=1, default=Decimal("0"))
    hourly_rate = models.DecimalField(_("hourly rate"), max_digits=8, decimal_places=4, null=True, blank=True)
    # BE-VLG: the days of care paid, per day price actually received ([{"price", "days", "amount"}]).
    day_rates = models.JSONField(_("days per day price"), default=list, blank=True)
    amount_invoiced = models.DecimalField(_("amount invoiced"), max_digits=10, decimal_places=2)
    amount_paid = models.DecimalField(_("amount paid"), max_digits=10, decimal_places=2)
    location_name = models.CharField(_("location"), max_length=200)
    lrk_number = models.CharField(_("LRK number"), max_length=20, blank=True)
    pdf = models.BinaryField(_("PDF"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "child", "-version"]
        verbose_name = _("annual statement")
        constraints = [models.UniqueConstraint(fields=["kind", "year", "child", "parent", "version"],
                                               name="invoices_statement_version_once")]

    def __str__(self):
        return f"{self.kind} {self.year} v{self.version} for child {self.child_id}"


class InvoiceCorrection(models.Model):
    """What a correction of the register after the fact (tenants.attendance.models.RegisterChange) did to a
    monthly invoice already sent: the month priced again with the same rules, the difference settled at once —
    less by a credit note on the invoice, more by a correction invoice of its own (billing.invoices.
    register_corrections) — with the explanation the parent reads (in the parent's language: which day, what
    changed, by whom, the amount) and the lines that changed."""

    invoice = models.ForeignKey(Invoice, on_delete=models.PROTECT, related_name="corrections",
                                verbose_name=_("invoice"))
    change = models.ForeignKey("attendance.RegisterChange", on_delete=models.SET_NULL, null=True, blank=True,
                               related_name="invoice_corrections", verbose_name=_("correction of the register"))
    amount = models.DecimalField(_("difference"), max_digits=10, decimal_places=2)
    credit_note = models.ForeignKey(CreditNote, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                    verbose_name=_("credit note"))
    correction_invoice = models.ForeignKey(Invoice, on_delete=models.PROTECT, null=True, blank=True,
                                           related_name="corrects", verbose_name=_("correction invoice"))
    explanation = models.TextField(_("explanation"))
    #: [{"description", "before", "after"}]: the invoice lines whose amount changed (texts as on the invoice).
    lines = models.JSONField(_("lines changed"), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["invoice", "created_at", "pk"]
        verbose_name = _("invoice correction")

    def __str__(self):
        return f"correction of invoice {self.invoice_id}: {self.amount}"
