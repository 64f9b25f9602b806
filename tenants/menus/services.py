"""Writes of the menu: staff or the entrepreneur add a dish to a day (with its allergens) or remove one."""
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from config.service_errors import translated
from tenants.child_sheet.rules import EU_ALLERGENS
from tenants.menus import rules
from tenants.menus.models import Dish


@transaction.atomic
def add_dish(*, day: date, meal: str, name: str, allergens=()) -> Dish:
    allergens = list(allergens or [])
    errors = rules.dish_errors(name, meal, allergens, EU_ALLERGENS)
    if errors:
        raise ValidationError(translated(errors))
    ordered = [code for code in EU_ALLERGENS if code in set(allergens)]
    return Dish.objects.create(date=day, meal=meal, name=name.strip(), allergens=ordered)


def remove_dish(dish: Dish) -> None:
    dish.delete()
