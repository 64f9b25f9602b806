"""The complaint rules as tables: deadlines, reminders, timeliness, report states, transitions."""
from datetime import date

import pytest

from tenants.complaints import rules

D = date(2026, 3, 2)


@pytest.mark.parametrize(("received", "days", "deadline"), [
    (D, 42, date(2026, 4, 13)),  # six weeks
    (D, 30, date(2026, 4, 1)),  # the Flemish 30 days
    (date(2026, 12, 20), 42, date(2027, 1, 31)),
])
def test_judgement_deadline(received, days, deadline):
    assert rules.judgement_deadline(received, days) == deadline


@pytest.mark.parametrize(("ack", "days", "due"), [(True, 5, date(2026, 3, 7)), (False, 5, None)])
def test_acknowledgement_due(ack, days, due):
    assert rules.acknowledgement_due(D, ack, days) == due


DEADLINE = date(2026, 4, 13)


@pytest.mark.parametrize(("today", "judged", "sent", "expected"), [
    (date(2026, 4, 5), False, set(), []),  # more than a week ahead
    (date(2026, 4, 6), False, set(), ["week_before"]),  # exactly a week before
    (date(2026, 4, 10), False, {"week_before"}, []),  # sent already
    (date(2026, 4, 13), False, {"week_before"}, ["on_deadline"]),
    (date(2026, 4, 13), False, set(), ["on_deadline"]),  # no week-before reminder once the deadline is here
    (date(2026, 4, 14), False, {"week_before", "on_deadline"}, ["parent_overdue"]),
    (date(2026, 4, 20), False, set(), ["on_deadline", "parent_overdue"]),  # the job was down: late, not lost
    (date(2026, 4, 20), False, {"week_before", "on_deadline", "parent_overdue"}, []),
    (date(2026, 4, 10), True, set(), []),  # judged: nothing
])
def test_due_reminders(today, judged, sent, expected):
    assert rules.due_reminders(DEADLINE, today, judged, sent) == expected


@pytest.mark.parametrize(("judged_on", "today", "expected"), [
    (date(2026, 4, 13), date(2026, 5, 1), True),
    (date(2026, 4, 14), date(2026, 5, 1), False),
    (None, date(2026, 4, 13), None),
    (None, date(2026, 4, 14), False),
])
def test_on_time(judged_on, today, expected):
    assert rules.on_time(DEADLINE, judged_on, today) is expected


@pytest.mark.parametrize(("sent", "today", "state"), [
    (date(2026, 5, 20), date(2026, 7, 1), "sent"),
    (date(2026, 6, 1), date(2026, 7, 1), "sent"),
    (date(2026, 6, 2), date(2026, 7, 1), "late"),
    (None, date(2026, 6, 2), "missing"),
    (None, date(2026, 3, 1), "pending"),
])
def test_report_state_for_2025(sent, today, state):
    assert rules.report_state(2025, sent, today) == state


@pytest.mark.parametrize(("current", "new", "ok"), [
    ("received", "acknowledged", True), ("received", "judged", True), ("acknowledged", "investigating", True),
    ("investigating", "judged", True), ("judged", "closed", True), ("closed", "escalated", True),
    ("received", "closed", False), ("judged", "investigating", False), ("escalated", "closed", False),
    ("closed", "judged", False),
])
def test_transitions(current, new, ok):
    assert rules.may_move(current, new) is ok


BODIES = [{"name": "Geschillencommissie Kinderopvang"}]


@pytest.mark.parametrize(("jurisdiction", "fields", "errors"), [
    ("NL", {"judgement_days": 42}, {}),
    ("NL", {"judgement_days": 43}, {"judgement_days": "days_too_many"}),
    ("BE-VLG", {"judgement_days": 60}, {}),
    ("NL", {"judgement_days": 0}, {"judgement_days": "days_missing"}),
    ("NL", {"subjects": ["method"]}, {"subjects": "all_subjects_required"}),
    ("BE-VLG", {"subjects": ["method"]}, {}),
    ("NL", {"subjects": []}, {"subjects": "no_subjects"}),
    ("NL", {"acknowledge": True, "acknowledgement_days": 20}, {"acknowledgement_days": "ack_days"}),
    ("NL", {"acknowledge": True, "acknowledgement_days": 10, "judgement_days": 10},
     {"acknowledgement_days": "ack_after_deadline"}),
    ("NL", {"external_bodies": []}, {"external_bodies": "no_bodies"}),
    ("NL", {"external_bodies": [{"name": " "}]}, {"external_bodies": "body_name"}),
])
def test_regulation_errors(jurisdiction, fields, errors):
    values = {"subjects": list(rules.SUBJECTS), "judgement_days": 42, "acknowledge": False,
              "acknowledgement_days": 5, "external_bodies": BODIES, **fields}
    assert rules.regulation_errors(jurisdiction, **values) == errors


def test_defaults_per_jurisdiction():
    nl, be = rules.default_regulation("NL"), rules.default_regulation("BE-VLG")
    assert (nl["judgement_days"], nl["acknowledge"]) == (42, False)
    assert (be["judgement_days"], be["acknowledge"], be["second_instance"]) == (30, True, "de algemeen directeur")
    assert [b["name"] for b in nl["external_bodies"]] == ["Klachtenloket Kinderopvang",
                                                          "Geschillencommissie Kinderopvang"]
    assert be["external_bodies"][0]["email"] == "klachtendienst@kindengezin.be"


@pytest.mark.parametrize(("text", "names", "expected"), [
    ("Mail me at eva.jansen@example.nl", set(), "Mail me at […]"),
    ("Bel 06 12345678 graag", set(), "Bel […] graag"),
    ("Mila had a fall, said Eva Jansen", {"Mila", "Eva Jansen", "Eva", "Jansen"}, "[…] had a fall, said […]"),
    ("Milano is a city", {"Mila"}, "Milano is a city"),  # whole words only
    ("", {"Mila"}, ""),
])
def test_redact(text, names, expected):
    assert rules.redact(text, names) == expected


def test_letter_placeholders_fill_and_unknown_ones_stay():
    values = rules.LetterValues(location="Kikker", reference="2026-001", received_on="2 March 2026",
                                deadline="13 April 2026", subject="the agreement", today="3 March 2026")
    assert rules.render_letter("$reference by $deadline ($nonsense)", values) == "2026-001 by 13 April 2026 ($nonsense)"
