"""The calendar of duties (plichtenkalender): one line per thing a location owes by a date — each filing
(billing.filings), the annual complaint report to the supervisor (klachtenjaarverslag, where the jurisdiction
asks for one: `Policy.complaint_report`) and the review date of each quality document (herzieningsdatum,
advisory.QualityDocument) — with its state: to do, ready, delivered (done) or late.

One rule for both sides: the location's pages read its own records (tenants.complaints.AnnualReport), the
cooperative's dashboard the public tables written with them (complaint_reports.ReportStatus, in the same
transaction) — whether a duty is done or late, never its content.
"""
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy as _
from jurisdictions.base import gettext_noop

from billing.filings import rules

COMPLAINT_REPORT, DOCUMENT_REVIEW = "complaint_report", "document_review"

STATE_LABELS = {rules.TODO: _("to do"), rules.READY: _("ready"), rules.DELIVERED: _("delivered"),
                rules.LATE: _("late")}
STATE_CLASSES = {rules.TODO: "", rules.READY: "status-suspended", rules.DELIVERED: "status-active",
                 rules.LATE: "status-failed"}


@dataclass(frozen=True)
class Duty:
    """One line of the calendar of duties: what (label, English; detail: the document's name), for whom, for
    which period, when due, its state, the page to act on and the file to download (if any)."""

    key: str                # unique per location: "filing:12", "complaint_report:2025", "document_review:7"
    kind: str
    label: str
    recipient: str
    period_start: date
    period_end: date
    due_date: date
    state: str
    url: str = ""
    file_url: str = ""
    detail: str = ""
    pk: int | None = None   # the filing's id
    done_on: date | None = None

    @property
    def has_file(self) -> bool:
        return bool(self.file_url)

    @property
    def state_label(self):
        return STATE_LABELS[self.state]

    @property
    def state_class(self) -> str:
        return STATE_CLASSES[self.state]


# --- the annual complaint report ------------------------------------------------------------------------------


def complaint_report_duties(report, since: date, today: date, sent: dict[int, date | None], *,
                            url: Callable[[int], str] | None = None,
                            file_url: Callable[[int], str] | None = None) -> list[Duty]:
    """The complaint reports of the calendar years that ended (a year back at most, not before the location
    opened): due on the policy's day of the next year, done on the day it was sent. `report`: the
    jurisdiction's `ComplaintReport` (None: no duty); `sent`: year → the day it was sent (or None)."""
    if report is None:
        return []
    duties = []
    for year in rules.years_ended(since, today):
        due = date(year + 1, report.due_month, report.due_day)
        done_on = sent.get(year)
        duties.append(Duty(
            key=f"{COMPLAINT_REPORT}:{year}", kind=COMPLAINT_REPORT, label=gettext_noop("Annual complaint report"),
            recipient=report.recipient, period_start=date(year, 1, 1), period_end=date(year, 12, 31), due_date=due,
            state=rules.duty_state(done_on, due, today), url=url(year) if url else "",
            file_url=file_url(year) if file_url else "", done_on=done_on))
    return duties


# --- quality documents' review dates --------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentVersion:
    pk: int
    doc_type_id: int
    name: str
    version: int
    effective_date: date
    review_date: date
    uploaded_on: date
    location_id: int = 0


def document_review_duties(versions: Iterable[DocumentVersion], since: date, today: date, *,
                           url: str = "", file_url: Callable[[int], str] | None = None) -> list[Duty]:
    """Each version of a quality document is to be reviewed by its review date: done when a newer version
    was delivered (on the day it was uploaded), late when not by then. Versions reviewed before `since` are
    history and left out."""
    by_type: dict[int, list[DocumentVersion]] = {}
    for version in versions:
        by_type.setdefault(version.doc_type_id, []).append(version)
    duties = []
    for own in by_type.values():
        own.sort(key=lambda v: (v.effective_date, v.version))
        for position, version in enumerate(own):
            later = own[position + 1:]
            done_on = min(v.uploaded_on for v in later) if later else None
            if done_on is not None and min(done_on, version.review_date) < since:
                continue
            duties.append(Duty(
                key=f"{DOCUMENT_REVIEW}:{version.pk}", kind=DOCUMENT_REVIEW,
                label=gettext_noop("Review of a quality document"), detail=version.name,
                recipient=gettext_noop("the location (the adviser checks it)"),
                period_start=version.effective_date, period_end=version.review_date,
                due_date=version.review_date, state=rules.duty_state(done_on, version.review_date, today),
                url=url, file_url=file_url(version.pk) if file_url else "", done_on=done_on))
    return duties


def document_versions(rows) -> list[DocumentVersion]:
    """advisory.QualityDocument rows (with doc_type) as plain values."""
    from django.utils import timezone

    return [DocumentVersion(pk=d.pk, doc_type_id=d.doc_type_id, name=d.doc_type.label, version=d.version,
                            effective_date=d.effective_date, review_date=d.review_date,
                            uploaded_on=timezone.localdate(d.uploaded_at) if d.uploaded_at else d.effective_date,
                            location_id=d.location_id)
            for d in rows]


# --- at the location ------------------------------------------------------------------------------------------


def other_duties(location, today: date) -> list[Duty]:
    """The location's duties that are not files: the complaint reports and the documents' review dates, read
    in the location's own schema (the caller is in it)."""
    from django.urls import reverse
    from jurisdictions import policy

    from advisory.models import QualityDocument
    from tenants.complaints.models import AnnualReport

    since = rules.duties_since(today, getattr(location, "opening_date", None))
    found = []
    report = policy(location.jurisdiction).complaint_report
    if report is not None:
        sent = dict(AnnualReport.objects.values_list("year", "sent_to_ggd_on"))
        found += complaint_report_duties(
            report, since, today, sent,
            url=lambda year: reverse("complaint-annual-report", kwargs={"year": year}),
            file_url=lambda year: reverse("complaint-annual-report-pdf", kwargs={"year": year}))
    versions = document_versions(QualityDocument.objects.filter(location_id=location.pk).select_related("doc_type"))
    found += document_review_duties(versions, since, today, url=reverse("my-advisory"),
                                    file_url=lambda pk: reverse("my-advisory-file", args=["document", pk]))
    return found


def find(location, key: str, today: date) -> Duty | None:
    return next((duty for duty in other_duties(location, today) if duty.key == key), None)
