"""Play space: at least 3.5 m2 per child present."""
import pytest

from tenants.ratios import rules


@pytest.mark.parametrize(("children", "area", "allowed"), [
    (10, 35, True), (10, 34.9, False), (1, 3.5, True), (1, 3.4, False), (16, 56, True), (16, 55.5, False),
    (0, 0, True),
])
def test_play_space_per_child(children, area, allowed):
    result = rules.check("kdv", [2] * children, 2, play_space_m2=area)
    assert result.allowed is allowed
    assert ("play_space_too_small" in result.codes) is (not allowed)


def test_message_names_what_is_needed():
    result = rules.check("kdv", [2] * 10, 2, play_space_m2=30)
    (item,) = result.violations
    assert item.message == "10 children need at least 35 m² of play space; 30 m² is available."


def test_max_children_is_limited_by_the_space():
    assert rules.check("kdv", [2] * 4, 2, play_space_m2=40).max_children == 11
    assert rules.check("kdv", [2] * 4, 2).max_children == 16
    assert rules.play_space_max_children(35) == 10
    assert rules.play_space_max_children(34.99) == 9


def test_space_is_not_checked_when_unknown():
    assert rules.check("bso", [5] * 10, 1, play_space_m2=None).allowed


def test_childminder_counts_own_children_under_10():
    assert not rules.check("gastouder", [4, 5], 1, own_children_ages=[6], play_space_m2=10).allowed
    assert rules.check("gastouder", [4, 5], 1, own_children_ages=[11], play_space_m2=7).allowed
