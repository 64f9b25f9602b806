"""Writes to the cooperative's reporting tables. Called by the location's complaint services (same
transaction) and by the rebuild command; never with personal data."""
from dataclasses import dataclass
from datetime import date

from complaint_reports.models import ComplaintFact, ReportStatus


@dataclass(frozen=True)
class Fact:
    complaint_id: int
    subject: str
    status: str
    outcome: str
    received_on: date
    deadline: date
    judged_on: date | None
    escalated: bool
    measures: int


def record_complaint(location, fact: Fact) -> None:
    ComplaintFact.objects.update_or_create(
        location=location, complaint_id=fact.complaint_id,
        defaults={"year": fact.received_on.year, "subject": fact.subject, "status": fact.status,
                  "outcome": fact.outcome or "", "received_on": fact.received_on, "deadline": fact.deadline,
                  "judged_on": fact.judged_on, "escalated": fact.escalated, "measures": fact.measures})


def record_report_status(location, year: int, *, discussed_on: date | None, sent_to_ggd_on: date | None) -> None:
    ReportStatus.objects.update_or_create(location=location, year=year, defaults={
        "discussed_on": discussed_on, "sent_to_ggd_on": sent_to_ggd_on})


def replace_location(location, facts: list[Fact], statuses: list[tuple[int, date | None, date | None]]) -> int:
    """Replace everything of one location (the rebuild), in bulk."""
    ComplaintFact.objects.filter(location=location).delete()
    ComplaintFact.objects.bulk_create([
        ComplaintFact(location=location, complaint_id=f.complaint_id, year=f.received_on.year, subject=f.subject,
                      status=f.status, outcome=f.outcome or "", received_on=f.received_on, deadline=f.deadline,
                      judged_on=f.judged_on, escalated=f.escalated, measures=f.measures)
        for f in facts])
    ReportStatus.objects.filter(location=location).delete()
    ReportStatus.objects.bulk_create([
        ReportStatus(location=location, year=year, discussed_on=discussed, sent_to_ggd_on=sent)
        for year, discussed, sent in statuses])
    return len(facts)


def rebuild_everywhere(slug: str | None = None, only_failed: bool = False):
    """Rebuild the rows of every location not offboarded (or the one with `slug`) from its own schema, each
    location in its own transaction; one location's failure is reported and the next goes on
    (cooperative.jobs). Replacing a location's rows is idempotent."""
    from cooperative import jobs
    from cooperative.models import Location
    from tenants.complaints.services import facts_here

    locations = Location.objects.exclude(status=Location.Status.OFFBOARDED).order_by("pk")
    if slug:
        locations = locations.filter(slug=slug)

    def work(location) -> int:
        facts, statuses = facts_here()
        return replace_location(location, facts, statuses)

    return jobs.for_each_location(job="complaint-figures", work=work, locations=locations, only_failed=only_failed)
