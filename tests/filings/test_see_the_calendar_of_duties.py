"""The calendar of duties holds more than the filings: the annual complaint report to the GGD inspector (due
before 1 June of the next year; seed 001, complaint regulation — Wet kinderopvang; none in Flanders, seed 003
§5.3.2) and each quality document's review date. The entrepreneur's start page and /filings/ list them with to
do / late / delivered, a reminder goes out a week before (once), and the cooperative's dashboard shows done or
late — never the report's text or the document's file."""
from datetime import date

from django.core.files.base import ContentFile

from tests.billing.conftest import at, location_of

FEW_WEEKS_BEFORE = date(2026, 5, 20)  # the 2025 report is due 1 June 2026


def _document(world, *, effective, review, version=1):
    from advisory.models import QualityDocument, QualityDocumentType

    doc_type = QualityDocumentType.objects.filter(required=True).order_by("position").first()
    document = QualityDocument(location=location_of(world.a), doc_type=doc_type, version=version,
                               effective_date=effective, review_date=review)
    document.file.save("plan.pdf", ContentFile(b"%PDF-1.4 demo"), save=False)
    document.save()
    return document


def _other(world, today):
    from billing.filings import duties

    with at(world.a):
        return {d.key: d for d in duties.other_duties(location_of(world.a), today)}


def test_the_complaint_report_is_due_on_1_june_and_late_after(billing):
    from jurisdictions import policy

    from billing.filings import selectors
    from tenants.complaints import rules as complaint_rules

    world = billing
    report = policy("NL").complaint_report
    assert date(2026, report.due_month, report.due_day) == complaint_rules.report_due(2025)  # one due date
    assert policy("BE-VLG").complaint_report is None  # seed 003 §5.3.2: registered, no yearly report
    duty = _other(world, FEW_WEEKS_BEFORE)["complaint_report:2025"]
    assert (duty.due_date, duty.state, duty.recipient) == (date(2026, 6, 1), "todo", "the GGD inspector")
    assert duty.url == "/complaints/annual-reports/2025/" and duty.file_url.endswith("/2025/pdf/")
    assert _other(world, date(2026, 6, 1))["complaint_report:2025"].state == "todo"  # boundary: on the day
    assert _other(world, date(2026, 6, 2))["complaint_report:2025"].state == "late"
    due = selectors.duties_due(location_of(world.a), FEW_WEEKS_BEFORE)
    assert "complaint_report:2025" in {d.key for d in due}
    # Sent (even late): delivered, and off the start page's list.
    from tenants.complaints import services as complaints

    with at(world.a):
        complaints.save_annual_report(2025, sent_to_ggd_on=date(2026, 6, 3))
    assert _other(world, date(2026, 6, 4))["complaint_report:2025"].state == "delivered"
    assert "complaint_report:2025" not in {d.key for d in selectors.duties_due(location_of(world.a),
                                                                                date(2026, 6, 4))}


def test_a_documents_review_date_is_a_duty_done_by_a_newer_version(billing):
    world = billing
    first = _document(world, effective=date(2025, 6, 1), review=date(2026, 6, 10))
    duty = _other(world, FEW_WEEKS_BEFORE)[f"document_review:{first.pk}"]
    assert (duty.due_date, duty.state, duty.detail) == (date(2026, 6, 10), "todo", first.doc_type.label)
    assert _other(world, date(2026, 6, 11))[f"document_review:{first.pk}"].state == "late"
    second = _document(world, effective=date(2026, 6, 1), review=date(2027, 6, 1), version=2)
    reviewed = _other(world, date(2026, 6, 11))
    assert reviewed[f"document_review:{first.pk}"].state == "delivered"
    assert reviewed[f"document_review:{second.pk}"].state == "todo"


def test_start_page_and_duties_page_show_them(billing, client_for, english):
    world = billing
    _document(world, effective=date(2025, 1, 1), review=date(2025, 12, 1))  # long past its review date
    client = client_for(world.a.entrepreneur, world.a)
    home = client.get("/").content.decode()
    assert "Review of a quality document" in home and "late" in home
    listing = client.get("/filings/").content.decode()
    assert "Annual complaint report" in listing and "Review of a quality document" in listing


def test_a_reminder_a_week_before_once(billing, mailoutbox):
    from billing.filings import services
    from outbox.models import Delivery

    world = billing
    document = _document(world, effective=date(2025, 6, 1), review=date(2026, 6, 5))
    with at(world.a):
        services.send_reminders(today=date(2026, 5, 24))  # 8 days before 1 June: not yet
        assert not Delivery.objects.filter(kind="filings.duty_reminder").exists()
        services.send_reminders(today=date(2026, 5, 25))  # a week before 1 June
        assert Delivery.objects.filter(kind="filings.duty_reminder", ref="duty:complaint_report:2025").count() == 1
        services.send_reminders(today=date(2026, 5, 29))  # a week before the review date
        services.send_reminders(today=date(2026, 5, 30))  # once
        rows = Delivery.objects.filter(kind="filings.duty_reminder")
        assert sorted(rows.values_list("ref", flat=True)) == ["duty:complaint_report:2025",
                                                              f"duty:document_review:{document.pk}"]
        assert rows.first().payload["user"] == world.a.entrepreneur.pk


def test_the_cooperative_sees_done_or_late_never_the_content(billing, client_for, english):
    from advisory.selectors import filing_states
    from tenants.complaints import services as complaints

    world = billing
    document = _document(world, effective=date(2025, 1, 1), review=date(2026, 1, 1))
    with at(world.a):
        complaints.save_annual_report(2025, reflection="Secret reflection of the year",
                                      sent_to_ggd_on=date(2026, 5, 1))
    for user in (world.adviser, world.coop_admin):
        rows = [r for r in filing_states(user, date(2026, 6, 10)) if r["location"].pk == world.a.location.pk]
        states = {(str(r["kind"]), r["detail"]): r["state"] for r in rows}
        assert states[("Annual complaint report", "")] == "delivered"
        assert states[("Review of a quality document", document.doc_type.label)] == "late"
        assert all(set(r) == {"location", "kind", "detail", "period_start", "period_end", "due_date", "state",
                              "delivered_on"} for r in rows)  # what, when, done or late: nothing else
        text = client_for(user).get("/advisory/filings/").content.decode()
        assert "Review of a quality document" in text and document.doc_type.label in text
        assert "Secret reflection" not in text and "/pdf/" not in text and "/files/" not in text
        assert world.a.child_name not in text
    from accounts.models import AdviserAssignment

    AdviserAssignment.objects.filter(adviser=world.adviser).delete()
    assert not any(r["location"].pk == world.a.location.pk for r in filing_states(world.adviser, date(2026, 6, 10)))
    assert document.doc_type.label not in client_for(world.adviser).get("/advisory/filings/").content.decode()
