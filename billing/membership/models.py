"""The cooperative's side of billing, in the public schema.

- the membership fee each location pays the cooperative: a price per kind of location, a Stripe Billing
  subscription per location and the invoices Stripe sends for it;
- the public tables the payments app needs to be found from the main domain: which Stripe connected
  account belongs to which location (a webhook names only the account) and which Stripe events have been
  processed (so an event delivered twice is handled once).

Nothing here holds a parent's invoice or any other data of a location's families.
"""
from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class ConnectedAccount(models.Model):
    """A location's Stripe connected account (parents pay the location, not the cooperative)."""

    location = models.OneToOneField("cooperative.Location", on_delete=models.CASCADE,
                                    related_name="stripe_account", verbose_name=_("location"))
    account_id = models.CharField(_("Stripe account"), max_length=255, unique=True)
    details_submitted = models.BooleanField(_("details submitted"), default=False)
    charges_enabled = models.BooleanField(_("can take payments"), default=False)
    payouts_enabled = models.BooleanField(_("can receive payouts"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("Stripe connected account")

    def __str__(self):
        return self.account_id

    @property
    def is_ready(self) -> bool:
        return self.details_submitted and self.charges_enabled


class StripeEvent(models.Model):
    """One Stripe event, stored the first time it arrives; the unique id makes a second delivery a no-op."""

    event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=100)
    account_id = models.CharField(max_length=255, blank=True)
    location = models.ForeignKey("cooperative.Location", on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="+")
    result = models.CharField(max_length=300, blank=True)
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-received_at"]

    def __str__(self):
        return f"{self.type} {self.event_id}"


class MembershipPrice(models.Model):
    """The monthly membership fee for one kind of location, and its Stripe price."""

    kind = models.CharField(_("kind of location"), max_length=20, unique=True)
    monthly_amount = models.DecimalField(_("monthly fee"), max_digits=8, decimal_places=2,
                                         validators=[MinValueValidator(Decimal("0.01"))])
    stripe_product_id = models.CharField(max_length=255, blank=True)
    stripe_price_id = models.CharField(max_length=255, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind"]
        verbose_name = _("membership price")
        constraints = [models.CheckConstraint(condition=models.Q(monthly_amount__gt=0),
                                              name="membership_price_positive")]

    def __str__(self):
        return f"{self.kind}: {self.monthly_amount}"


class MembershipSubscription(models.Model):
    """A location's Stripe Billing subscription for the monthly membership fee."""

    location = models.OneToOneField("cooperative.Location", on_delete=models.CASCADE,
                                    related_name="membership_subscription", verbose_name=_("location"))
    stripe_customer_id = models.CharField(max_length=255, unique=True)
    stripe_subscription_id = models.CharField(max_length=255, unique=True)
    status = models.CharField(_("status"), max_length=30)
    monthly_amount = models.DecimalField(_("monthly fee"), max_digits=8, decimal_places=2)
    current_period_end = models.DateTimeField(_("paid until"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("membership subscription")

    def __str__(self):
        return f"{self.location} ({self.status})"


class MembershipInvoice(models.Model):
    """An invoice Stripe sent a location for its membership fee (kept in step by the webhook)."""

    location = models.ForeignKey("cooperative.Location", on_delete=models.CASCADE,
                                 related_name="membership_invoices", verbose_name=_("location"))
    stripe_invoice_id = models.CharField(max_length=255, unique=True)
    number = models.CharField(_("number"), max_length=100, blank=True)
    amount_due = models.DecimalField(_("amount"), max_digits=10, decimal_places=2)
    amount_paid = models.DecimalField(_("paid"), max_digits=10, decimal_places=2, default=Decimal("0.00"))
    status = models.CharField(_("status"), max_length=30)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    period_start = models.DateField(_("period from"), null=True, blank=True)
    period_end = models.DateField(_("period until"), null=True, blank=True)
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True)
    hosted_invoice_url = models.URLField(max_length=500, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-due_date", "-pk"]
        verbose_name = _("membership invoice")

    def __str__(self):
        return self.number or self.stripe_invoice_id
