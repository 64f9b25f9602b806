"""Rules of the menu (menu en maaltijden) as plain functions over plain dicts, without Django.

Seed 003 §4.7.2: the location serves soup around 10:00, a warm meal at noon and fruit (porridge) and sandwiches in
the afternoon; the menu is published; the parents pass on a diet (with a medical certificate) and eating habits
bound to culture or religion are taken into account. Regulation (EU) No 1169/2011, art. 9(1)(c) and 44 with Annex
II: the 14 allergens must be made known for food served by a mass caterer, so every dish carries the allergens it
contains, by the codes of tenants.child_sheet.rules.EU_ALLERGENS.

The check: for each day, every child present or expected and every dish of the day; a child whose allergens meet a
dish's allergens is a conflict the cook must see. Diets cannot be checked against a dish by code; the children of
the day with a diet are listed for the cook as a reminder.
"""
from datetime import date, timedelta


def gettext_noop(message: str) -> str:
    return message


SOUP = "soup"
LUNCH = "lunch"
AFTERNOON = "afternoon"
MEALS = (SOUP, LUNCH, AFTERNOON)
MAX_NAME = 200


def meal_order(meal: str) -> int:
    """The place of a meal in the day (soup, warm meal, afternoon), for sorting."""
    return MEALS.index(meal) if meal in MEALS else len(MEALS)


def conflicts(dishes: list[dict], children: list[dict]) -> list[dict]:
    """[{"child": child dict, "dish": dish dict, "allergens": sorted codes}] for every child whose allergens meet
    a dish's. dishes: {"name", "meal", "allergens": iterable of codes, ...}; children: {"id", "name",
    "allergens": iterable of codes, ...}. In the order of the meals, then the children's names."""
    found = []
    for dish in sorted(dishes, key=lambda d: (meal_order(d.get("meal")), d.get("name", ""))):
        for child in sorted(children, key=lambda c: c.get("name", "")):
            shared = set(dish.get("allergens") or ()) & set(child.get("allergens") or ())
            if shared:
                found.append({"child": child, "dish": dish, "allergens": sorted(shared)})
    return found


def diet_reminders(children: list[dict]) -> list[dict]:
    """The children of the day with a diet ({"id", "name", "diets": [texts]}), by name."""
    return sorted((c for c in children if c.get("diets")), key=lambda c: c.get("name", ""))


def dish_errors(name: str, meal: str, allergens, known_allergens) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    if not (name or "").strip():
        errors["name"] = [gettext_noop("Name the dish.")]
    elif len(name) > MAX_NAME:
        errors["name"] = [gettext_noop("At most 200 characters.")]
    if meal not in MEALS:
        errors["meal"] = [gettext_noop("Choose the meal.")]
    if set(allergens or ()) - set(known_allergens):
        errors["allergens"] = [gettext_noop("Choose allergens from the 14 EU allergens.")]
    return errors


def week_of(day: date) -> list[date]:
    """Monday to Sunday of the week `day` is in (the pages leave out a weekend day without dishes)."""
    monday = day - timedelta(days=day.weekday())
    return [monday + timedelta(days=n) for n in range(7)]
