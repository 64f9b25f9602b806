"""A location's complaint regulation (klachtenregeling), its complaint register, the handling steps, the
letters sent and the annual report (klachtenjaarverslag). All in the location's own schema."""
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.fields import person
from tenants.complaints import rules

DEFAULT_ACKNOWLEDGEMENT_LETTER = _(
    "Dear parent,\n\n"
    "We received your complaint of $received_on (reference $reference) about: $subject.\n"
    "We will look into it carefully and send you our written judgement no later than $deadline.\n\n"
    "Kind regards,\n$location"
)
DEFAULT_JUDGEMENT_LETTER = _(
    "Dear parent,\n\n"
    "On $received_on you filed a complaint (reference $reference) about: $subject.\n"
    "Our judgement:\n$judgement\n\n"
    "Measures we take:\n$measures\n\n"
    "Not satisfied with this judgement? $second_instance\n"
    "You can also turn to:\n$external_bodies\n\n"
    "Kind regards,\n$location"
)


class Subject(models.TextChoices):
    CONDUCT = rules.CONDUCT, _("conduct of the owner, a staff member or someone working for the owner, "
                               "towards you or your child")
    METHOD = rules.METHOD, _("a working method or rule of the location")
    AGREEMENT = rules.AGREEMENT, _("the agreement between you and the location")


class Regulation(models.Model):
    """The internal complaint regulation; one row per location (pk 1)."""

    subjects = ArrayField(models.CharField(max_length=20, choices=Subject.choices), verbose_name=_("subjects"),
                          default=list)
    judgement_days = models.PositiveSmallIntegerField(
        _("days for the written judgement"), help_text=_("The Netherlands: at most 42 days (six weeks)."))
    acknowledge = models.BooleanField(_("send an acknowledgement letter"), default=False)
    acknowledgement_days = models.PositiveSmallIntegerField(_("days for the acknowledgement"), default=5)
    second_instance = models.CharField(
        _("second instance"), max_length=200, blank=True,
        help_text=_("Who the parent may turn to when the complaint is not resolved, e.g. the general director."))
    external_bodies = models.JSONField(_("external bodies"), default=list, blank=True)
    introduction = models.TextField(_("introduction"), blank=True)
    acknowledgement_letter = models.TextField(_("acknowledgement letter template"), blank=True)
    judgement_letter = models.TextField(_("judgement letter template"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("complaint regulation")

    def __str__(self):
        return str(_("Complaint regulation"))

    def subject_labels(self) -> list[str]:
        return [str(Subject(s).label) for s in self.subjects if s in Subject.values]


class Complaint(models.Model):
    class Status(models.TextChoices):
        RECEIVED = rules.RECEIVED, _("received")
        ACKNOWLEDGED = rules.ACKNOWLEDGED, _("acknowledged")
        INVESTIGATING = rules.INVESTIGATING, _("under investigation")
        JUDGED = rules.JUDGED, _("judgement sent")
        CLOSED = rules.CLOSED, _("closed")
        ESCALATED = rules.ESCALATED, _("escalated externally")

    class Channel(models.TextChoices):
        PORTAL = "portal", _("parent portal")
        PAPER = "paper", _("on paper")
        PHONE = "phone", _("by phone")
        EMAIL = "email", _("by e-mail")
        IN_PERSON = "in_person", _("in person")

    class Outcome(models.TextChoices):
        FOUNDED = rules.FOUNDED, _("founded")
        PARTLY_FOUNDED = rules.PARTLY_FOUNDED, _("partly founded")
        UNFOUNDED = rules.UNFOUNDED, _("unfounded")
        RESOLVED = rules.RESOLVED, _("resolved together")

    reference = models.CharField(_("reference"), max_length=20, unique=True)
    subject = models.CharField(_("subject"), max_length=20, choices=Subject.choices)
    child = models.ForeignKey("children.Child", on_delete=models.SET_NULL, null=True, blank=True,
                              related_name="+", verbose_name=_("child"))
    complainant = person(models.SET_NULL, null=True, blank=True,
                         related_name="+", verbose_name=_("parent"))
    complainant_name = models.CharField(_("name of the parent"), max_length=200, blank=True)
    complainant_email = models.EmailField(_("e-mail of the parent"), blank=True)
    recorded_by = person(models.SET_NULL, null=True,
                         related_name="+")
    channel = models.CharField(_("received"), max_length=20, choices=Channel.choices, default=Channel.PORTAL)
    description = models.TextField(_("the complaint"))
    received_on = models.DateField(_("received on"))
    deadline = models.DateField(_("judgement due"))
    acknowledgement_due = models.DateField(_("acknowledgement due"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED)
    judgement = models.TextField(_("judgement"), blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    judged_on = models.DateField(_("judged on"), null=True, blank=True)
    escalated_to = models.CharField(_("escalated to"), max_length=200, blank=True)
    reminders_sent = ArrayField(models.CharField(max_length=20), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-received_on", "-pk"]
        verbose_name = _("complaint")

    def __str__(self):
        return self.reference

    @property
    def is_open(self) -> bool:
        return self.status in rules.OPEN_STATES

    @property
    def parent_email(self) -> str:
        return self.complainant.email if self.complainant_id else self.complainant_email

    @property
    def parent_name(self) -> str:
        return self.complainant.full_name if self.complainant_id else self.complainant_name


class Step(models.Model):
    """Every state change: when, by whom, and a short note."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="steps")
    status = models.CharField(_("status"), max_length=20, choices=Complaint.Status.choices)
    at = models.DateTimeField(_("at"), auto_now_add=True)
    by = person(models.SET_NULL, null=True, related_name="+")
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.complaint_id} {self.status}"


class Measure(models.Model):
    """A measure taken after a complaint, with its dates."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="measures")
    description = models.CharField(_("measure"), max_length=300)
    planned_on = models.DateField(_("planned on"))
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        ordering = ["planned_on", "pk"]

    def __str__(self):
        return self.description


def attachment_path(instance, filename):
    from django.db import connection

    return f"complaints/{connection.schema_name}/{instance.complaint_id}/{filename}"


class Attachment(models.Model):
    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, max_length=300)
    name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveIntegerField(default=0)
    uploaded_by = person(models.SET_NULL, null=True,
                         related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.name


class Letter(models.Model):
    class Kind(models.TextChoices):
        ACKNOWLEDGEMENT = "acknowledgement", _("acknowledgement")
        JUDGEMENT = "judgement", _("judgement")

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="letters")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    body = models.TextField(_("text"))
    pdf = models.BinaryField(_("PDF"))
    sent_to = models.EmailField(_("sent to"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = person(models.SET_NULL, null=True,
                        related_name="+")

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.kind} {self.complaint_id}"


class AnnualReport(models.Model):
    """The entrepreneur's part of the annual complaint report; the figures come from the register."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    reflection = models.TextField(_("reflection"), blank=True)
    discussed_on = models.DateField(_("discussed with the parent committee on"), null=True, blank=True)
    sent_to_ggd_on = models.DateField(_("sent to the GGD inspector on"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year"]

    def __str__(self):
        return str(self.year)
