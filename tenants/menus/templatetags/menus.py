"""`{% menu_warnings_today %}`: today's allergen conflicts and diets for the cook, on the staff's start page."""
from django import template

from tenants.attendance.selectors import local_today
from tenants.menus import selectors

register = template.Library()


@register.inclusion_tag("menus/_today.html")
def menu_warnings_today():
    today = local_today()
    return {"today": today, "check": selectors.check_day(today)}
