"""The cooperative's reporting tables in the public schema (see the package docstring for why).

Nothing here identifies a person: no names, no child, no text of a complaint, no e-mail addresses. A row
is what the anonymous annual report of a location may show anyway: the subject, dates, outcome, counts.
"""
from django.db import models
from django.utils.translation import gettext_lazy as _


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
        constraints = [models.UniqueConstraint(fields=["location", "complaint_id"], name="one_fact_per_complaint")]
        indexes = [models.Index(fields=["year", "location"])]
        verbose_name = _("complaint figure")

    def __str__(self):
        return f"{self.location_id}/{self.complaint_id}"


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
