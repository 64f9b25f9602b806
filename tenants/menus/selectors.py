"""Reads of the menu: the dishes of a day or week, and the check of a day's dishes against the allergies and diets
of the children present or expected that day (tenants.attendance.planned for who is expected, the day's check-ins
for who came; tenants.child_sheet.selectors for allergens and diets)."""
from datetime import date

from tenants.child_sheet.labels import allergen_label
from tenants.child_sheet.selectors import allergens_by_child, diets_by_child
from tenants.menus import rules
from tenants.menus.models import Dish


def dishes_between(start: date, end: date) -> list[Dish]:
    """The dishes from `start` to `end`, each day's in the order of the meals."""
    return sorted(Dish.objects.filter(date__gte=start, date__lte=end),
                  key=lambda d: (d.date, rules.meal_order(d.meal), d.name))


def children_of_the_day(day: date) -> list:
    """Children expected on `day` (contract, swap, extra day; not reported absent) or checked in that day."""
    from tenants.attendance import planned
    from tenants.attendance.models import AttendanceRecord
    from tenants.children.models import Child

    ids = {item.child_id for item in planned.expected_children(day)}
    ids |= set(AttendanceRecord.objects.filter(date=day).values_list("child_id", flat=True))
    return list(Child.objects.filter(pk__in=ids).select_related("group"))


def check_days(days: list[date], only_children=None) -> dict[date, dict]:
    """{day: {"conflicts": [...], "diets": [...]}} for each of `days` (rules.conflicts, rules.diet_reminders).
    `only_children` (ids) limits the check to those children (a parent sees her own children only)."""
    dishes = {}
    for dish in Dish.objects.filter(date__in=days):
        dishes.setdefault(dish.date, []).append(dish)
    result = {}
    for day in days:
        children = children_of_the_day(day) if dishes.get(day) or only_children is None else []
        if only_children is not None:
            children = [c for c in children if c.pk in set(only_children)]
        ids = [c.pk for c in children]
        allergens, diets = allergens_by_child(ids), diets_by_child(ids)
        plain_children = [{"id": c.pk, "name": c.full_name, "group": c.group.name if c.group else "",
                           "allergens": allergens.get(c.pk, set()), "diets": diets.get(c.pk, [])} for c in children]
        plain_dishes = [{"id": d.pk, "name": d.name, "meal": d.meal, "meal_label": d.get_meal_display(),
                         "allergens": d.allergens} for d in dishes.get(day, [])]
        found = rules.conflicts(plain_dishes, plain_children)
        for item in found:
            item["allergen_labels"] = [allergen_label(code) for code in item["allergens"]]
        result[day] = {"conflicts": found, "diets": rules.diet_reminders(plain_children)}
    return result


def check_day(day: date) -> dict:
    return check_days([day])[day]
