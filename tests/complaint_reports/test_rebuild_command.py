"""`manage.py rebuild_complaint_report` rebuilds the reporting rows from the location schemas."""
from io import StringIO

from django.core.management import call_command

from complaint_reports.models import ComplaintFact, ReportStatus


def rows():
    return sorted(ComplaintFact.objects.filter(location__slug__in=["alpha", "beta"]).values_list(
        "location__slug", "complaint_id", "subject", "status", "outcome", "received_on", "deadline", "judged_on",
        "escalated", "measures"))


def test_rebuild_restores_the_same_rows(year_2025):
    before = rows()
    statuses = list(ReportStatus.objects.values_list("location__slug", "year", "sent_to_ggd_on"))
    assert len(before) == 4 and statuses
    ComplaintFact.objects.all().delete()
    ReportStatus.objects.all().delete()
    out = StringIO()
    call_command("rebuild_complaint_report", stdout=out)
    assert rows() == before
    assert list(ReportStatus.objects.values_list("location__slug", "year", "sent_to_ggd_on")) == statuses
    assert "4 complaints" in out.getvalue()


def test_the_services_keep_the_row_up_to_date(year_2025):
    from tenants.complaints import services
    from tests.complaint_reports.conftest import at

    fact = ComplaintFact.objects.get(location=year_2025.a.location, outcome="founded")
    assert fact.status == "judged" and fact.measures == 1
    with at(year_2025.a):
        from tenants.complaints.models import Complaint

        services.close(Complaint.objects.get(pk=fact.complaint_id), user=year_2025.a.entrepreneur)
    fact.refresh_from_db()
    assert fact.status == "closed"
