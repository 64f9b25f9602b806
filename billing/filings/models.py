"""Filings (aanleveringen) of one location and the identity numbers they need.

A `Filing` is one delivery of one kind (billing.filings.kinds) for one period: to do, ready (built and checked,
its file kept) or delivered (the entrepreneur sent it; the file is never changed after that). "Late" is not
stored: a filing not delivered after its due date is late (rules.state). Corrections of earlier periods go into
the next file of the same kind, never into a delivered one.

The BSNs and national register numbers are kept encrypted (crypto.EncryptedNumberField), apart from the child
file, next to the kindcode Opgroeien gives a Flemish child.
"""
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.fields import person
from billing.filings.crypto import EncryptedNumberField


class Filing(models.Model):
    class Status(models.TextChoices):
        TODO = "todo", _("to do")
        READY = "ready", _("ready")
        DELIVERED = "delivered", _("delivered")

    kind = models.CharField(_("kind"), max_length=30)
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period until"))
    due_date = models.DateField(_("due date"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.TODO)
    content = models.BinaryField(_("file"), null=True, blank=True)
    filename = models.CharField(_("file name"), max_length=200, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    sha256 = models.CharField(max_length=64, blank=True)
    # The records of the file as the rules compare them (one dict per child and month, or per line).
    rows = models.JSONField(default=list, blank=True)
    # What differs from the filings delivered before: [{"record", "period", "fields"}].
    changes = models.JSONField(default=list, blank=True)
    # Earlier periods this file corrects ("2026-03").
    corrections = models.JSONField(default=list, blank=True)
    summary = models.JSONField(default=dict, blank=True)  # figures shown with the filing (totals, occupancy)
    ready_at = models.DateTimeField(_("ready at"), null=True, blank=True)
    ready_by = person(models.SET_NULL, null=True, blank=True, related_name="+")
    delivered_at = models.DateTimeField(_("delivered at"), null=True, blank=True)
    delivered_by = person(models.SET_NULL, null=True, blank=True, related_name="+")
    reminded_on = models.DateField(_("reminder sent on"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_date", "kind"]
        verbose_name = _("filing")
        constraints = [models.UniqueConstraint(fields=["kind", "period_start"], name="filings_one_per_period"),
                       models.CheckConstraint(condition=models.Q(period_end__gte=models.F("period_start")),
                                              name="filings_period")]

    def __str__(self):
        return f"{self.kind} {self.period_start:%Y-%m}"


class ChildNumbers(models.Model):
    """A child's BSN (NL), national register number (BE) and the agency's kindcode (Flanders)."""

    child = models.OneToOneField("children.Child", on_delete=models.CASCADE, related_name="filing_numbers")
    bsn = EncryptedNumberField(_("BSN"), blank=True, default="")
    national_number = EncryptedNumberField(_("national register number"), blank=True, default="")
    kindcode = models.CharField(_("kindcode (Opgroeien)"), max_length=20, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("identity numbers of a child")

    def __str__(self):
        return f"numbers of child {self.child_id}"


class ParentNumbers(models.Model):
    """What the authorities ask of a paying or applying parent: BSN and birth date (NL), national register
    number and address (BE debtor of the 281.86)."""

    parent = person(models.CASCADE, related_name="+")
    bsn = EncryptedNumberField(_("BSN"), blank=True, default="")
    national_number = EncryptedNumberField(_("national register number"), blank=True, default="")
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("identity numbers of a parent")
        constraints = [models.UniqueConstraint(fields=["parent"], name="filings_parent_numbers_once")]

    def __str__(self):
        return f"numbers of parent {self.parent_id}"


class DutyReminder(models.Model):
    """A reminder sent for a duty that is not a filing (the complaint report of a year, a document's review),
    by the duty's key (billing.filings.duties): each is reminded of once."""

    key = models.CharField(max_length=60, unique=True)
    reminded_on = models.DateField(_("reminder sent on"))

    class Meta:
        verbose_name = _("duty reminder")

    def __str__(self):
        return self.key
