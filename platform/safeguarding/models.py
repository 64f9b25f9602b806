"""Meldcode cases, in the public schema so that a location's export, admin or backup never carries one.

Children live in the location's schema: a case refers to them by id and keeps their names encrypted. Every free
text and every name in a case is encrypted at rest (`crypto.EncryptedTextField`). Every read and write of a case
leaves a `CaseAuditEntry`, which can be added but never changed or deleted (here and by a database trigger).
"""
import secrets

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _

from safeguarding import rules
from safeguarding.crypto import EncryptedTextField

REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_reference() -> str:
    """A reference that says nothing about how many cases there are, e.g. MC-7KQ2-XP4D."""
    chars = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"MC-{chars[:4]}-{chars[4:]}"


class Route(models.IntegerChoices):
    HOME = rules.ROUTE_HOME, _("1 · Signs of domestic violence or child abuse")
    PROFESSIONAL = rules.ROUTE_PROFESSIONAL, _("2 · Signs of abuse, unwanted conduct or sexual abuse by a "
                                               "professional or a housemate")
    CHILDREN = rules.ROUTE_CHILDREN, _("3 · Sexually transgressive behaviour between children")


class SubjectKind(models.TextChoices):
    STAFF = rules.SUBJECT_STAFF, _("a staff member")
    ENTREPRENEUR = rules.SUBJECT_ENTREPRENEUR, _("the entrepreneur")
    HOUSEMATE = rules.SUBJECT_HOUSEMATE, _("a housemate (care at home)")


class Status(models.TextChoices):
    RECEIVED = rules.STATUS_RECEIVED, _("received")
    IN_PROGRESS = rules.STATUS_IN_PROGRESS, _("being handled")
    CLOSED = rules.STATUS_CLOSED, _("closed")


class Step(models.TextChoices):
    MAP_SIGNS = rules.MAP_SIGNS, _("Map the signs")
    CONSULT = rules.CONSULT, _("Consult a colleague, Veilig Thuis or the confidential inspector")
    TALK_PARENTS = rules.TALK_PARENTS, _("Talk with the parents")
    WEIGH = rules.WEIGH, _("Weigh the violence or abuse (assessment framework)")
    DECIDE = rules.DECIDE, _("Decide: report to Veilig Thuis and/or organise help")
    NOTIFY_INSPECTOR = rules.NOTIFY_INSPECTOR, _("Owner's duty: notify the confidential inspector")
    REPORT_POLICE = rules.REPORT_POLICE, _("Owner's duty: report to the police (reasonable suspicion of a crime)")


class Outcome(models.TextChoices):
    REPORTED = "reported", _("reported to Veilig Thuis")
    HELP = "help", _("help organised")
    REPORTED_AND_HELP = "reported_and_help", _("reported to Veilig Thuis and help organised")
    POLICE = "police", _("reported to the police")
    UNFOUNDED = "unfounded", _("concern not confirmed")
    OTHER = "other", _("other")


class Case(models.Model):
    """One meldcode case: a concern reported at a location, handled by the pedagogue."""

    reference = models.CharField(_("reference"), max_length=16, unique=True, default=new_reference, editable=False)
    location = models.ForeignKey("cooperative.Location", on_delete=models.PROTECT, related_name="+",
                                 verbose_name=_("location"))
    location_kind = models.CharField(_("kind of location"), max_length=20)  # as it was when reported, for figures
    route = models.PositiveSmallIntegerField(_("route"), choices=Route.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED)
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                 verbose_name=_("reported by"))
    reporter_role = models.CharField(_("reporter's role"), max_length=20)
    child_ids = ArrayField(models.PositiveIntegerField(), verbose_name=_("children (ids in the location)"))
    child_names = EncryptedTextField(_("children"))
    observed_on = models.DateField(_("date seen or heard"))
    observed_place = EncryptedTextField(_("place"))
    description = EncryptedTextField(_("what was seen or heard"))
    subject_kind = models.CharField(_("person concerned"), max_length=20, choices=SubjectKind.choices, blank=True)
    subject_user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="+", verbose_name=_("person concerned (account)"))
    subject_name = EncryptedTextField(_("name of the person concerned"), blank=True)
    subject_relation = EncryptedTextField(_("relation of the housemate"), blank=True)
    # Who was involved when it was reported (guardians of the children; people living with the subject or the
    # family): kept so that a guardian or housemate removed later still never sees the case.
    guardian_ids = ArrayField(models.BigIntegerField(), default=list, blank=True,
                              verbose_name=_("guardians when reported (account ids)"))
    housemate_ids = ArrayField(models.BigIntegerField(), default=list, blank=True,
                               verbose_name=_("housemates when reported (account ids)"))
    routed_to_entrepreneur = models.BooleanField(_("also to the entrepreneur"), default=False)
    crime_suspected = models.BooleanField(_("reasonable suspicion of a crime"), default=False)
    outcome = models.CharField(_("outcome"), max_length=30, choices=Outcome.choices, blank=True)
    outcome_notes = EncryptedTextField(_("closing notes"), blank=True)
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True)
    reported_on = models.DateField(_("reported on"))
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("meldcode case")
        indexes = [models.Index(fields=["location", "routed_to_entrepreneur"])]

    def __str__(self):
        return self.reference

    @property
    def is_closed(self) -> bool:
        return self.status == Status.CLOSED

    def done_steps(self) -> set[str]:
        return {entry.step for entry in self.steps.all()}


class CaseStep(models.Model):
    """A step of the reporting code as recorded by the pedagogue: date, who, notes (encrypted)."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="steps")
    step = models.CharField(_("step"), max_length=30, choices=Step.choices)
    done_on = models.DateField(_("date"))
    who = EncryptedTextField(_("who"))
    notes = EncryptedTextField(_("notes"), blank=True)
    consulted_veilig_thuis = models.BooleanField(_("Veilig Thuis consulted"), default=False)
    consulted_inspector = models.BooleanField(_("confidential inspector consulted"), default=False)
    parents_not_told = models.BooleanField(
        _("not talked with the parents, because that would endanger the child"), default=False)
    crime_suspected = models.BooleanField(_("reasonable suspicion of a crime"), default=False)
    reported_veilig_thuis = models.BooleanField(_("reported to Veilig Thuis"), default=False)
    help_organised = models.BooleanField(_("help organised"), default=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["done_on", "recorded_at"]
        verbose_name = _("step")

    def __str__(self):
        return f"{self.case_id} · {self.step}"


class ReminderSent(models.Model):
    """A deadline reminder already sent for a step of a case on a day (one a day at most)."""

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="+")
    step = models.CharField(max_length=30, choices=Step.choices)
    sent_on = models.DateField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "step", "sent_on"], name="one_reminder_a_day")]

    def __str__(self):
        return f"{self.case_id} · {self.step} · {self.sent_on}"


class Housemate(models.Model):
    """A staff member of a location who lives with its entrepreneur (her partner working in her home childcare).

    A route 2 concern about such a person goes to the pedagogue only, and no case about the one is shown to the
    other. The entrepreneur records it (or a reporter says so in a report)."""

    location = models.ForeignKey("cooperative.Location", on_delete=models.CASCADE, related_name="+")
    entrepreneur = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                     verbose_name=_("entrepreneur"))
    housemate = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                  verbose_name=_("housemate"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("housemate of the entrepreneur")
        constraints = [models.UniqueConstraint(fields=["location", "entrepreneur", "housemate"],
                                               name="one_housemate_fact")]

    def __str__(self):
        return f"{self.location_id} · {self.entrepreneur_id} · {self.housemate_id}"


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("The meldcode audit trail cannot be changed.")

    def delete(self):
        raise PermissionError("The meldcode audit trail cannot be deleted.")

    def bulk_update(self, objs, fields, batch_size=None):
        raise PermissionError("The meldcode audit trail cannot be changed.")


class CaseAuditEntry(models.Model):
    """Who read or wrote which case, when. Append-only: the application and the database refuse changes."""

    class Action(models.TextChoices):
        REPORTED = "reported", _("reported")
        LISTED = "listed", _("listed")
        VIEWED = "viewed", _("opened the case file")
        STATUS_VIEWED = "status_viewed", _("viewed the status (reporter)")
        STEP_RECORDED = "step_recorded", _("recorded a step")
        CLOSED = "closed", _("closed")
        AUDIT_VIEWED = "audit_viewed", _("viewed the audit trail")
        REFUSED = "refused", _("asked for the case and was refused (involved)")
        ROTATED = "rotated", _("re-encrypted with a new key")

    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="audit_entries")
    at = models.DateTimeField(_("when"), auto_now_add=True)
    # No foreign key: an entry outlives any account and is never touched when one is removed.
    actor_id = models.BigIntegerField(_("account"), null=True)
    actor_name = models.CharField(_("who"), max_length=200)
    actor_role = models.CharField(_("role"), max_length=30)
    action = models.CharField(_("what"), max_length=20, choices=Action.choices)
    detail = models.CharField(_("detail"), max_length=60, blank=True)  # a step name or a channel, never case text

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")

    def __str__(self):
        return f"{self.case_id} · {self.action} · {self.actor_name}"

    def save(self, *args, **kwargs):
        if self.pk is not None or kwargs.get("force_update"):
            raise PermissionError("The meldcode audit trail cannot be changed.")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("The meldcode audit trail cannot be deleted.")

    @property
    def actor_role_label(self) -> str:
        from accounts.roles import role_label

        return role_label(self.actor_role)
