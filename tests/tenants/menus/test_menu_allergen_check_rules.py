"""The cook's check (tenants.menus.rules): a child present or expected whose allergens are in a dish of the day is a
conflict. Regulation (EU) No 1169/2011 art. 9(1)(c), 44 and Annex II (the 14 allergens made known for food served
by a mass caterer); seed 003 §4.7.2 (soup around 10:00, a warm meal at noon, fruit and bread in the afternoon; the
parents pass on a diet)."""
from datetime import date

import pytest

from tenants.child_sheet.rules import EU_ALLERGENS
from tenants.menus import rules

SOUP = {"name": "Tomatensoep", "meal": rules.SOUP, "allergens": {"celery"}}
LUNCH = {"name": "Vis met puree", "meal": rules.LUNCH, "allergens": {"fish", "milk"}}
SNACK = {"name": "Boterham", "meal": rules.AFTERNOON, "allergens": {"gluten", "sesame"}}
PLAIN = {"name": "Appel", "meal": rules.AFTERNOON, "allergens": set()}


def child(name, *codes, diets=()):
    return {"id": hash(name) % 1000, "name": name, "allergens": set(codes), "diets": list(diets)}


@pytest.mark.parametrize("dishes, children, expected", [
    ([LUNCH], [child("Ada", "milk")], [("Ada", "Vis met puree", ["milk"])]),
    ([LUNCH], [child("Ada", "milk", "fish")], [("Ada", "Vis met puree", ["fish", "milk"])]),
    ([LUNCH], [child("Ada", "eggs")], []),                        # allergic, but not to this dish
    ([PLAIN], [child("Ada", *EU_ALLERGENS)], []),                 # a dish without allergens meets nobody
    ([SOUP, LUNCH, SNACK], [child("Bo", "gluten"), child("Ada", "celery")],
     [("Ada", "Tomatensoep", ["celery"]), ("Bo", "Boterham", ["gluten"])]),  # in the order of the meals
    ([], [child("Ada", "milk")], []),                             # no menu that day
    ([LUNCH], [], []),                                            # nobody expected
])
def test_conflicts(dishes, children, expected):
    found = rules.conflicts(dishes, children)
    assert [(c["child"]["name"], c["dish"]["name"], c["allergens"]) for c in found] == expected


def test_all_fourteen_annex_ii_allergens_are_checked():
    assert len(EU_ALLERGENS) == 14
    for code in EU_ALLERGENS:
        assert rules.conflicts([{"name": "x", "meal": rules.LUNCH, "allergens": {code}}], [child("Ada", code)])


def test_the_children_with_a_diet_are_a_reminder_by_name():
    kids = [child("Bo", diets=["Halal"]), child("Ada"), child("Cas", diets=["Vegetarian", "no nuts at home"])]
    assert [c["name"] for c in rules.diet_reminders(kids)] == ["Bo", "Cas"]


@pytest.mark.parametrize("name, meal, allergens, fields", [
    ("Stamppot", rules.LUNCH, ["milk"], set()),
    ("", rules.LUNCH, [], {"name"}),
    ("x" * 200, rules.SOUP, [], set()), ("x" * 201, rules.SOUP, [], {"name"}),
    ("Stamppot", "breakfast", [], {"meal"}),
    ("Stamppot", rules.LUNCH, ["kiwi"], {"allergens"}),            # not one of the 14 of Annex II
])
def test_what_a_dish_needs(name, meal, allergens, fields):
    assert set(rules.dish_errors(name, meal, allergens, EU_ALLERGENS)) == fields


@pytest.mark.parametrize("day, monday", [
    (date(2026, 12, 7), date(2026, 12, 7)),    # a Monday
    (date(2026, 12, 13), date(2026, 12, 7)),   # its Sunday
    (date(2027, 1, 1), date(2026, 12, 28)),    # across the new year
])
def test_the_week_is_monday_to_sunday(day, monday):
    week = rules.week_of(day)
    assert week[0] == monday and len(week) == 7 and week[-1].weekday() == 6
