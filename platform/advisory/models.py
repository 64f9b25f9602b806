"""Cooperative oversight, in the public schema: visits and their checklists and reports, follow-up actions,
quality documents, GGD inspections and the reporting table behind the dashboards.

Everything here is about a location as a business; nothing refers to a child. The only figure that comes
from a location's own schema (children under contract) is kept as a number in `LocationFigures`.
"""
import uuid

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _

from advisory import rules
from advisory.texts import shown


def private_upload_to(instance, filename: str) -> str:
    """Files under MEDIA_ROOT/advisory/<kind>/ with a random name; served only through the app's views."""
    folder = type(instance).__name__.lower()
    suffix = ".pdf" if folder != "visitanswer" else ""
    return f"advisory/{folder}/{uuid.uuid4().hex}{suffix}"


class VisitType(models.TextChoices):
    PEDAGOGICAL = rules.PEDAGOGICAL, _("pedagogical quality")
    BUSINESS = rules.BUSINESS, _("business (safety and health, laws and rules, entrepreneurship)")


class Checklist(models.Model):
    """The cooperative's checklist for one visit type; a change makes a new version, old reports keep theirs."""

    visit_type = models.CharField(_("visit type"), max_length=20, choices=VisitType.choices)
    version = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=200)
    is_active = models.BooleanField(_("in use"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["visit_type", "-version"]
        verbose_name = _("checklist")
        constraints = [models.UniqueConstraint(fields=["visit_type", "version"], name="advisory_checklist_version")]

    def __str__(self):
        return f"{self.title_label} v{self.version}"

    @property
    def title_label(self) -> str:
        return shown(self.title)


class ChecklistItem(models.Model):
    checklist = models.ForeignKey(Checklist, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField(_("position"), default=0)
    section = models.CharField(_("section"), max_length=100, blank=True)
    text = models.CharField(_("question"), max_length=300)

    class Meta:
        ordering = ["checklist", "position", "pk"]
        verbose_name = _("checklist item")

    def __str__(self):
        return self.text_label

    @property
    def text_label(self) -> str:
        return shown(self.text)

    @property
    def section_label(self) -> str:
        return shown(self.section)


class Visit(models.Model):
    """One adviser visit of a location in a year: the plan, the agreed date and, once done, the report."""

    location = models.ForeignKey("cooperative.Location", on_delete=models.CASCADE, related_name="advisory_visits",
                                 verbose_name=_("location"))
    year = models.PositiveIntegerField(_("year"))
    visit_type = models.CharField(_("visit type"), max_length=20, choices=VisitType.choices)
    adviser = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="advisory_visits",
                                verbose_name=_("adviser"))
    deadline = models.DateField(_("visit by"))
    scheduled_at = models.DateTimeField(_("agreed date and time"), null=True, blank=True)
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"), default=120)
    checklist = models.ForeignKey(Checklist, on_delete=models.PROTECT, related_name="visits",
                                  verbose_name=_("checklist"))
    summary = models.TextField(_("summary of the report"), blank=True)
    completed_at = models.DateTimeField(_("report finished at"), null=True, blank=True)
    reaction = models.TextField(_("reaction of the entrepreneur"), blank=True)
    reacted_at = models.DateTimeField(null=True, blank=True)
    sequence = models.PositiveIntegerField(default=0, help_text="iCalendar SEQUENCE: raised on each new date")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["year", "location__name", "visit_type"]
        verbose_name = _("visit")
        constraints = [models.UniqueConstraint(fields=["location", "year", "visit_type"],
                                               name="advisory_one_visit_per_type_and_year")]
        indexes = [models.Index(fields=["year", "location"])]

    def __str__(self):
        return f"{self.get_visit_type_display()} {self.year} – {self.location}"

    @property
    def is_done(self) -> bool:
        return self.completed_at is not None


class VisitProposal(models.Model):
    """A date the adviser proposes; the entrepreneur accepts one, which becomes the visit's date."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="proposals")
    starts_at = models.DateTimeField(_("proposed date and time"))
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    accepted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("proposed date")

    def __str__(self):
        return f"{self.visit} – {self.starts_at:%Y-%m-%d %H:%M}"


class VisitAnswer(models.Model):
    class Answer(models.TextChoices):
        YES = rules.YES, _("yes")
        NO = rules.NO, _("no")
        PARTLY = rules.PARTLY, _("partly")
        NOT_APPLICABLE = rules.NOT_APPLICABLE, _("not applicable")

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="answers")
    item = models.ForeignKey(ChecklistItem, on_delete=models.PROTECT, related_name="+")
    answer = models.CharField(_("answer"), max_length=10, choices=Answer.choices)
    remark = models.TextField(_("remark"), blank=True)
    photo = models.FileField(_("photo of a document"), upload_to=private_upload_to, blank=True)

    class Meta:
        ordering = ["item__position", "item_id"]
        constraints = [models.UniqueConstraint(fields=["visit", "item"], name="advisory_one_answer_per_item")]

    def __str__(self):
        return f"{self.item} – {self.answer}"


class Inspection(models.Model):
    """A GGD inspection (in Flanders: Zorginspectie) of a location, with its findings and report."""

    class Kind(models.TextChoices):
        PRE_OPENING = "pre_opening", _("before opening")
        ANNUAL = "annual", _("annual")
        INCIDENTAL = "incidental", _("incidental")
        RE_INSPECTION = "re_inspection", _("re-inspection")

    location = models.ForeignKey("cooperative.Location", on_delete=models.CASCADE, related_name="inspections",
                                 verbose_name=_("location"))
    inspected_on = models.DateField(_("date of the inspection"))
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    met_requirements = models.BooleanField(_("met the requirements"))
    summary = models.TextField(_("summary"), blank=True)
    report_file = models.FileField(_("inspection report (PDF)"), upload_to=private_upload_to, blank=True)
    report_name = models.CharField(max_length=200, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-inspected_on", "-pk"]
        verbose_name = _("inspection")
        indexes = [models.Index(fields=["location", "-inspected_on"])]

    def __str__(self):
        return f"{self.get_kind_display()} {self.inspected_on} – {self.location}"


class InspectionFinding(models.Model):
    class Domain(models.TextChoices):
        REGISTRATION = "registration", _("registration, records and policy")
        PEDAGOGICAL = "pedagogical", _("pedagogical climate")
        STAFF = "staff", _("staff and groups")
        SAFETY = "safety", _("safety and health")
        ACCOMMODATION = "accommodation", _("accommodation")
        PARENTS = "parents", _("parents' rights (information, complaints, parent committee)")

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="findings")
    domain = models.CharField(_("domain"), max_length=20, choices=Domain.choices)
    met = models.BooleanField(_("met"))
    remark = models.TextField(_("finding"), blank=True)

    class Meta:
        ordering = ["domain"]
        constraints = [models.UniqueConstraint(fields=["inspection", "domain"], name="advisory_one_finding_per_domain")]

    def __str__(self):
        return f"{self.get_domain_display()}: {'met' if self.met else 'not met'}"


class FollowUpAction(models.Model):
    """Something to do after a visit or an inspection, with an owner, a due date and a status."""

    class Owner(models.TextChoices):
        ENTREPRENEUR = rules.OWNER_ENTREPRENEUR, _("entrepreneur")
        ADVISER = rules.OWNER_ADVISER, _("adviser")

    class Status(models.TextChoices):
        OPEN = rules.ACTION_OPEN, _("open")
        DONE = rules.ACTION_DONE, _("done")

    location = models.ForeignKey("cooperative.Location", on_delete=models.CASCADE, related_name="followup_actions",
                                 verbose_name=_("location"))
    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, null=True, blank=True, related_name="actions")
    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, null=True, blank=True,
                                   related_name="actions")
    description = models.CharField(_("action"), max_length=500)
    owner = models.CharField(_("owner"), max_length=20, choices=Owner.choices)
    due_date = models.DateField(_("due date"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.OPEN)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="+")
    done_note = models.TextField(_("note"), blank=True)
    reminded_on = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["status", "due_date", "pk"]
        verbose_name = _("follow-up action")
        indexes = [models.Index(fields=["status", "due_date"])]

    def __str__(self):
        return self.description


class QualityDocumentType(models.Model):
    """A kind of policy document every location keeps (the pedagogical plan, safety and health policy, ...)."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=200)
    required = models.BooleanField(_("required"), default=True)
    for_parents = models.BooleanField(_("parents may read it"), default=False)
    review_months = models.PositiveIntegerField(_("review after (months)"), default=12)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("quality document type")

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        return shown(self.name)


class QualityDocument(models.Model):
    """One version of a location's quality document: a PDF with the date it takes effect and its review date."""

    location = models.ForeignKey("cooperative.Location", on_delete=models.CASCADE, related_name="quality_documents",
                                 verbose_name=_("location"))
    doc_type = models.ForeignKey(QualityDocumentType, on_delete=models.PROTECT, related_name="documents",
                                 verbose_name=_("document"))
    version = models.PositiveIntegerField(_("version"))
    file = models.FileField(_("file (PDF)"), upload_to=private_upload_to)
    original_name = models.CharField(max_length=200, blank=True)
    effective_date = models.DateField(_("takes effect on"))
    review_date = models.DateField(_("review by"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["doc_type__position", "-version"]
        verbose_name = _("quality document")
        constraints = [
            models.UniqueConstraint(fields=["location", "doc_type", "version"], name="advisory_document_version"),
            models.CheckConstraint(condition=models.Q(review_date__gte=models.F("effective_date")),
                                   name="advisory_document_review_after_effective"),
        ]
        indexes = [models.Index(fields=["location", "doc_type", "-effective_date"])]

    def __str__(self):
        return f"{self.doc_type} v{self.version}"


class LocationFigures(models.Model):
    """The reporting table: per location, the figures that live in its own schema, kept as numbers here.

    Kept up to date by `advisory.receivers` (saves and deletes of contracts and complaints) and rebuilt
    for all locations by `manage.py rebuild_advisory_figures` (also nightly by Celery beat), which reads
    every schema in a few UNION ALL statements instead of one query per schema.
    """

    location = models.OneToOneField("cooperative.Location", on_delete=models.CASCADE, primary_key=True,
                                    related_name="advisory_figures")
    children_under_contract = models.PositiveIntegerField(default=0)
    complaints_year = models.PositiveIntegerField(null=True, blank=True)
    complaints = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("location figures")

    def __str__(self):
        return f"figures of location {self.location_id}"


class FilingState(models.Model):
    """Whether a location's filing (billing.filings) is done: its kind, period and due date and the day it was
    delivered — never its content. Written by billing.filings.services when a filing is planned or delivered,
    so the cooperative's pages never read a location's schema; "late" is worked out on reading."""

    location = models.ForeignKey("cooperative.Location", on_delete=models.CASCADE, related_name="filing_states")
    kind = models.CharField(max_length=30)
    period_start = models.DateField()
    period_end = models.DateField()
    due_date = models.DateField()
    delivered_on = models.DateField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["due_date", "kind"]
        verbose_name = _("filing state")
        constraints = [models.UniqueConstraint(fields=["location", "kind", "period_start"],
                                               name="advisory_filing_state_once")]

    def __str__(self):
        return f"{self.kind} {self.period_start:%Y-%m} of location {self.location_id}"


class LocationState(models.Model):
    """Stand van zaken: per location, what the dashboard needs of its visits this year, open follow-up actions,
    current quality documents and latest inspection, kept by the database itself in the transaction of every
    write to those tables (the triggers of migration 0004, whatever wrote: a service, a bulk insert, the admin,
    a deletion) and refreshed nightly (advisory.tasks.rebuild_figures).

    The dashboard at 20,000 locations reads one such row per location instead of joining and aggregating all
    their rows on every page (docs/benchmarks.md). What depends on the day is left to the reader: dates are
    kept (the due and review dates sorted), not "overdue". What is kept for one day or year only says so, and
    the dashboard reads the records themselves where that is not the day or year in view: the visits are those
    of `visits_year`; the current document versions' review dates hold for every day in
    [documents_from, documents_until) (NULL: no bound). Every location with a visit, an action, a document or an
    inspection has a row.
    """

    location = models.OneToOneField("cooperative.Location", on_delete=models.DO_NOTHING, db_constraint=False,
                                    primary_key=True, related_name="+")
    visits_year = models.PositiveIntegerField(null=True)
    pedagogical_visit = models.BooleanField(default=False)
    pedagogical_completed_at = models.DateTimeField(null=True)
    pedagogical_scheduled_at = models.DateTimeField(null=True)
    pedagogical_deadline = models.DateField(null=True)
    business_visit = models.BooleanField(default=False)
    business_completed_at = models.DateTimeField(null=True)
    business_scheduled_at = models.DateTimeField(null=True)
    business_deadline = models.DateField(null=True)
    open_actions = models.PositiveIntegerField(default=0)
    open_due_dates = ArrayField(models.DateField(), default=list)
    document_reviews = ArrayField(models.DateField(), default=list)
    documents_from = models.DateField(null=True)
    documents_until = models.DateField(null=True)
    inspected = models.BooleanField(default=False)
    inspection_met = models.BooleanField(null=True)

    class Meta:
        verbose_name = _("dashboard state of a location")

    def __str__(self):
        return f"{self.location_id}: {self.open_actions} open actions"
