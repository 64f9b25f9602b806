"""After-school care (BSO): 4-7 one staff per 10, 7-13 one per 12, mixed 4-13 one per 11; basisgroep at most 30."""
import pytest

from tenants.ratios import rules

# (ages present, staff, most children with that staff, row label)
ROWS = [
    ([4, 6], 1, 10, "4-7"), ([4, 6], 2, 20, "4-7"), ([4, 6], 3, 30, "4-7"),
    ([7, 12], 1, 12, "7-13"), ([7, 12], 2, 24, "7-13"), ([7, 12], 3, 30, "7-13"),
    ([4, 12], 1, 11, "4-13"), ([6, 7], 2, 22, "4-13"), ([4, 12], 3, 30, "4-13"),
]


@pytest.mark.parametrize(("ends", "staff", "children", "label"), ROWS,
                         ids=[f"{row[3]}-staff{row[1]}" for row in ROWS])
def test_row_allows_its_children_and_no_more(ends, staff, children, label):
    ages = ends + [ends[-1]] * (children - 2)
    result = rules.check("bso", ages, staff)
    assert result.allowed, result.violations
    assert result.max_children == children
    assert result.required_staff == staff
    assert f"ages {label}" in result.rule

    assert not rules.check("bso", ages + [ends[-1]], staff).allowed


@pytest.mark.parametrize(("ages", "per_staff"), [
    ([4, 5, 6], 10), ([7, 8, 12], 12), ([4, 7], 11), ([6, 12], 11), ([12], 12), ([4], 10),
])
def test_row_is_chosen_by_youngest_and_oldest(ages, per_staff):
    assert rules.bso_row(ages).per_staff == per_staff


@pytest.mark.parametrize(("ages", "required"), [
    ([5] * 10, 1), ([5] * 11, 2), ([9] * 12, 1), ([9] * 13, 2), ([5] * 11 + [9] * 11, 2), ([5] * 12 + [9] * 11, 3),
])
def test_minimum_staff(ages, required):
    assert rules.bso_required_staff(ages) == required


def test_basisgroep_never_above_30():
    result = rules.check("bso", [9] * 31, 4)
    assert not result.allowed
    assert result.required_staff is None
    assert "group_too_large" in result.codes
    assert result.max_children == 30


def test_not_enough_staff():
    result = rules.check("bso", [5] * 11, 1)
    assert result.codes == ["not_enough_staff"]
    assert result.required_staff == 2


@pytest.mark.parametrize("age", [3, 13, -1])
def test_ages_outside_after_school_care_are_refused(age):
    with pytest.raises(ValueError):
        rules.check("bso", [age], 1)
