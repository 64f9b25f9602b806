"""Following each child (kindvolgsysteem): observations per developmental area, the periodic summary discussed
with the parents and their answers, and the parents' consent to hand it over to the next group or location."""
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.fields import person
from tenants.child_following import rules


class Area(models.TextChoices):
    WELLBEING = "wellbeing", _("wellbeing")
    INVOLVEMENT = "involvement", _("involvement")
    MOTOR = "motor", _("motor development")
    LANGUAGE = "language", _("language and communication")
    SOCIAL_EMOTIONAL = "social_emotional", _("social-emotional development")
    COGNITIVE = "cognitive", _("cognitive development")
    SELF_CARE = "self_care", _("self-care")


assert tuple(Area.values) == rules.AREAS


class Observation(models.Model):
    child = models.ForeignKey("children.Child", on_delete=models.CASCADE, related_name="observations",
                              verbose_name=_("child"))
    #: The child's group when it was written: who may read it follows from this (rules.staff_may_see).
    group = models.ForeignKey("groups.Group", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                              verbose_name=_("group"))
    area = models.CharField(_("developmental area"), max_length=20, choices=Area.choices)
    observed_on = models.DateField(_("observed on"))
    text = models.TextField(_("observation"))
    written_by = person(models.SET_NULL, null=True, related_name="+")
    written_by_name = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-observed_on", "-pk"]
        verbose_name = _("observation")

    def __str__(self):
        return f"observation {self.pk} of child {self.child_id}"


class Summary(models.Model):
    """A short periodic summary, discussed with the parents."""

    class Kind(models.TextChoices):
        TRIAL = "trial", _("evaluation after the trial period")
        YEARLY = "yearly", _("yearly evaluation")
        CARE_NEEDS = "care_needs", _("care-needs conversation (inclusive care)")

    child = models.ForeignKey("children.Child", on_delete=models.CASCADE, related_name="following_summaries",
                              verbose_name=_("child"))
    group = models.ForeignKey("groups.Group", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                              verbose_name=_("group"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period until"))
    text = models.TextField(_("summary"))
    discussed_on = models.DateField(_("discussed with the parents on"), null=True, blank=True)
    written_by = person(models.SET_NULL, null=True, related_name="+")
    written_by_name = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-period_end", "-pk"]
        verbose_name = _("summary")
        verbose_name_plural = _("summaries")

    def __str__(self):
        return f"summary {self.pk} of child {self.child_id}"


class ParentResponse(models.Model):
    """A parent's comment on a summary and her confirmation that it was discussed with her."""

    summary = models.ForeignKey(Summary, on_delete=models.CASCADE, related_name="responses")
    user = person(models.CASCADE, related_name="+")
    user_name = models.CharField(max_length=200)
    comment = models.TextField(_("comment"), blank=True)
    confirmed_discussed = models.BooleanField(_("discussed with me"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["updated_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["summary", "user"], name="following_one_response_each")]

    def __str__(self):
        return f"response of {self.user_id} to summary {self.summary_id}"


class Consent(models.Model):
    """A parent's consent to hand the observations and summaries over to the next group or another location.
    Withdrawn consent stays on record with the moment it was withdrawn."""

    class Scope(models.TextChoices):
        NEXT_GROUP = rules.NEXT_GROUP, _("the next group at this location")
        OTHER_LOCATION = rules.OTHER_LOCATION, _("another location (an export)")

    child = models.ForeignKey("children.Child", on_delete=models.CASCADE, related_name="following_consents")
    scope = models.CharField(_("handed over to"), max_length=20, choices=Scope.choices)
    given_by = person(models.SET_NULL, null=True, related_name="+")
    given_by_name = models.CharField(max_length=200)
    given_at = models.DateTimeField(_("consent given at"), auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("consent withdrawn at"), null=True, blank=True)
    withdrawn_by_name = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-given_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["child", "scope"], condition=models.Q(withdrawn_at__isnull=True),
                                               name="following_one_active_consent")]

    def __str__(self):
        return f"consent {self.scope} for child {self.child_id}"
