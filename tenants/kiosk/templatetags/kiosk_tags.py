"""What other pages ask of the kiosk."""
from django import template

from tenants.kiosk import selectors

register = template.Library()


@register.simple_tag
def parents_use_kiosk() -> bool:
    """`{% parents_use_kiosk as allowed %}`: whether this location lets parents use the kiosk with their PIN."""
    return selectors.settings().parents_may_check
