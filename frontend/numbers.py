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
