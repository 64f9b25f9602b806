"""Writes of surveys: the entrepreneur creates one; a parent answers once. Answers to a cooperative survey
also go, as counts only, into the public tallies (portal.SurveyTally / SurveyScoreTally), so that the
cooperative's results per kind of location are read in one query instead of one per location schema."""
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext as _

from accounts.models import Membership
from accounts.roles import PARENT
from tenants.surveys import rules
from tenants.surveys.models import Answer, Participation, Question, Response, Survey


def _location():
    from tenants.calendar.selectors import current_location

    return current_location()


@transaction.atomic
def create_survey(*, by, title: str, questions: list[dict], opens_on: date, closes_on: date | None = None,
                  intro: str = "", anonymous: bool = True, coop_survey_id: int | None = None) -> Survey:
    errors = {}
    if not (title or "").strip():
        errors["title"] = [_("Give a title.")]
    question_errors = rules.question_errors(questions)
    if question_errors:
        errors["questions"] = [_(m) for m in question_errors]
    if opens_on is None:
        errors["opens_on"] = [_("Give the first day.")]
    elif closes_on is not None and closes_on < opens_on:
        errors["closes_on"] = [_("The last day lies before the first day.")]
    if errors:
        raise ValidationError(errors)
    survey = Survey.objects.create(title=title.strip()[:200], intro=(intro or "").strip(), anonymous=anonymous,
                                   opens_on=opens_on, closes_on=closes_on, created_by=by,
                                   coop_survey_id=coop_survey_id)
    Question.objects.bulk_create([Question(survey=survey, position=i, text=q["text"].strip()[:300], kind=q["kind"])
                                  for i, q in enumerate(questions)])
    return survey


def local_copy(coop_survey) -> Survey:
    """The location's copy of a cooperative survey, made on first use (no loop over all locations)."""
    survey = Survey.objects.filter(coop_survey_id=coop_survey.pk).first()
    if survey is not None:
        return survey
    try:
        with transaction.atomic():
            return create_survey(by=None, title=coop_survey.title, questions=coop_survey.questions,
                                 opens_on=coop_survey.opens_on, closes_on=coop_survey.closes_on,
                                 intro=coop_survey.intro, anonymous=coop_survey.anonymous,
                                 coop_survey_id=coop_survey.pk)
    except IntegrityError:  # made at the same moment by another parent
        return Survey.objects.get(coop_survey_id=coop_survey.pk)


@transaction.atomic
def answer(survey: Survey, *, by, answers: dict[int, object], today: date) -> Response:
    """A parent of this location answers once. For an anonymous survey nothing links the answers to them."""
    location = _location()
    if not Membership.objects.filter(user=by, location=location, role=PARENT, is_active=True).exists():
        raise ValidationError({"survey": [_("Only parents of this location can answer.")]})
    if not survey.is_open(today):
        raise ValidationError({"survey": [_("This survey is closed.")]})
    questions = [{"text": q.text, "kind": q.kind, "obj": q} for q in survey.questions.all()]
    errors = rules.answer_errors(questions, answers)
    if errors:
        raise ValidationError({field: [_(message)] for field, message in errors.items()})
    try:
        with transaction.atomic():
            Participation.objects.create(survey=survey, user=by, answered_on=today)
    except IntegrityError:
        raise ValidationError({"survey": [_("You have already answered this survey.")]}) from None
    response = Response.objects.create(survey=survey, respondent=None if survey.anonymous else by,
                                       submitted_on=today)
    rows, scores = [], {}
    for position, question in enumerate(questions):
        value = answers.get(position)
        if question["kind"] == rules.SCALE_QUESTION:
            scores[position] = int(value)
            rows.append(Answer(response=response, question=question["obj"], score=int(value)))
        elif str(value or "").strip():
            rows.append(Answer(response=response, question=question["obj"], text=str(value).strip()))
    Answer.objects.bulk_create(rows)
    if survey.coop_survey_id:
        _tally(survey.coop_survey_id, location, scores)
    return response


def _tally(coop_survey_id: int, location, scores: dict[int, int]) -> None:
    """Add one response's scores to the public, anonymous tallies of the cooperative survey."""
    from portal.models import SurveyScoreTally, SurveyTally

    tally, _created = SurveyTally.objects.get_or_create(survey_id=coop_survey_id, location=location,
                                                         defaults={"location_kind": location.kind})
    SurveyTally.objects.filter(pk=tally.pk).update(responses=F("responses") + 1)
    for position, score in scores.items():
        row, _created = SurveyScoreTally.objects.get_or_create(
            survey_id=coop_survey_id, location=location, position=position,
            defaults={"location_kind": location.kind})
        SurveyScoreTally.objects.filter(pk=row.pk).update(**{f"s{score}": F(f"s{score}") + 1})


def erase_for_user(user) -> int:
    """A granted deletion request: drop the link between the person and named (not anonymous) answers."""
    return Response.objects.filter(respondent=user).update(respondent=None)
