"""Childcare contracts (opvangovereenkomst): the agreement, its versions, evaluations and settings.

A change never edits a version: it adds the next one, so the history of what was agreed and signed stays.
"""
from django.db import models
from django.utils.translation import gettext_lazy as _
from jurisdictions import policy

from accounts.fields import person
from tenants.contracts import rules


class CareType(models.TextChoices):
    KDV = "kdv", _("day care (KDV)")
    BSO = "bso", _("after-school care (BSO)")
    GASTOUDER = "gastouder", _("childminder care (gastouderopvang)")


class ScheduleType(models.TextChoices):
    WEEKLY = rules.WEEKLY, _("weekly schedule")
    ALTERNATING = rules.ALTERNATING, _("alternating two-week plan")
    FLEXIBLE = rules.FLEXIBLE, _("flexible (estimate per three months)")


class Contract(models.Model):
    class Status(models.TextChoices):
        AWAITING_SIGNATURE = "awaiting_signature", _("awaiting the parent's signature")
        ACTIVE = "active", _("signed")

    class Party(models.TextChoices):
        PARENT = rules.PARENT, _("the parent")
        LOCATION = rules.LOCATION, _("the location")

    child = models.ForeignKey("children.Child", on_delete=models.PROTECT, related_name="contracts",
                              verbose_name=_("child"))
    care_type = models.CharField(_("care type"), max_length=20, choices=CareType.choices)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=30, choices=Status.choices,
                              default=Status.AWAITING_SIGNATURE)
    notice_given_on = models.DateField(_("notice given on"), null=True, blank=True)
    notice_by = models.CharField(_("notice given by"), max_length=20, choices=Party.choices, blank=True)
    created_by = person(models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-start_date", "-pk"]
        verbose_name = _("contract")
        constraints = [
            models.CheckConstraint(condition=models.Q(end_date__isnull=True) | models.Q(end_date__gte=models.F(
                "start_date")), name="contracts_contract_period"),
        ]

    def __str__(self):
        return f"contract {self.pk} ({self.care_type}, from {self.start_date})"

    @property
    def current_version(self) -> "ContractVersion | None":
        return self.versions.order_by("-number").first()

    @property
    def signed_version(self) -> "ContractVersion | None":
        return self.versions.filter(signed_at__isnull=False).order_by("-number").first()


class ContractVersion(models.Model):
    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    effective_from = models.DateField(_("takes effect on"))
    group = models.ForeignKey("groups.Group", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                              verbose_name=_("group"))
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    schedule_type = models.CharField(_("schedule"), max_length=20, choices=ScheduleType.choices)
    schedule = models.JSONField(_("care days"), default=list, blank=True)
    estimated_hours_per_quarter = models.DecimalField(_("estimated hours per three months"), max_digits=6,
                                                      decimal_places=1, null=True, blank=True)
    is_reduction = models.BooleanField(_("reduces the care days"), default=False)
    requested_on = models.DateField(_("requested on"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_by = person(models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    document = models.BinaryField(_("contract PDF"))
    document_sha256 = models.CharField(_("SHA-256 of the contract PDF"), max_length=64)
    signed_at = models.DateTimeField(_("signed at"), null=True, blank=True)
    signed_name = models.CharField(_("signed with the name"), max_length=200, blank=True)
    signed_ip = models.GenericIPAddressField(_("signed from IP address"), null=True, blank=True)
    signed_by = person(models.SET_NULL, null=True, blank=True,
                       related_name="+")
    signed_document = models.BinaryField(_("signed contract PDF"), null=True, blank=True)
    signed_document_sha256 = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["contract", "number"]
        verbose_name = _("contract version")
        constraints = [models.UniqueConstraint(fields=["contract", "number"], name="contracts_version_number")]

    def __str__(self):
        return f"contract {self.contract_id} v{self.number}"

    @property
    def weeks(self) -> list[list[rules.CareDay]]:
        weeks, _errors = rules.parse_schedule(self.schedule_type, self.schedule)
        return weeks


class EvaluationTask(models.Model):
    """An evaluation with the parent: after the 6-week trial period, then yearly. Created by a beat job."""

    class Kind(models.TextChoices):
        TRIAL = "trial", _("evaluation of the trial period")
        YEARLY = "yearly", _("yearly evaluation")

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="evaluations")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    due_date = models.DateField(_("due date"))
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    done_by = person(models.SET_NULL, null=True, blank=True,
                     related_name="+")
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("evaluation task")
        constraints = [models.UniqueConstraint(fields=["contract", "kind", "due_date"],
                                               name="contracts_evaluation_once")]

    def __str__(self):
        return f"{self.kind} evaluation of contract {self.contract_id} on {self.due_date}"


class ContractSettings(models.Model):
    """Per location: the Flemish care-plan rules (on by default for Flemish locations)."""

    flemish_rules = models.BooleanField(_("apply the Flemish care-plan rules"), null=True, blank=True,
                                        help_text=_("Empty: on for Flemish locations, off for Dutch ones."))
    min_care_days = models.PositiveSmallIntegerField(_("minimum care days per plan"), default=2)
    max_reductions_total = models.PositiveSmallIntegerField(_("reductions in the whole care period"), default=2)
    max_reductions_per_year = models.PositiveSmallIntegerField(_("reductions per calendar year"), default=1)
    reduction_notice_months = models.PositiveSmallIntegerField(_("months' notice for a reduction"), default=3)

    class Meta:
        verbose_name = _("contract settings")

    def __str__(self):
        return "contract settings"

    @classmethod
    def load(cls) -> "ContractSettings":
        return cls.objects.filter(pk=1).first() or cls(pk=1)

    def applies_flemish_rules(self, jurisdiction: str) -> bool:
        """The location's own choice, else its jurisdiction's default (on in Flanders)."""
        return self.flemish_rules if self.flemish_rules is not None else policy(jurisdiction).care_plan_rules

    def flemish(self) -> rules.FlemishRules:
        return rules.FlemishRules(self.min_care_days, self.max_reductions_total, self.max_reductions_per_year,
                                  self.reduction_notice_months)


class ChangeRequest(models.Model):
    """A parent's wish to change a contract: a new schedule from a date, the end of the contract, or another
    wish in words. The entrepreneur answers; accepting a new schedule makes the next contract version (which
    the parent then signs), accepting an end records the parent's notice."""

    class Kind(models.TextChoices):
        SCHEDULE = rules.CHANGE_SCHEDULE, _("a new schedule")
        END = rules.CHANGE_END, _("end the contract")
        OTHER = rules.CHANGE_OTHER, _("another wish")

    class Status(models.TextChoices):
        OPEN = "open", _("waiting for an answer")
        ACCEPTED = "accepted", _("accepted")
        REFUSED = "refused", _("refused")
        CANCELLED = "cancelled", _("cancelled")

    contract = models.ForeignKey(Contract, on_delete=models.CASCADE, related_name="change_requests",
                                 verbose_name=_("contract"))
    kind = models.CharField(_("what the parent asks"), max_length=10, choices=Kind.choices)
    effective_from = models.DateField(_("new schedule from"), null=True, blank=True)
    schedule_type = models.CharField(_("schedule"), max_length=20, choices=ScheduleType.choices, blank=True)
    schedule = models.JSONField(_("care days"), default=list, blank=True)
    estimated_hours_per_quarter = models.DecimalField(_("estimated hours per three months"), max_digits=6,
                                                      decimal_places=1, null=True, blank=True)
    end_date = models.DateField(_("last day of care"), null=True, blank=True)
    message = models.TextField(_("message"), blank=True)
    requested_by = person(models.SET_NULL, null=True,
                          related_name="+", verbose_name=_("requested by"))
    requested_at = models.DateTimeField(_("requested at"))
    requested_on = models.DateField(_("requested on"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    answer = models.TextField(_("answer"), blank=True)
    answered_by = person(models.SET_NULL, null=True, blank=True,
                         related_name="+", verbose_name=_("answered by"))
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    #: The contract version made when a new schedule was accepted.
    version = models.ForeignKey(ContractVersion, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
                                verbose_name=_("new contract version"))

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("contract change request")
        verbose_name_plural = _("contract change requests")
        constraints = [
            models.UniqueConstraint(fields=["contract"], condition=models.Q(status="open"),
                                    name="contracts_one_open_change_request"),
        ]

    def __str__(self):
        return f"change request {self.pk} of contract {self.contract_id} ({self.status})"

    @property
    def weeks(self) -> list[list[rules.CareDay]]:
        weeks, _errors = rules.parse_schedule(self.schedule_type, self.schedule)
        return weeks
