"""Survey rules (tenants.surveys.rules): averages, the minimum of 5 responses, answers, questions."""
from datetime import date
from decimal import Decimal

import pytest

from tenants.surveys import rules


@pytest.mark.parametrize("counts, expected", [
    ({}, None),
    ({5: 1}, Decimal("5.0")),
    ({4: 1, 5: 1}, Decimal("4.5")),
    ({1: 1, 2: 1, 4: 1}, Decimal("2.3")),  # 7 / 3 = 2.333…
    ({3: 1, 4: 2, 5: 2, 2: 1}, Decimal("3.8")),  # 23 / 6 = 3.8333…
    ({4: 1, 5: 3}, Decimal("4.8")),  # 4.75 rounds half up
])
def test_average_rounds_half_up_to_one_decimal(counts, expected):
    assert rules.average(counts) == expected


@pytest.mark.parametrize("responses, shown", [(0, False), (4, False), (5, True), (40, True)])
def test_results_only_from_five_responses(responses, shown):
    assert rules.may_show(responses) is shown
    result = rules.combine("KDV", responses, {0: {5: responses}})
    assert result.shown is shown
    assert bool(result.scores) is shown


def test_answers_need_a_score_for_every_scale_question():
    questions = [{"text": "Sfeer", "kind": "scale"}, {"text": "Opmerkingen", "kind": "text"}]
    assert rules.answer_errors(questions, {0: "4", 1: ""}) == {}
    assert rules.answer_errors(questions, {1: "x"}) == {"q0": "Choose a score from 1 to 5."}
    assert rules.answer_errors(questions, {0: "6"}) == {"q0": "Choose a score from 1 to 5."}
    assert rules.answer_errors(questions, {0: "3", 1: "x" * 2001}) == {"q1": "At most 2000 characters."}


def test_questions_from_lines_and_their_errors():
    questions = rules.questions_from_lines("Sfeer\n\n Contact \n", "Wat kan beter?")
    assert questions == [{"text": "Sfeer", "kind": "scale"}, {"text": "Contact", "kind": "scale"},
                         {"text": "Wat kan beter?", "kind": "text"}]
    assert rules.question_errors([]) == ["Add at least one question."]
    assert rules.question_errors(questions) == []


@pytest.mark.parametrize("opens, closes, today, expected", [
    (date(2026, 1, 1), None, date(2026, 5, 1), True),
    (date(2026, 1, 1), date(2026, 1, 31), date(2026, 1, 31), True),
    (date(2026, 1, 1), date(2026, 1, 31), date(2026, 2, 1), False),
    (date(2026, 2, 1), None, date(2026, 1, 31), False),
])
def test_is_open(opens, closes, today, expected):
    assert rules.is_open(opens, closes, today) is expected
