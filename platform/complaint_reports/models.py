"""The cooperative's reporting tables in the public schema (see the package docstring for why).

Nothing here identifies a person: no names, no child, no text of a complaint, no e-mail addresses. A row
is what the anonymous annual report of a location may show anyway: the subject, dates, outcome, counts.
"""
from django.db import models
from django.utils.translation import gettext_lazy as _

from complaint_reports import tally


class ComplaintFact(models.Model):
    """One complaint of one location, reduced to anonymous figures; kept up to date by the complaint services."""

    location = models.ForeignKey("cooperative.Location", on_delete=models.CASCADE, related_name="complaint_facts")
    complaint_id = models.PositiveIntegerField()  # the id in the location's own schema
    year = models.PositiveSmallIntegerField(db_index=True)  # of the date received
    subject = models.CharField(max_length=20)
    status = models.CharField(max_length=20)
    outcome = models.CharField(max_length=20, blank=True)
    received_on = models.DateField()
    deadline = models.DateField()
    judged_on = models.DateField(null=True, blank=True)
    escalated = models.BooleanField(default=False)
    measures = models.PositiveSmallIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["location", "complaint_id"], name="one_fact_per_complaint"),
            # The tally has a column for each of these and nothing else (complaint_reports.tally).
            models.CheckConstraint(condition=models.Q(subject__in=tally.SUBJECTS), name="fact_subject_known"),
            models.CheckConstraint(condition=models.Q(status__in=tally.STATES), name="fact_state_known"),
            models.CheckConstraint(condition=models.Q(outcome__in=("", *tally.OUTCOMES)), name="fact_outcome_known"),
        ]
        indexes = [
            models.Index(fields=["year", "location"]),
            # The complaints still open: the report subtracts those whose deadline is ahead from "due".
            models.Index(fields=["year", "deadline"], condition=models.Q(judged_on__isnull=True),
                         name="fact_open_by_deadline"),
        ]
        verbose_name = _("complaint figure")

    def __str__(self):
        return f"{self.location_id}/{self.complaint_id}"


class ComplaintTally(models.Model):
    """A location's complaint figures of one year in one row, kept by a database trigger on ComplaintFact
    (complaint_reports.tally says why and how). Read by the cooperative report, never written by Python."""

    location = models.ForeignKey("cooperative.Location", on_delete=models.CASCADE, related_name="complaint_tallies")
    year = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=20)  # the location's, as the report groups by them
    region = models.CharField(max_length=100, blank=True)
    active = models.BooleanField()  # the location is not offboarded

    class Meta:
        constraints = [models.UniqueConstraint(fields=["year", "location"], name="one_tally_per_location_year")]
        verbose_name = _("complaint tally")

    def __str__(self):
        return f"{self.location_id}/{self.year}"


for _column in tally.counted_columns():
    ComplaintTally.add_to_class(_column, models.PositiveIntegerField(default=0))


class ReportStatus(models.Model):
    """Whether a location's annual report for a year was discussed with the parents and sent to the GGD."""

    location = models.ForeignKey("cooperative.Location", on_delete=models.CASCADE, related_name="report_statuses")
    year = models.PositiveSmallIntegerField()
    discussed_on = models.DateField(null=True, blank=True)
    sent_to_ggd_on = models.DateField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["location", "year"], name="one_report_status_per_year")]
        verbose_name = _("annual report status")

    def __str__(self):
        return f"{self.location_id}/{self.year}"
