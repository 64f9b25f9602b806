"""The parent portal's public-schema data: cooperative surveys with their anonymous tallies per location,
and parents' deletion requests (one per location, handled by that location's entrepreneur)."""
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CoopSurvey(models.Model):
    """A survey the cooperative sends to the parents of every location."""

    title = models.CharField(_("title"), max_length=200)
    intro = models.TextField(_("introduction"), blank=True)
    anonymous = models.BooleanField(_("anonymous answers"), default=True)
    questions = models.JSONField(_("questions"), default=list)  # [{"text", "kind"}]
    opens_on = models.DateField(_("open from"))
    closes_on = models.DateField(_("open until"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-opens_on", "-pk"]
        verbose_name = _("cooperative survey")

    def __str__(self):
        return self.title


class SurveyTally(models.Model):
    """Number of responses to a cooperative survey at one location (no person, no answer text)."""

    survey = models.ForeignKey(CoopSurvey, on_delete=models.CASCADE, related_name="tallies")
    location = models.ForeignKey("cooperative.Location", on_delete=models.CASCADE, related_name="+")
    location_kind = models.CharField(max_length=20)
    responses = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["survey", "location"], name="portal_tally_once")]

    def __str__(self):
        return f"survey {self.survey_id} at location {self.location_id}: {self.responses}"


class SurveyScoreTally(models.Model):
    """How many times each score 1–5 was given to one question of a cooperative survey at one location."""

    survey = models.ForeignKey(CoopSurvey, on_delete=models.CASCADE, related_name="score_tallies")
    location = models.ForeignKey("cooperative.Location", on_delete=models.CASCADE, related_name="+")
    location_kind = models.CharField(max_length=20)
    position = models.PositiveSmallIntegerField()
    s1 = models.PositiveIntegerField(default=0)
    s2 = models.PositiveIntegerField(default=0)
    s3 = models.PositiveIntegerField(default=0)
    s4 = models.PositiveIntegerField(default=0)
    s5 = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["survey", "location", "position"],
                                               name="portal_score_tally_once")]

    def __str__(self):
        return f"survey {self.survey_id} question {self.position} at location {self.location_id}"


class DeletionRequest(models.Model):
    """A parent asks a location to delete their and their children's data (GDPR art. 17). The entrepreneur
    handles it within the retention rules; the outcome lists per kind of data what was deleted and what is
    kept, until when and why."""

    class Status(models.TextChoices):
        OPEN = "open", _("open")
        DONE = "done", _("handled")
        REFUSED = "refused", _("not possible yet")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="deletion_requests")
    location = models.ForeignKey("cooperative.Location", on_delete=models.CASCADE, related_name="+")
    reason = models.TextField(_("reason"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    due_on = models.DateField(_("answer due on"))
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True)
    handled_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")
    note = models.TextField(_("note to the parent"), blank=True)
    #: [{"category", "action": "deleted"|"kept", "count", "until", "reason"}]
    outcome = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("deletion request")
        constraints = [models.UniqueConstraint(fields=["user", "location"], condition=models.Q(status="open"),
                                               name="portal_one_open_deletion_request")]

    def __str__(self):
        return f"deletion request {self.pk} ({self.status})"
