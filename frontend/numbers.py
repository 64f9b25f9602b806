"""Numbers as the reader writes them: "80.833" becomes "80,833" in Dutch, keeping the decimals it has (an
explanation shows 84.875 hours, not 84.88 or 84.875000)."""
import re
from decimal import Decimal

from django.utils import formats

DECIMAL_TEXT = re.compile(r"^-?\d+(\.\d+)?$")


def localized_number(value):
    """A number, or a text that is one, in the active language; anything else as it is."""
    if isinstance(value, Decimal | int | float) and not isinstance(value, bool):
        value = f"{Decimal(str(value)):f}"
    if isinstance(value, str) and DECIMAL_TEXT.match(value):
        places = len(value.split(".")[1]) if "." in value else 0
        return formats.number_format(Decimal(value), places)
    return value


def money(value) -> str:
    """An amount in euros as the reader writes it: € 1.234,50 in Dutch, € 1,234.50 in English."""
    amount = Decimal(str(value)).quantize(Decimal("0.01"))
    return f"€ {formats.number_format(amount, 2, force_grouping=True)}"


def amount(value) -> str:
    """The number of an amount, for a text that writes the € itself ("costs € %(fine)s"): 10,00 in Dutch."""
    return formats.number_format(Decimal(str(value)).quantize(Decimal("0.01")), 2, force_grouping=True)


def quantity(value, places: int = 3) -> str:
    """A quantity (hours, days) with at most `places` decimals and no trailing zeros: 84,875 or 13 in Dutch."""
    rounded = Decimal(str(value)).quantize(Decimal(1).scaleb(-places))
    text = f"{rounded:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return localized_number(text)


def long_date(value) -> str:
    """A date as the reader writes it in a sentence: 4 december 2026 in Dutch, 4 December 2026 in English."""
    return formats.date_format(value, "j F Y") if value else ""


ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def for_reader(value):
    """A value for a sentence in the reader's language: a date (or an ISO date text) as `long_date`, a number as
    `localized_number`, anything else as it is."""
    from datetime import date, datetime

    if isinstance(value, str) and ISO_DATE.match(value):
        value = date.fromisoformat(value)
    if isinstance(value, date) and not isinstance(value, datetime):
        return long_date(value)
    return localized_number(value)
