from django import template

from intake.forms import WEEKDAYS

register = template.Library()
NAMES = dict(WEEKDAYS)


@register.filter
def weekday_name(day) -> str:
    """0 -> Monday (translated)."""
    return str(NAMES.get(day, ""))


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None
