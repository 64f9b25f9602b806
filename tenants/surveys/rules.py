"""Rules of satisfaction surveys as plain functions, without Django.

Seed 004: partnership is made visible and measurable with parent satisfaction surveys and reflection per
location and across the cooperative. Results are only shown from MIN_RESPONSES responses on, so that no
answer can be traced back to a family; scores are on a 1–5 scale.
"""
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal


def gettext_noop(message: str) -> str:
    """Marks a text for translation (the service translates it for the reader)."""
    return message

MIN_RESPONSES = 5
SCALE = (1, 2, 3, 4, 5)
SCALE_QUESTION = "scale"
OPEN_QUESTION = "text"
MAX_QUESTIONS = 20
MAX_TEXT_ANSWER = 2000


def is_open(opens_on: date, closes_on: date | None, today: date) -> bool:
    return opens_on <= today and (closes_on is None or today <= closes_on)


def may_show(responses: int) -> bool:
    """Results (scores and open answers) are shown only from MIN_RESPONSES responses on."""
    return responses >= MIN_RESPONSES


def average(counts: dict[int, int]) -> Decimal | None:
    """Mean score from {score: number of answers}, rounded half up to one decimal; None without answers."""
    answers = sum(counts.get(s, 0) for s in SCALE)
    if not answers:
        return None
    total = sum(s * counts.get(s, 0) for s in SCALE)
    return (Decimal(total) / Decimal(answers)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def question_errors(questions: list[dict]) -> list[str]:
    """Problems with a survey's questions ({"text", "kind"} each)."""
    errors = []
    if not questions:
        errors.append(gettext_noop("Add at least one question."))
    if len(questions) > MAX_QUESTIONS:
        errors.append(gettext_noop("At most 20 questions."))
    for question in questions:
        if not (question.get("text") or "").strip():
            errors.append(gettext_noop("A question has no text."))
            break
        if question.get("kind") not in (SCALE_QUESTION, OPEN_QUESTION):
            errors.append(gettext_noop("A question has an unknown kind."))
            break
    return errors


def questions_from_lines(scale_lines: str, open_question: str = "") -> list[dict]:
    questions = [{"text": line.strip(), "kind": SCALE_QUESTION} for line in (scale_lines or "").splitlines()
                 if line.strip()]
    if (open_question or "").strip():
        questions.append({"text": open_question.strip(), "kind": OPEN_QUESTION})
    return questions


def answer_errors(questions: list[dict], answers: dict[int, object]) -> dict[str, str]:
    """{field: message} for the answers to `questions` (positions 0…n-1): every scale question needs 1–5;
    an open question may stay empty."""
    errors = {}
    for position, question in enumerate(questions):
        value = answers.get(position)
        if question["kind"] == SCALE_QUESTION:
            if value in (None, ""):
                errors[f"q{position}"] = gettext_noop("Choose a score from 1 to 5.")
            elif not str(value).isdigit() or int(value) not in SCALE:
                errors[f"q{position}"] = gettext_noop("Choose a score from 1 to 5.")
        elif len(str(value or "")) > MAX_TEXT_ANSWER:
            errors[f"q{position}"] = gettext_noop("At most 2000 characters.")
    return errors


@dataclass(frozen=True)
class GroupResult:
    """The results of one group of responses (a location, or a kind of location)."""

    label: str
    responses: int
    scores: tuple  # ((question position, average or None, answers), ...)

    @property
    def shown(self) -> bool:
        return may_show(self.responses)


def combine(label: str, responses: int, counts_by_question: dict[int, dict[int, int]]) -> GroupResult:
    """One group's results; the scores are left out when there are fewer than MIN_RESPONSES responses."""
    if not may_show(responses):
        return GroupResult(label, responses, ())
    scores = tuple((position, average(counts), sum(counts.values()))
                   for position, counts in sorted(counts_by_question.items()))
    return GroupResult(label, responses, scores)
