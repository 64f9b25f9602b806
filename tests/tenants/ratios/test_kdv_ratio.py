"""Day care (KDV): every cell of table 1 of the Besluit kwaliteit kinderopvang, and every alternative."""
import pytest

from tenants.ratios import rules

# (youngest, oldest, staff, most children, most children of age 0 in that alternative or None)
# Written out from issue 4, independently of the table in rules.py.
TABLE_1 = [
    (0, 0, 1, 3, None), (0, 0, 2, 6, None), (0, 0, 3, 9, None), (0, 0, 4, 12, None),
    (1, 1, 1, 5, None), (1, 1, 2, 10, None), (1, 1, 3, 15, None), (1, 1, 4, 16, None),
    (2, 2, 1, 8, None), (2, 2, 2, 16, None),
    (3, 3, 1, 8, None), (3, 3, 2, 16, None),
    (0, 1, 1, 4, None), (0, 1, 2, 8, None), (0, 1, 3, 14, 8), (0, 1, 4, 16, 8),
    (0, 2, 1, 5, None), (0, 2, 2, 10, None), (0, 2, 3, 13, 8), (0, 2, 3, 14, 4), (0, 2, 3, 15, 3),
    (0, 2, 4, 16, 8),
    (0, 3, 1, 5, None), (0, 3, 2, 12, None), (0, 3, 3, 14, 8), (0, 3, 3, 15, 5), (0, 3, 3, 16, 3),
    (0, 3, 4, 16, 8),
    (1, 2, 1, 6, None), (1, 2, 2, 11, None), (1, 2, 3, 16, None),
    (1, 3, 1, 7, None), (1, 3, 2, 13, None), (1, 3, 3, 16, None),
    (2, 3, 1, 8, None), (2, 3, 2, 16, None),
]
ALTERNATIVES = [cell for cell in TABLE_1 if cell[4] is not None]


def group(youngest: int, oldest: int, size: int, age_0: int | None = None) -> list[int]:
    """`size` children whose youngest and oldest are as given, with `age_0` children of age 0."""
    if youngest == oldest:
        return [youngest] * size
    first = [0] * (age_0 or 1) if youngest == 0 else [youngest]
    return first + [oldest] * (size - len(first))


def cell_id(cell):
    youngest, oldest, staff, children, age_0 = cell
    star = f"-max{age_0}of0" if age_0 is not None else ""
    return f"ages{youngest}-{oldest}-staff{staff}-{children}{star}"


@pytest.mark.parametrize("cell", TABLE_1, ids=cell_id)
def test_cell_allows_its_children_and_no_more(cell):
    youngest, oldest, staff, children, age_0 = cell
    ages = group(youngest, oldest, children, age_0)
    assert (min(ages), max(ages), len(ages)) == (youngest, oldest, children)

    result = rules.check("kdv", ages, staff)
    assert result.allowed, result.violations
    assert result.max_children == children
    assert result.required_staff == staff
    assert f"ages {youngest}" in result.rule

    one_more = ages + [oldest]
    assert not rules.check("kdv", one_more, staff).allowed
    assert rules.kdv_max_children(one_more, staff) < len(one_more)


@pytest.mark.parametrize("cell", ALTERNATIVES, ids=cell_id)
def test_alternative_needs_its_limit_on_children_of_age_0(cell):
    youngest, oldest, staff, children, age_0 = cell
    ages = group(youngest, oldest, children, age_0 + 1)
    assert ages.count(0) == age_0 + 1 and len(ages) == children
    result = rules.check("kdv", ages, staff)
    assert not result.allowed
    assert result.max_children < children


def test_a_cell_without_star_for_fewer_babies_wins():
    # Ages 0-2 with 3 staff: 14 children of whom 4 of age 0 fit (the 14 alternative), 5 of age 0 do not.
    assert rules.kdv_max_children([0] * 4 + [2] * 10, 3) == 14
    assert rules.kdv_max_children([0] * 5 + [2] * 9, 3) == 13
    assert rules.kdv_required_staff([0] * 5 + [2] * 9) == 4


def test_row_is_chosen_by_youngest_and_oldest_present():
    assert rules.kdv_row([0, 1, 2, 3]).label() == "0-3"
    assert rules.kdv_row([3, 1, 2]).label() == "1-3"
    assert rules.kdv_row([2, 2]).label() == "2"
    # Five children of 0-3 need 1 staff (row 0-3: 1 -> 5), six need 2.
    assert rules.kdv_required_staff([0, 1, 2, 3, 3]) == 1
    assert rules.kdv_required_staff([0, 1, 2, 3, 3, 3]) == 2


def test_group_never_above_16():
    result = rules.check("kdv", [1] * 17, 5)
    assert not result.allowed
    assert result.required_staff is None
    assert result.max_children == 16
    assert "group_too_large" in result.codes


def test_group_of_only_age_0_never_above_12():
    assert rules.check("kdv", [0] * 12, 4).allowed
    result = rules.check("kdv", [0] * 13, 6)
    assert not result.allowed
    assert result.required_staff is None
    assert result.max_children == 12
    assert "group_too_large" in result.codes


def test_mixed_group_with_more_than_8_of_age_0_is_refused():
    result = rules.check("kdv", [0] * 9 + [1] * 5, 4)
    assert not result.allowed
    assert result.required_staff is None
    assert "too_many_age_0" in result.codes


def test_not_enough_staff_names_the_numbers():
    result = rules.check("kdv", [1] * 6, 1)
    assert not result.allowed
    assert result.required_staff == 2
    assert result.codes == ["not_enough_staff"]
    assert result.violations[0].message == "6 children need at least 2 staff; 1 present."


def test_more_staff_than_the_table_lists_allows_the_group_maximum():
    assert rules.kdv_max_children([2] * 3, 5) == 16
    assert rules.check("kdv", [2] * 16, 3).allowed


def test_no_children_needs_no_staff():
    result = rules.check("kdv", [], 0)
    assert result.allowed
    assert result.required_staff == 0
    assert result.max_children == 0


@pytest.mark.parametrize("ages", [[-1], [4], [1.5]])
def test_ages_outside_day_care_are_refused(ages):
    with pytest.raises(ValueError):
        rules.check("kdv", ages, 1)


def test_rules_module_has_no_django_imports():
    import ast
    import pathlib

    tree = ast.parse(pathlib.Path(rules.__file__).read_text())
    imported = [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
    imported += [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
    assert not [name for name in imported if name.startswith(("django", "rest_framework"))]
