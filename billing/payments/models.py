"""Payments of one location, in the location's schema: how it collects, the parents' direct-debit
mandates, each payment attempt (Stripe) and the SEPA direct-debit files for a location's own bank.

The location's Stripe connected account itself is in the public schema (billing.membership.models), so a
webhook that names only the account finds its location.
"""
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.fields import person
from billing.payments import rules


class CollectionSettings(models.Model):
    """How this location collects: through Stripe, or through its own bank with pain.008 files."""

    class Method(models.TextChoices):
        STRIPE = rules.STRIPE, _("Stripe (SEPA direct debit and iDEAL)")
        OWN_BANK = rules.OWN_BANK, _("own bank (SEPA direct-debit file)")

    method = models.CharField(_("collection method"), max_length=20, choices=Method.choices,
                              default=Method.STRIPE)
    # The location's bank account: printed on every invoice (with its QR code) for a transfer, the account
    # a bank statement is imported for, and the creditor account of the own bank's direct-debit files.
    creditor_name = models.CharField(_("name on the bank account"), max_length=70, blank=True)
    creditor_iban = models.CharField(_("IBAN of the location"), max_length=34, blank=True)
    creditor_bic = models.CharField(_("BIC of the location's bank"), max_length=11, blank=True)
    creditor_id = models.CharField(_("creditor identifier (incassant-ID)"), max_length=35, blank=True)
    mandate_counter = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("collection settings")

    def __str__(self):
        return self.method

    @classmethod
    def load(cls) -> "CollectionSettings":
        return cls.objects.filter(pk=1).first() or cls(pk=1)


class Mandate(models.Model):
    """A parent's SEPA Direct Debit mandate to this location (given with the contract)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("being confirmed")
        ACTIVE = "active", _("active")
        FAILED = "failed", _("refused")
        REVOKED = "revoked", _("ended")

    parent = person(models.PROTECT, related_name="+",
                    verbose_name=_("parent"))
    contract = models.ForeignKey("contracts.Contract", on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="+", verbose_name=_("contract"))
    method = models.CharField(_("collected through"), max_length=20, choices=CollectionSettings.Method.choices)
    reference = models.CharField(_("mandate reference"), max_length=35, unique=True)
    account_holder = models.CharField(_("account holder"), max_length=70)
    iban_masked = models.CharField(_("IBAN"), max_length=20)
    # The full IBAN and BIC only when the location collects itself (pain.008 needs them); with Stripe,
    # Stripe keeps the account number.
    iban = models.CharField(_("IBAN"), max_length=34, blank=True)
    bic = models.CharField(_("BIC"), max_length=11, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    signed_at = models.DateTimeField(_("signed at"))
    signed_ip = models.GenericIPAddressField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    stripe_customer_id = models.CharField(max_length=255, blank=True)
    stripe_setup_intent_id = models.CharField(max_length=255, blank=True, db_index=True)
    stripe_payment_method_id = models.CharField(max_length=255, blank=True)
    stripe_mandate_id = models.CharField(max_length=255, blank=True, db_index=True)
    failure_reason = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-signed_at", "-pk"]
        verbose_name = _("direct-debit mandate")
        constraints = [
            models.UniqueConstraint(fields=["parent"], condition=models.Q(status__in=["pending", "active"]),
                                    name="payments_one_current_mandate_per_parent"),
            models.CheckConstraint(condition=~models.Q(account_holder=""), name="payments_mandate_holder"),
        ]

    def __str__(self):
        return self.reference


class Payment(models.Model):
    """One attempt to collect an invoice (a direct debit or an online payment through Stripe), or a payment
    received outside Stripe: a transfer found on a bank statement or recorded by hand, or cash."""

    class Method(models.TextChoices):
        DIRECT_DEBIT = "direct_debit", _("SEPA direct debit")
        IDEAL = "ideal", _("online (iDEAL, Bancontact or card)")
        BANK_TRANSFER = "bank_transfer", _("bank transfer")
        CASH = "cash", _("cash")

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        SUCCEEDED = "succeeded", _("paid")
        FAILED = "failed", _("failed")

    invoice = models.ForeignKey("invoices.Invoice", on_delete=models.PROTECT, related_name="payments")
    method = models.CharField(_("method"), max_length=20, choices=Method.choices)
    amount = models.DecimalField(_("amount"), max_digits=10, decimal_places=2)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    mandate = models.ForeignKey(Mandate, on_delete=models.PROTECT, null=True, blank=True, related_name="payments")
    stripe_payment_intent_id = models.CharField(max_length=255, blank=True, db_index=True)
    stripe_checkout_session_id = models.CharField(max_length=255, blank=True, db_index=True)
    failure_reason = models.CharField(max_length=300, blank=True)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = person(models.SET_NULL, null=True, blank=True, related_name="+")
    statement_entry = models.OneToOneField("StatementEntry", on_delete=models.PROTECT, null=True, blank=True,
                                           related_name="payment")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("payment")

    def __str__(self):
        return f"{self.method} {self.amount} for invoice {self.invoice_id}"


class SepaFile(models.Model):
    """A pain.008 direct-debit file for the location's own bank: one per collection run."""

    message_id = models.CharField(max_length=35, unique=True)
    collection_date = models.DateField(_("collection date"))
    transaction_count = models.PositiveIntegerField(_("collections"))
    total = models.DecimalField(_("total"), max_digits=12, decimal_places=2)
    xml = models.TextField()
    created_by = person(models.SET_NULL, null=True, blank=True,
                        related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("SEPA direct-debit file")

    def __str__(self):
        return self.message_id


class SepaFileItem(models.Model):
    """One collection in a file. An invoice is in at most one file unless the bank returned it."""

    file = models.ForeignKey(SepaFile, on_delete=models.CASCADE, related_name="items")
    invoice = models.ForeignKey("invoices.Invoice", on_delete=models.PROTECT, related_name="+")
    mandate = models.ForeignKey(Mandate, on_delete=models.PROTECT, related_name="+")
    amount = models.DecimalField(max_digits=10, decimal_places=2)
    sequence_type = models.CharField(max_length=4)
    end_to_end_id = models.CharField(max_length=35)
    returned = models.BooleanField(default=False)
    return_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["file", "pk"]
        constraints = [models.UniqueConstraint(fields=["invoice"], condition=models.Q(returned=False),
                                               name="payments_invoice_in_one_file")]

    def __str__(self):
        return self.end_to_end_id


class BankStatement(models.Model):
    """One imported bank statement (CAMT.053 or MT940) of the location's account: only its new entries."""

    class Format(models.TextChoices):
        CAMT053 = "camt053", "CAMT.053"
        MT940 = "mt940", "MT940"

    format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    account = models.CharField(_("account"), max_length=34)
    statement_id = models.CharField(_("statement"), max_length=100, blank=True)
    file_name = models.CharField(_("file"), max_length=200, blank=True)
    file_sha256 = models.CharField(max_length=64, db_index=True)
    imported_by = person(models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(_("imported at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("bank statement")

    def __str__(self):
        return self.file_name or self.statement_id


class StatementEntry(models.Model):
    """Money received on the location's account, from an imported statement. `key` (account and the bank's
    reference, or date, amount, counterparty and description) is unique, so importing a file again, or a
    later file that overlaps it, books no entry twice."""

    class Status(models.TextChoices):
        MATCHED = "matched", _("paid invoice found")
        OPEN = "open", _("to decide")
        LINKED = "linked", _("linked to an invoice by hand")
        DISMISSED = "dismissed", _("not an invoice")

    statement = models.ForeignKey(BankStatement, on_delete=models.PROTECT, related_name="entries")
    key = models.CharField(max_length=64, unique=True)
    booking_date = models.DateField(_("booked on"))
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=2)
    counterparty = models.CharField(_("from"), max_length=140, blank=True)
    counterparty_iban = models.CharField(_("from account"), max_length=34, blank=True)
    text = models.CharField(_("description"), max_length=500, blank=True)
    structured = models.CharField(_("structured reference"), max_length=35, blank=True)
    bank_reference = models.CharField(max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    invoice = models.ForeignKey("invoices.Invoice", on_delete=models.PROTECT, null=True, blank=True,
                                related_name="+", verbose_name=_("invoice"))
    decided_by = person(models.SET_NULL, null=True, blank=True, related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["booking_date", "pk"]
        verbose_name = _("statement entry")
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="payments_entry_money_in"),
            models.CheckConstraint(
                condition=models.Q(status__in=["matched", "linked"], invoice__isnull=False)
                | models.Q(status__in=["open", "dismissed"], invoice__isnull=True),
                name="payments_entry_invoice_when_paid"),
        ]

    def __str__(self):
        return f"{self.booking_date} {self.amount}"
