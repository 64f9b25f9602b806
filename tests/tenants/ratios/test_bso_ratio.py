"""After-school care (BSO): every cell of table 2 of the annex to the Besluit kwaliteit kinderopvang.

Source: Besluit kwaliteit kinderopvang (BWBR0039936), bijlage 1, onderdeel b "buitenschoolse opvang",
tabel 2 "Berekening van het minimaal aantal in te zetten beroepskrachten en de maximale groepsgrootte bij
groepen in de buitenschoolse opvang" (in force since 1 January 2019):

    leeftijd kinderen                         1 bk   2 bk   3 bk
    4 tot 7                                    10     20     -
    7 tot einde basisonderwijs                 12     24     30
    4 tot einde basisonderwijs                 11¹    22²    -
    ¹ waarvan maximaal negen kinderen van 4 tot 7 jaar
    ² waarvan maximaal achttien kinderen van 4 tot 7 jaar

The group maximum is "in tabel 2 verwerkt": 20, 30 and 22. Before this table every row was capped at 30.
"""
import pytest

from tenants.ratios import rules


def group(young: int, old: int) -> list[int]:
    """`young` children of 4 to 6 (ages 4, 5, 6 in turn) and `old` of 7 to 12 (7 ... 12 in turn)."""
    return [4 + i % 3 for i in range(young)] + [7 + i % 6 for i in range(old)]


# (row, staff, younger children, older children): the fullest group of each cell, which is allowed.
CELLS = [
    ("4-7", 1, 10, 0), ("4-7", 2, 20, 0),
    ("7-13", 1, 0, 12), ("7-13", 2, 0, 24), ("7-13", 3, 0, 30),
    ("4-13", 1, 9, 2), ("4-13", 2, 18, 4),
]


@pytest.mark.parametrize(("label", "staff", "young", "old"), CELLS, ids=[f"{c[0]}-{c[1]}bk" for c in CELLS])
def test_each_cell_holds_its_children_with_its_staff_and_not_with_one_less(label, staff, young, old):
    ages = group(young, old)
    result = rules.check("bso", ages, staff)
    assert result.allowed, result.violations
    assert rules.bso_row(ages).label == label
    assert result.required_staff == staff
    assert result.max_children == young + old
    assert "decree table 2" in result.rule
    assert not rules.check("bso", ages, staff - 1).allowed


@pytest.mark.parametrize(("young", "old", "staff"), [
    (11, 0, 1),   # 4-7: 1 staff for at most 10
    (21, 0, 2),   # 4-7: at most 20, and no third column
    (0, 13, 1), (0, 25, 2), (0, 31, 3),
    (9, 3, 1),    # 4-13: 1 staff for at most 11
    (18, 5, 2),   # 4-13: at most 22, and no third column
])
def test_one_child_more_than_a_cell_needs_the_next_column(young, old, staff):
    ages = group(young, old)
    result = rules.check("bso", ages, staff)
    assert not result.allowed
    assert result.max_children < len(ages)


@pytest.mark.parametrize(("young", "old", "group_max"), [(21, 0, 20), (0, 31, 30), (15, 8, 22)])
def test_basisgroep_maximum_per_row_whatever_the_staff(young, old, group_max):
    result = rules.check("bso", group(young, old), 5)
    assert not result.allowed
    assert "group_too_large" in result.codes
    assert result.required_staff is None
    assert result.max_children == group_max


def test_a_pure_4_to_7_group_is_no_longer_capped_at_30_but_at_20():
    assert rules.check("bso", group(20, 0), 2).allowed
    assert rules.check("bso", group(21, 0), 3).codes == ["group_too_large"]


def test_a_mixed_group_is_capped_at_22():
    assert rules.check("bso", group(10, 12), 2).allowed
    assert rules.check("bso", group(10, 13), 3).codes == ["group_too_large"]


# Footnotes 1 and 2: the limits on younger children in a mixed group.
@pytest.mark.parametrize(("young", "old", "required"), [
    (9, 1, 1),     # 10 children, 9 of them younger: one staff (footnote 1)
    (10, 1, 2),    # 11 children, 10 younger: footnote 1 broken, the 2-staff cell (at most 18) holds
    (9, 2, 1),     # the full first cell
    (18, 1, 2),    # 19 children, 18 younger: footnote 2 holds
    (18, 4, 2),    # the full second cell
])
def test_younger_children_in_a_mixed_group(young, old, required):
    result = rules.check("bso", group(young, old), required)
    assert result.allowed, result.violations
    assert result.required_staff == required


def test_more_than_18_younger_children_in_a_mixed_group_is_never_allowed():
    result = rules.check("bso", group(19, 1), 4)
    assert not result.allowed
    assert result.codes == ["too_many_young"]
    assert result.required_staff is None
    assert "at most 18 children of 4 to 7" in result.violations[0].message


def test_ten_younger_children_with_one_older_need_two_staff():
    result = rules.check("bso", group(10, 1), 1)
    assert result.codes == ["not_enough_staff"]
    assert result.required_staff == 2
    assert result.max_children == 0  # no 1-staff cell holds 10 younger children in a mixed group


@pytest.mark.parametrize(("ages", "label", "per_staff"), [
    ([4, 5, 6], "4-7", 10), ([7, 8, 12], "7-13", 12), ([4, 7], "4-13", 11), ([6, 12], "4-13", 11),
    ([12], "7-13", 12), ([4], "4-7", 10),
])
def test_row_is_chosen_by_youngest_and_oldest(ages, label, per_staff):
    row = rules.bso_row(ages)
    assert (row.label, row.per_staff) == (label, per_staff)


def test_no_children_need_no_staff():
    result = rules.check("bso", [], 0)
    assert result.allowed
    assert result.required_staff == 0


@pytest.mark.parametrize("age", [3, 13, -1])
def test_ages_outside_after_school_care_are_refused(age):
    with pytest.raises(ValueError):
        rules.check("bso", [age], 1)
