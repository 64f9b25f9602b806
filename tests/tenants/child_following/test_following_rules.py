"""The rules of following each child (tenants/child_following/rules.py): who among the staff sees an observation
(issue 19 point 8: handed over to the next group only with the parent's consent; seed 003 §5.1.2 the move to the
next group), and the checks of an observation, a summary and a parent's answer."""
from datetime import date

import pytest

from tenants.child_following import rules

# (written in group, child's group now, staff member's groups today, consent to the next group, sees it)
VISIBILITY = [
    (1, 1, {1}, False, True),  # her own group
    (1, 2, {1}, False, True),  # the child moved on; she wrote it in her group
    (1, 2, {2}, False, False),  # the new group, no consent
    (1, 2, {2}, True, True),  # the new group with consent
    (1, 2, {3}, True, False),  # a third group, consent or not
    (None, 2, {3}, False, True),  # written without a group (a location without groups)
    (1, None, {2}, True, False),  # the child has no group now
]


@pytest.mark.parametrize(("written", "now", "staff", "consent", "sees"), VISIBILITY)
def test_which_staff_see_an_observation(written, now, staff, consent, sees):
    assert rules.staff_may_see(written_in_group=written, child_group=now, staff_groups=staff,
                               next_group_consent=consent) is sees


@pytest.mark.parametrize(("child_group", "staff", "writes"), [(1, {1}, True), (1, {2}, False), (None, set(), True)])
def test_who_writes(child_group, staff, writes):
    assert rules.staff_may_write(child_group=child_group, staff_groups=staff) is writes


def test_the_areas_name_their_sources():
    assert rules.AREAS == ("wellbeing", "involvement", "motor", "language", "social_emotional", "cognitive",
                           "self_care")
    assert "seed 003 §3.2" in rules.__doc__.lower() and "issue 19" in rules.__doc__


TODAY = date(2026, 12, 4)


@pytest.mark.parametrize(("fields", "bad"), [
    ({"area": "motor", "observed_on": TODAY, "text": "Loopt los"}, set()),
    ({"area": "painting", "observed_on": TODAY, "text": "x"}, {"area"}),
    ({"area": "motor", "observed_on": date(2026, 12, 5), "text": "x"}, {"observed_on"}),
    ({"area": "motor", "observed_on": None, "text": " "}, {"observed_on", "text"}),
    ({"area": "motor", "observed_on": TODAY, "text": "x" * 4001}, {"text"}),
])
def test_observation_checks(fields, bad):
    assert set(rules.observation_errors(today=TODAY, **fields)) == bad


@pytest.mark.parametrize(("fields", "bad"), [
    ({"kind": "yearly", "period_start": date(2026, 1, 1), "period_end": date(2026, 12, 1), "text": "Goed",
      "discussed_on": date(2026, 12, 3)}, set()),
    ({"kind": "care_needs", "period_start": date(2026, 1, 1), "period_end": date(2026, 1, 1), "text": "Goed",
      "discussed_on": None}, set()),
    ({"kind": "party", "period_start": None, "period_end": None, "text": "", "discussed_on": None},
     {"kind", "period_start", "period_end", "text"}),
    ({"kind": "trial", "period_start": date(2026, 2, 1), "period_end": date(2026, 1, 1), "text": "x",
      "discussed_on": date(2026, 1, 1)}, {"period_end", "discussed_on"}),
])
def test_summary_checks(fields, bad):
    assert set(rules.summary_errors(**fields)) == bad


def test_an_answer_says_something():
    assert rules.response_errors(comment="", confirmed_discussed=True) == {}
    assert rules.response_errors(comment="Dank!", confirmed_discussed=False) == {}
    assert list(rules.response_errors(comment=" ", confirmed_discussed=False)) == ["comment"]
    assert list(rules.response_errors(comment="x" * 2001, confirmed_discussed=True)) == ["comment"]
