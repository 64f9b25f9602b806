"""Childminder: at most 6 of 0-12, 5 when all under 4, 4 of age 0 and 1, 2 of age 0; own children under 10 count.

Source: the Besluit kwaliteit kinderopvang's limits for a childminder (article not verified from the text), as in
DESIGN.md "Locations (001)" and the Rijksoverheid's summary ("maximaal 6 kinderen van 0 tot 13 jaar tegelijk,
eigen kinderen tot 10 jaar meegeteld; maximaal 5 als ze allemaal jonger dan 4 zijn; maximaal 4 van 0 en 1 jaar,
waarvan maximaal 2 van 0 jaar")."""
import pytest

from tenants.ratios import rules

# (placed children, own children, allowed, violation codes)
CASES = [
    ([5, 6, 7, 8, 9, 12], [], True, []),
    ([5, 6, 7, 8, 9, 12, 4], [], False, ["childminder_too_many_children"]),
    ([4, 6, 7, 8, 9], [11], True, []),                       # an own child of 11 is not counted
    ([4, 6, 7, 8, 9], [9], True, []),                        # own child of 9 counted: 6 in all
    ([4, 6, 7, 8, 9], [9, 3], False, ["childminder_too_many_children"]),
    ([4, 6, 7, 8, 9, 10], [10], True, []),                   # own child of exactly 10 is not counted
    ([0, 1, 2, 3, 3], [], True, []),                         # five under 4
    ([0, 1, 2, 3, 3, 3], [], False, ["childminder_too_many_under_4"]),
    ([0, 1, 2, 3, 3], [2], False, ["childminder_too_many_under_4"]),  # own toddler makes six under 4
    ([0, 1, 2, 3, 3, 4], [], True, []),                      # six when not all are under 4
    ([0, 1, 1, 1, 5], [], True, []),                         # four of age 0 and 1
    ([0, 1, 1, 1, 1], [], False, ["childminder_too_many_age_0_and_1"]),
    ([0, 1, 1, 5], [1, 1], False, ["childminder_too_many_age_0_and_1"]),  # own toddlers count
    ([0, 0, 5], [], True, []),
    ([0, 0, 0], [], False, ["childminder_too_many_age_0"]),
    ([0, 0], [0], False, ["childminder_too_many_age_0"]),
]


@pytest.mark.parametrize(("placed", "own", "allowed", "codes"), CASES)
def test_childminder_limits(placed, own, allowed, codes):
    result = rules.check("gastouder", placed, 1, own_children_ages=own)
    assert result.allowed is allowed
    assert result.codes == codes
    assert result.required_staff == (1 if allowed else None)


def test_max_children_is_five_when_all_are_under_4_and_six_otherwise():
    assert rules.check("gastouder", [0, 2, 3], 1).max_children == 5
    assert rules.check("gastouder", [0, 2, 4], 1).max_children == 6
    assert rules.check("gastouder", [0, 2], 1, own_children_ages=[7]).max_children == 6
    assert rules.check("gastouder", [0, 2], 1, own_children_ages=[12]).max_children == 5


@pytest.mark.parametrize(("placed", "own", "needed"), [
    ([4, 5, 6], [], False), ([4, 5, 6, 7], [], True), ([4, 5, 6], [8], True), ([4, 5, 6], [10], False),
])
def test_backup_person_needed_above_three_children(placed, own, needed):
    unknown = rules.check("gastouder", placed, 1, own_children_ages=own)
    assert unknown.backup_required is needed
    assert unknown.allowed  # not known whether one is registered: no violation

    without = rules.check("gastouder", placed, 1, own_children_ages=own, has_backup=False)
    assert without.allowed is not needed
    assert ("backup_required" in without.codes) is needed

    assert rules.check("gastouder", placed, 1, own_children_ages=own, has_backup=True).allowed


def test_no_childminder_present():
    result = rules.check("gastouder", [3], 0)
    assert not result.allowed
    assert result.codes == ["not_enough_staff"]


@pytest.mark.parametrize("age", [13, -1])
def test_placed_children_outside_0_to_12_are_refused(age):
    with pytest.raises(ValueError):
        rules.check("gastouder", [age], 1)


def test_own_children_for_other_care_types_are_refused():
    with pytest.raises(ValueError):
        rules.check("kdv", [1], 1, own_children_ages=[3])
