"""Helpers for the menu tests: a child's allergens on her sheet, a stay today, a dish on a day."""
from django.utils import timezone

from tests.tenants.conftest import in_schema


def allergic(site, codes, child_id=None, diets=()):
    from tenants.child_sheet import services
    from tenants.children.models import Child

    with in_schema(site):
        child = Child.objects.get(pk=child_id or site.child_id)
        services.update_sheet(child, actor=site.parent, allergens=list(codes), diets=list(diets))


def here_today(site, child_id=None):
    """The child is checked in today (the location's day), whatever the weekday or the hour."""
    from tenants.attendance.models import AttendanceRecord
    from tenants.attendance.selectors import local_today

    with in_schema(site):
        AttendanceRecord.objects.create(child_id=child_id or site.child_id, date=local_today(),
                                        check_in=timezone.now(), registered_at=timezone.now())
        return local_today()


def dish(site, day, name="Macaroni met kaas", meal="lunch", allergens=("gluten", "milk")):
    from tenants.menus import services

    with in_schema(site):
        return services.add_dish(day=day, meal=meal, name=name, allergens=allergens)
