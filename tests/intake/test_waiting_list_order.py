"""The order of a waiting list as tables (seed 003 §4.1, "Inschrijving en voorrangsregels"):

1. children with a specific care need;
2. the priority groups of Kind en Gezin: the family works or follows a training for work at least 4/5 on
   average; foster children; brothers and sisters at the same time in the same childcare;
3. the centre's own rules: children of staff; parents living nearby; parents who urgently need care (within the
   month, for the reasons listed); finally the request date as the last criterion.

Each rule alone, combined, ties broken by the request date, and a location that orders its rules differently."""
from datetime import UTC, date, datetime

import pytest

from intake import rules

JAN = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)


def at(day: int) -> datetime:
    return JAN.replace(day=day)


def keys(candidates, order=rules.DEFAULT_ORDER) -> list[int]:
    return [c.key for c in rules.ordered(candidates, order)]


@pytest.mark.parametrize("rule", rules.CATALOGUE)
def test_each_rule_alone_beats_an_earlier_request(rule):
    """Seed 003 §4.1: a rule met puts a later request before an earlier one that meets none."""
    early = rules.Candidate(key=1, requested_at=at(1))
    late = rules.Candidate(key=2, requested_at=at(20), **{rule: True})
    assert keys([early, late]) == [2, 1]
    assert rules.reasons(late) == [rule, rules.REQUEST_DATE]
    assert rules.reasons(early) == [rules.REQUEST_DATE]


@pytest.mark.parametrize("higher, lower", [
    (rules.SPECIAL_CARE, rules.WORKS),      # 1 before 2
    (rules.WORKS, rules.STAFF),             # Kind en Gezin's groups before the centre's own
    (rules.FOSTER, rules.NEARBY),
    (rules.SIBLINGS, rules.URGENT),
    (rules.STAFF, rules.NEARBY),            # the centre's own rules in their listed order
    (rules.NEARBY, rules.URGENT),
])
def test_the_default_order_is_the_order_of_seed_003(higher, lower):
    first = rules.Candidate(key=1, requested_at=at(20), **{higher: True})
    second = rules.Candidate(key=2, requested_at=at(1), **{lower: True})
    assert keys([second, first]) == [1, 2]


@pytest.mark.parametrize("facts_a, facts_b, expected", [
    # two rules beat one, when the first rule they differ on is met by the one with more
    ({"special_care": True, "works": True}, {"special_care": True}, [1, 2]),
    # one higher rule beats any number of lower ones
    ({"special_care": True}, {"works": True, "foster": True, "siblings": True, "staff": True, "nearby": True,
                              "urgent": True}, [1, 2]),
    # equal facts: the request date decides (b asked earlier)
    ({"works": True, "nearby": True}, {"works": True, "nearby": True}, [2, 1]),
    # the same higher rule, then the next one decides
    ({"works": True, "urgent": True}, {"works": True, "siblings": True}, [2, 1]),
])
def test_rules_combined(facts_a, facts_b, expected):
    a = rules.Candidate(key=1, requested_at=at(10), **facts_a)
    b = rules.Candidate(key=2, requested_at=at(5), **facts_b)
    assert keys([a, b]) == expected


def test_ties_are_broken_by_the_request_date_and_then_by_the_key():
    same_second = at(3)
    candidates = [rules.Candidate(key=7, requested_at=at(9)), rules.Candidate(key=5, requested_at=same_second),
                  rules.Candidate(key=4, requested_at=same_second), rules.Candidate(key=6, requested_at=at(1))]
    assert keys(candidates) == [6, 4, 5, 7]
    assert rules.positions(candidates) == {6: 1, 4: 2, 5: 3, 7: 4}


def test_an_entrepreneur_who_puts_living_nearby_first_changes_the_order():
    special = rules.Candidate(key=1, requested_at=at(1), special_care=True)
    neighbour = rules.Candidate(key=2, requested_at=at(2), nearby=True)
    staff_child = rules.Candidate(key=3, requested_at=at(3), staff=True)
    assert keys([special, neighbour, staff_child]) == [1, 3, 2]
    own = [rules.NEARBY, rules.SPECIAL_CARE, rules.STAFF]
    assert keys([special, neighbour, staff_child], own) == [2, 1, 3]
    assert rules.reasons(neighbour, own) == [rules.NEARBY, rules.REQUEST_DATE]


def test_a_rule_left_out_of_the_order_does_not_count():
    foster = rules.Candidate(key=1, requested_at=at(5), foster=True)
    earlier = rules.Candidate(key=2, requested_at=at(1))
    assert keys([foster, earlier], [rules.SPECIAL_CARE, rules.WORKS]) == [2, 1]
    assert rules.reasons(foster, [rules.SPECIAL_CARE]) == [rules.REQUEST_DATE]


@pytest.mark.parametrize("order, ok", [
    (list(rules.CATALOGUE), True),
    ([], True),  # the request date alone
    ([rules.URGENT, rules.SPECIAL_CARE], True),
    ([rules.WORKS, rules.WORKS], False),
    (["request_date"], False),  # always last, never placed in the order
    (["shoe_size"], False),
    ("works", False),
])
def test_order_errors(order, ok):
    assert (rules.order_errors(order) == []) is ok


@pytest.mark.parametrize("reason, requested, start, urgent", [
    # seed 003 §4.1: within the month, for one of its reasons
    ("found_work", date(2026, 3, 1), date(2026, 3, 20), True),
    ("started_training", date(2026, 3, 1), date(2026, 4, 1), True),
    ("crisis", date(2026, 3, 1), date(2026, 3, 2), True),
    ("lost_care", date(2026, 3, 1), date(2026, 4, 1), True),
    ("crisis", date(2026, 3, 1), date(2026, 4, 2), False),  # more than a month ahead
    ("", date(2026, 3, 1), date(2026, 3, 5), False),         # no reason given
    ("holiday", date(2026, 3, 1), date(2026, 3, 5), False),  # not a reason of the list
])
def test_urgent_need(reason, requested, start, urgent):
    assert rules.is_urgent(reason, requested, start) is urgent


@pytest.mark.parametrize("postcode, location, nearby", [
    ("1012 AB", "1013 CD", True),
    ("1012AB", "1021 CD", False),
    ("9000", "9008", True),   # Ghent
    ("9000", "9030", False),
    ("", "9000", False),
    ("90", "9000", False),
])
def test_living_nearby(postcode, location, nearby):
    assert rules.is_nearby(postcode, location) is nearby
