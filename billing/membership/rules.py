"""Plain rules of the membership fee (no Django): the default monthly price per kind of location and
whether a location is paid up or late."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

# Monthly fee in euros (VAT-exempt cooperative contribution), by kind of location. The cooperative admin
# can change a price; these are the starting values.
DEFAULT_MONTHLY_FEE = {
    "gastouder": Decimal("15.00"),
    "bso": Decimal("35.00"),
    "kdv": Decimal("45.00"),
    "kindercentrum": Decimal("60.00"),
}

PAID = "paid"
LATE = "late"
OPEN = "open"
NOT_SUBSCRIBED = "not_subscribed"

# Stripe subscription states that mean the location is behind with its payments.
LATE_SUBSCRIPTION_STATES = {"past_due", "unpaid"}


def monthly_fee(kind: str, overrides: dict[str, Decimal] | None = None) -> Decimal:
    """The monthly fee for `kind`: the admin's price if set, else the default. Unknown kinds are an error."""
    if overrides and kind in overrides:
        return Decimal(overrides[kind]).quantize(Decimal("0.01"))
    if kind not in DEFAULT_MONTHLY_FEE:
        raise ValueError(f"no membership fee for kind {kind!r}")
    return DEFAULT_MONTHLY_FEE[kind]


def standing(subscription_status: str | None, open_due_dates: list[date], today: date) -> str:
    """Paid up, open (an invoice not yet due), late (an invoice past its due date, or Stripe says past
    due/unpaid) or not subscribed."""
    if not subscription_status:
        return NOT_SUBSCRIBED
    if subscription_status in LATE_SUBSCRIPTION_STATES:
        return LATE
    if any(due < today for due in open_due_dates if due is not None):
        return LATE
    if open_due_dates:
        return OPEN
    return PAID
