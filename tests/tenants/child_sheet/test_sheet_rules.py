"""Rules of the child information sheet: the 14 allergens of Regulation (EU) No 1169/2011 Annex II, diets
(seed 003 §4.7.2) and when a change is shown highlighted (seed 003 §6.2: parents report changes, staff must
notice them)."""
from datetime import UTC, datetime, timedelta

import pytest

from tenants.child_sheet import rules
from tenants.child_sheet.labels import ALLERGEN_LABELS, DIET_LABELS

NOW = datetime(2026, 12, 4, 9, 0, tzinfo=UTC)


def test_the_fourteen_allergens_of_annex_ii_each_with_a_translated_label():
    assert len(rules.EU_ALLERGENS) == 14
    assert set(ALLERGEN_LABELS) == set(rules.EU_ALLERGENS)
    assert set(DIET_LABELS) == set(rules.DIETS)


@pytest.mark.parametrize(("codes", "unknown"), [
    (["peanuts", "milk"], []),
    ([], []),
    (["peanut"], ["peanut"]),  # a near miss is no code
    (["milk", "strawberry"], ["strawberry"]),  # strawberries are not one of the 14
])
def test_unknown_allergens(codes, unknown):
    assert rules.unknown_allergens(codes) == unknown


def test_allergens_in_the_order_of_the_annex():
    assert rules.ordered_allergens(["milk", "gluten", "peanuts", "milk"]) == ["gluten", "peanuts", "milk"]


@pytest.mark.parametrize(("changed", "last_look", "new"), [
    (NOW - timedelta(hours=1), None, True),  # never looked: the last week's changes are new
    (NOW - timedelta(days=7), None, False),  # exactly a week ago: no longer highlighted
    (NOW - timedelta(days=7) + timedelta(seconds=1), None, True),
    (NOW - timedelta(hours=1), NOW - timedelta(hours=2), True),  # changed after her last look
    (NOW - timedelta(hours=2), NOW - timedelta(hours=1), False),  # she has seen it
    (NOW - timedelta(hours=1), NOW - timedelta(hours=1), False),  # seen at the same moment
    (NOW - timedelta(days=8), NOW - timedelta(days=30), False),  # old change, old look: not highlighted
    (None, None, False),
])
def test_when_a_change_is_highlighted(changed, last_look, new):
    assert rules.is_new(changed, last_look, NOW) is new
