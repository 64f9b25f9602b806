"""Satisfaction surveys of one location (or a cooperative survey answered at this location).

Anonymous surveys keep who answered apart from what was answered: `Participation` records that a parent
answered (so nobody answers twice), `Response` and `Answer` have random ids and only the date, never a link
to the person, so not even the order of rows joins them.
"""
import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.fields import person
from tenants.surveys import rules


class Survey(models.Model):
    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(_("introduction"), blank=True)
    anonymous = models.BooleanField(_("anonymous answers"), default=True,
                                    help_text=_("The location cannot see who gave which answer."))
    opens_on = models.DateField(_("open from"))
    closes_on = models.DateField(_("open until"), null=True, blank=True)
    #: set when this is the local copy of a cooperative survey (portal.CoopSurvey, public schema)
    coop_survey_id = models.PositiveIntegerField(null=True, blank=True, unique=True)
    created_by = person(models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-opens_on", "-pk"]
        verbose_name = _("survey")

    def __str__(self):
        return self.title

    def is_open(self, today) -> bool:
        return rules.is_open(self.opens_on, self.closes_on, today)


class Question(models.Model):
    class Kind(models.TextChoices):
        SCALE = rules.SCALE_QUESTION, _("score from 1 to 5")
        TEXT = rules.OPEN_QUESTION, _("open answer")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField()
    text = models.CharField(_("question"), max_length=300)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.SCALE)

    class Meta:
        ordering = ["survey", "position"]
        constraints = [models.UniqueConstraint(fields=["survey", "position"], name="surveys_question_position")]

    def __str__(self):
        return self.text


class Participation(models.Model):
    """That a parent answered a survey (never what)."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="participations")
    user = person(models.CASCADE, related_name="+")
    answered_on = models.DateField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["survey", "user"], name="surveys_answer_once")]

    def __str__(self):
        return f"survey {self.survey_id} answered"


class Response(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    #: only for surveys that are not anonymous
    respondent = person(models.SET_NULL, null=True, blank=True,
                        related_name="+")
    submitted_on = models.DateField()

    def __str__(self):
        return f"response to survey {self.survey_id}"


class Answer(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True)

    def __str__(self):
        return f"answer to question {self.question_id}"
