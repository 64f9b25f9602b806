"""Template filters for contract pages."""
from django import template

from tenants.calendar.models import Weekday

register = template.Library()


@register.filter
def weekday(value):
    """The (translated) name of a weekday number, 0 = Monday."""
    try:
        return Weekday(int(value)).label
    except (TypeError, ValueError):
        return value
