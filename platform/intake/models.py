"""Care requests (aanmeldingen) and waiting lists (wachtlijsten), in the public schema.

One request of a parent can reach several locations (seed 002): the request itself (`CareRequest`) holds what
the parent told once; each location it went to has its own place on that location's list (`ListEntry`), with
the facts that depend on the location (a brother or sister there, a parent working there) and that location's
offer and answer. A location sees a request only through its own entry (intake.selectors): an entrepreneur of
A sees nothing of a request that went only to B. Proofs are stored in the database, never under the public
media, and are deleted with the request.
"""
from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from intake import rules


class CareKind(models.TextChoices):
    KDV = "kdv", _("day care (KDV)")
    BSO = "bso", _("after-school care (BSO)")
    GASTOUDER = "gastouder", _("childminder care (gastouderopvang)")


class UrgentReason(models.TextChoices):
    NONE = "", _("no urgent need")
    FOUND_WORK = "found_work", _("I did not work and suddenly found work, without care in my family or network")
    STARTED_TRAINING = "started_training", _("I did not work and suddenly start a training, without care in my "
                                             "family or network")
    CRISIS = "crisis", _("an acute crisis in our family makes care necessary")
    LOST_CARE = "lost_care", _("we can no longer, against our will, use the care we had")


class Rule(models.TextChoices):
    SPECIAL_CARE = rules.SPECIAL_CARE, _("special care needs")
    WORKS = rules.WORKS, _("the family works or trains for work at least 4/5")
    FOSTER = rules.FOSTER, _("foster child")
    SIBLINGS = rules.SIBLINGS, _("brother or sister here at the same time")
    STAFF = rules.STAFF, _("child of a staff member")
    NEARBY = rules.NEARBY, _("lives nearby")
    URGENT = rules.URGENT, _("urgent need within a month")
    REQUEST_DATE = rules.REQUEST_DATE, _("request date")


class CareRequest(models.Model):
    """What a parent asks once, for one child, of one or more locations."""

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("e-mail address not confirmed yet")
        OPEN = "open", _("on the waiting list")
        PLACED = "placed", _("placed")
        WITHDRAWN = "withdrawn", _("withdrawn")
        ENDED = "ended", _("ended without a place")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="care_requests")
    email = models.EmailField(_("e-mail address"))
    parent_name = models.CharField(_("your name"), max_length=200)
    phone = models.CharField(_("phone number"), max_length=30, blank=True)
    child_first_name = models.CharField(_("child's first name"), max_length=100, blank=True)
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=12)
    city = models.CharField(_("municipality"), max_length=100)
    care_kind = models.CharField(_("kind of care"), max_length=20, choices=CareKind.choices)
    days = ArrayField(models.PositiveSmallIntegerField(), verbose_name=_("days"), default=list)
    start_date = models.DateField(_("wanted start date"))
    special_care = models.BooleanField(_("my child has special care needs"), default=False)
    works = models.BooleanField(_("our family works or follows a training for work at least 4/5 on average"),
                                default=False)
    foster = models.BooleanField(_("it is a foster child"), default=False)
    urgent_reason = models.CharField(_("urgent need"), max_length=20, choices=UrgentReason.choices, blank=True)
    campaign = models.CharField(_("campaign"), max_length=40, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.UNCONFIRMED)
    created_at = models.DateTimeField(_("requested at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)

    #: A request whose entries may stand on lists: open, or placed with entries the parent chose to keep.
    LISTED = (Status.OPEN, Status.PLACED)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("care request")
        indexes = [models.Index(fields=["status", "ended_at"], name="intake_request_status")]

    def __str__(self):
        return f"care request {self.pk}"

    @property
    def expected(self) -> bool:
        return self.birth_date is None and self.due_date is not None

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN


class ListEntry(models.Model):
    """A request on one location's waiting list: its own facts, the location's offer and the parent's answer."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("waiting")
        OFFERED = "offered", _("place offered")
        PLACED = "placed", _("placed")
        PLACED_ELSEWHERE = "placed_elsewhere", _("placed elsewhere")
        DECLINED = "declined", _("offer declined")
        LAPSED = "lapsed", _("offer not answered in time")
        WITHDRAWN = "withdrawn", _("withdrawn")

    ON_LIST = (Status.WAITING, Status.OFFERED)

    request = models.ForeignKey(CareRequest, on_delete=models.CASCADE, related_name="entries")
    location = models.ForeignKey("cooperative.Location", on_delete=models.CASCADE, related_name="+")
    siblings = models.BooleanField(_("a brother or sister goes here at the same time"), default=False)
    staff = models.BooleanField(_("a parent works here"), default=False)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.WAITING)
    offered_at = models.DateTimeField(_("offered at"), null=True, blank=True)
    offer_start = models.DateField(_("offered start date"), null=True, blank=True)
    offer_days = ArrayField(models.PositiveSmallIntegerField(), verbose_name=_("offered days"), default=list,
                            blank=True)
    offer_deadline = models.DateField(_("answer before"), null=True, blank=True)
    offer_group_id = models.PositiveIntegerField(null=True, blank=True)
    offer_note = models.CharField(_("note"), max_length=300, blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    intake_on = models.DateField(_("intake meeting"), null=True, blank=True)
    settling_in = ArrayField(models.DateField(), verbose_name=_("settling-in days"), default=list, blank=True)
    child_id = models.PositiveIntegerField(null=True, blank=True)
    contract_id = models.PositiveIntegerField(null=True, blank=True)
    #: After a place elsewhere: None until the parent says whether to keep this request.
    kept_after_placement = models.BooleanField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["request", "location__name"]
        verbose_name = _("waiting-list entry")
        constraints = [models.UniqueConstraint(fields=["request", "location"], name="intake_one_entry_per_location")]

    def __str__(self):
        return f"entry {self.pk} ({self.status})"

    @property
    def on_list(self) -> bool:
        return self.status in self.ON_LIST


class ListSettings(models.Model):
    """A location's chosen priority rules, in its order (the request date always comes last)."""

    location = models.OneToOneField("cooperative.Location", on_delete=models.CASCADE, related_name="+")
    order = models.JSONField(_("priority rules"), default=list)
    offer_days = models.PositiveSmallIntegerField(_("days a parent has to answer an offer"),
                                                  default=rules.OFFER_ANSWER_DAYS)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("waiting-list settings")

    def __str__(self):
        return f"waiting-list settings of {self.location_id}"


class Proof(models.Model):
    """Proof the priority rules ask for (an employer's statement, a foster care certificate, a household
    composition certificate), stored in the database: never public, deleted with the request."""

    class Kind(models.TextChoices):
        EMPLOYER = "employer", _("employer's statement or training certificate")
        FOSTER = "foster", _("foster care certificate")
        HOUSEHOLD = "household", _("household composition certificate")
        CARE_NEEDS = "care_needs", _("statement of special care needs")
        OTHER = "other", _("other proof")

    request = models.ForeignKey(CareRequest, on_delete=models.CASCADE, related_name="proofs")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    file_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(max_length=100)
    content = models.BinaryField()
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("proof")

    def __str__(self):
        return f"proof {self.pk} ({self.kind})"


class YearFigure(models.Model):
    """Counts kept for the yearly demand figures after the requests themselves are deleted (retention): one
    row per request, without anything that names a family."""

    request_id = models.PositiveIntegerField(unique=True)
    year = models.PositiveSmallIntegerField()
    location_ids = ArrayField(models.PositiveIntegerField(), default=list)
    municipality = models.CharField(max_length=100)
    age_group = models.CharField(max_length=4)
    care_kind = models.CharField(max_length=20)
    start_month = models.CharField(max_length=7)
    outcome = models.CharField(max_length=20)
    campaign = models.CharField(max_length=40, blank=True)

    class Meta:
        verbose_name = _("yearly figure")

    def __str__(self):
        return f"figure {self.request_id}"
