"""Reads of surveys: which ones a parent still has to answer here, and the results for the entrepreneur
(nothing shown below rules.MIN_RESPONSES responses)."""
import random
from datetime import date

from django.db.models import Count, Q

from accounts.roles import ENTREPRENEUR, PARENT
from tenants.surveys import rules
from tenants.surveys.models import Answer, Participation, Survey


def open_coop_surveys(today: date):
    """The cooperative's surveys open today (public schema; one query whatever the number of locations)."""
    from portal.models import CoopSurvey

    return list(CoopSurvey.objects.filter(opens_on__lte=today).filter(
        Q(closes_on__isnull=True) | Q(closes_on__gte=today)))


def to_answer(user, today: date, coop_surveys=None) -> list[dict]:
    """Open surveys `user` has not answered at this location: the location's own and the cooperative's.
    Each item: {"title", "survey_id" or "coop_survey_id"}. Two queries in this schema."""
    if coop_surveys is None:
        coop_surveys = open_coop_surveys(today)
    answered = Participation.objects.filter(user=user).values_list("survey_id", "survey__coop_survey_id")
    answered_local, answered_coop = set(), set()
    for survey_id, coop_id in answered:
        answered_local.add(survey_id)
        if coop_id:
            answered_coop.add(coop_id)
    items = [{"title": s.title, "survey_id": s.pk} for s in Survey.objects.filter(
        coop_survey_id__isnull=True, opens_on__lte=today).filter(Q(closes_on__isnull=True) | Q(closes_on__gte=today))
        if s.pk not in answered_local]
    items += [{"title": s.title, "coop_survey_id": s.pk} for s in coop_surveys if s.pk not in answered_coop]
    return items


def surveys_visible_to(user, roles: set[str], today: date):
    if ENTREPRENEUR in roles:
        # An aggregate drops Meta.ordering (Django leaves it out of GROUP BY queries): order explicitly.
        return Survey.objects.annotate(response_count=Count("responses")).order_by("-opens_on", "-pk")
    if PARENT in roles:
        return Survey.objects.filter(opens_on__lte=today).filter(Q(closes_on__isnull=True) | Q(closes_on__gte=today))
    return Survey.objects.none()


def results(survey: Survey) -> dict:
    """The entrepreneur's view of a survey: counts and averages per question, open answers in random order;
    empty below the minimum number of responses."""
    responses = survey.responses.count()
    shown = rules.may_show(responses)
    questions = []
    if shown:
        for question in survey.questions.all():
            answers = Answer.objects.filter(question=question)
            if question.kind == rules.SCALE_QUESTION:
                counts = dict(answers.exclude(score__isnull=True).values_list("score").annotate(n=Count("id")))
                questions.append({"question": question, "average": rules.average(counts),
                                  "counts": [(s, counts.get(s, 0)) for s in rules.SCALE]})
            else:
                texts = [t for t in answers.exclude(text="").values_list("text", flat=True)]
                random.shuffle(texts)
                questions.append({"question": question, "texts": texts})
    return {"survey": survey, "responses": responses, "shown": shown, "minimum": rules.MIN_RESPONSES,
            "questions": questions}
