"""Who may see a meldcode case, as the entrepreneur of its location: the rule as a table of cases.

Source: seed 001 §8 "Meldcode Huiselijk Geweld en Kindermishandeling" (three routes; a suspicion about "een
beroepskracht of huisgenoot van de Thuishuisondernemer" is reported to the entrepreneur only "indien het
personeel betreft", and otherwise to the cooperative's pedagogue) and DESIGN §4 "Meldcode (001)": a case is never
shown to its subject, to a housemate of the subject, or to a guardian of the child when the suspicion is about
that family — also when that person is the location's entrepreneur; then only the pedagogue has it.
"""
import pytest

from safeguarding import rules

OWNER = 1  # the entrepreneur reading the case
PARTNER = 2  # a staff member who lives with her
STAFF = 3  # a staff member who does not
OTHER_PARENT = 4
CO_GUARDIAN = 5  # the other parent of the entrepreneur's child

WHO_MAY_SEE = [
    # (what, route, subject kind, subject user, guardians of the case's children, housemates of the subject or
    #  family, may the entrepreneur see it)
    ("route 1, she is a guardian of one of several children", 1, None, None, {OTHER_PARENT, OWNER, CO_GUARDIAN},
     set(), False),
    ("route 1, she is the only guardian", 1, None, None, {OWNER}, set(), False),
    ("route 1, a co-guardian of her child is the family too", 1, None, None, {CO_GUARDIAN, OWNER}, set(), False),
    ("route 1, she lives with a guardian of the child", 1, None, None, {PARTNER}, {OWNER}, False),
    ("route 1, not a guardian", 1, None, None, {OTHER_PARENT}, set(), True),
    ("route 1, no guardian known", 1, None, None, set(), set(), True),
    ("route 2 about a staff member", 2, rules.SUBJECT_STAFF, STAFF, {OTHER_PARENT}, set(), True),
    ("route 2 about a staff member, she is the child's guardian", 2, rules.SUBJECT_STAFF, STAFF, {OWNER}, set(),
     True),
    ("route 2 about the entrepreneur", 2, rules.SUBJECT_ENTREPRENEUR, OWNER, {OTHER_PARENT}, set(), False),
    ("route 2 about her housemate (free text)", 2, rules.SUBJECT_HOUSEMATE, None, {OTHER_PARENT}, set(), False),
    ("route 2 about a staff member who is her housemate", 2, rules.SUBJECT_HOUSEMATE, PARTNER, {OTHER_PARENT},
     {OWNER}, False),
    ("route 2 about a staff member who became her housemate after the report", 2, rules.SUBJECT_STAFF, PARTNER,
     {OTHER_PARENT}, {OWNER}, False),
    ("route 2 about a staff member, stored as about staff but she is the subject", 2, rules.SUBJECT_STAFF, OWNER,
     set(), set(), False),
    ("route 3, she is a guardian of one of the children involved", 3, None, None, {OTHER_PARENT, OWNER}, set(),
     False),
    ("route 3, she lives with a guardian of one of the children", 3, None, None, {PARTNER, OTHER_PARENT}, {OWNER},
     False),
    ("route 3, not a guardian", 3, None, None, {OTHER_PARENT}, set(), True),
    # The caller passes the guardians as they are when the case is read: one added after the report is in it.
    ("route 1, she became a guardian after the report", 1, None, None, {OTHER_PARENT, OWNER}, set(), False),
]


@pytest.mark.parametrize(("what", "route", "kind", "subject", "guardians", "housemates", "expected"), WHO_MAY_SEE,
                         ids=[row[0] for row in WHO_MAY_SEE])
def test_who_may_see_a_case(what, route, kind, subject, guardians, housemates, expected):
    assert rules.entrepreneur_may_see(route, kind, subject, OWNER, guardian_ids=guardians,
                                      housemate_ids=housemates) is expected, what


def test_involvement_does_not_depend_on_routing():
    """Who is involved is a fact of the case, also where routing would not give it to her anyway."""
    assert rules.involved(2, PARTNER, OWNER, guardian_ids=(), housemate_ids={OWNER}) is True
    assert rules.involved(1, None, OWNER, guardian_ids={OWNER}, housemate_ids=()) is True
    assert rules.involved(2, STAFF, OWNER, guardian_ids={OWNER}, housemate_ids=()) is False


HOUSEMATES = [
    # (people, (entrepreneur, housemate) pairs, everyone who lives with them)
    ({PARTNER}, [(OWNER, PARTNER)], {OWNER}),
    ({OWNER}, [(OWNER, PARTNER)], {PARTNER}),
    ({PARTNER}, [(OWNER, PARTNER), (OWNER, 9)], {OWNER, 9}),  # two housemates of one entrepreneur live together
    ({STAFF}, [(OWNER, PARTNER)], set()),
    ({None}, [(OWNER, PARTNER)], set()),
    ({OWNER, PARTNER}, [(OWNER, PARTNER)], {OWNER, PARTNER}),
    (set(), [], set()),
]


@pytest.mark.parametrize(("people", "pairs", "expected"), HOUSEMATES)
def test_housemates_of(people, pairs, expected):
    assert rules.housemates_of(people, pairs) == expected
