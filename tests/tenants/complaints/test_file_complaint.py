"""A parent files a complaint in the portal, about her own child, with attachments; a meldcode concern is
not a complaint and leaves nothing in the register."""
from datetime import timedelta

from tenants.calendar.selectors import location_today
from tenants.complaints.models import Attachment, Complaint, Step
from tests.tenants.complaints.conftest import at, pdf_file


def test_parent_files_a_complaint_with_the_deadline_of_the_regulation(world, filed):
    with at(world.a):
        complaint = Complaint.objects.get(pk=filed["id"])
        today = location_today()
    assert complaint.status == "received" and complaint.channel == "portal"
    assert complaint.complainant == world.a.parent and complaint.child_id == world.a.child_id
    assert complaint.received_on == today and complaint.deadline == today + timedelta(days=42)
    assert filed["reference"].startswith(f"{today.year}-")
    assert [s["status"] for s in filed["steps"]] == ["received"]


def test_filing_on_the_page_with_attachments(world, client_for):
    c = client_for(world.a.parent, world.a)
    page = c.get("/complaints/new/")
    assert page.status_code == 200 and "/meldcode/" in page.content.decode()
    response = c.post("/complaints/new/", {"subject": "agreement", "child": str(world.a.child_id),
                                           "description": "De factuur klopt niet.",
                                           "attachments": [pdf_file("factuur.pdf"), pdf_file("mail.pdf")]})
    assert response.status_code == 302
    with at(world.a):
        complaint = Complaint.objects.get(description="De factuur klopt niet.")
        assert sorted(Attachment.objects.filter(complaint=complaint).values_list("name", flat=True)) == [
            "factuur.pdf", "mail.pdf"]
        attachment = complaint.attachments.first()
    download = c.get(f"/complaints/{complaint.pk}/attachments/{attachment.pk}/")
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")


def test_a_meldcode_concern_stores_nothing_and_leads_to_the_meldcode(world, client_for):
    c = client_for(world.a.parent, world.a)
    with at(world.a):
        before = (Complaint.objects.count(), Step.objects.count(), Attachment.objects.count())
    response = c.post("/complaints/new/", {"subject": "meldcode", "child": str(world.a.child_id),
                                           "description": "Ik zag blauwe plekken.", "attachments": [pdf_file()]})
    assert response.status_code == 302 and "meldcode" in response["Location"]
    api_response = c.post("/api/v1/complaints/", {"subject": "meldcode", "description": "Blauwe plekken."},
                          content_type="application/json")
    assert api_response.status_code == 400 and "meldcode_url" in api_response.json()
    with at(world.a):
        assert (Complaint.objects.count(), Step.objects.count(), Attachment.objects.count()) == before
        assert not Complaint.objects.filter(description__icontains="plekken").exists()
    from complaint_reports.models import ComplaintFact

    assert ComplaintFact.objects.filter(location=world.a.location).count() == before[0]


def test_bad_input_names_the_field_and_stores_nothing(world, client_for):
    c = client_for(world.a.parent, world.a)
    for data, field in (({"subject": "weather", "description": "x"}, "subject"),
                        ({"subject": "method", "description": "  "}, "description"),
                        ({"subject": "method", "description": "x", "child": 999999}, "child")):
        response = c.post("/api/v1/complaints/", data, content_type="application/json")
        assert response.status_code == 400 and field in response.json(), (data, response.content)
    page = c.post("/complaints/new/", {"subject": "method", "description": ""})
    assert page.status_code == 400 and "Describe your complaint" in page.content.decode()
    with at(world.a):
        assert not Complaint.objects.exists()


def test_a_parent_cannot_file_about_another_familys_child(world, client_for):
    from tests.tenants.conftest import make_child

    other = make_child(world.a, first_name="Ander")
    response = client_for(world.a.parent, world.a).post("/api/v1/complaints/", {
        "subject": "method", "description": "x", "child": other.pk}, content_type="application/json")
    assert response.status_code == 400 and "child" in response.json()


def test_wrong_attachment_type_is_refused(world, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = SimpleUploadedFile("script.exe", b"MZ", content_type="application/octet-stream")
    response = client_for(world.a.parent, world.a).post("/complaints/new/", {
        "subject": "method", "description": "x", "attachments": [bad]})
    assert response.status_code == 400 and "script.exe" in response.content.decode()
    with at(world.a):
        assert not Complaint.objects.exists()


def test_staff_and_other_roles_cannot_file(world, client_for):
    for user, site in ((world.a.staff, world.a), (world.b.parent, world.a), (world.coop_admin, world.a)):
        c = client_for(user, site)
        assert c.get("/complaints/new/").status_code == 403
        assert c.post("/api/v1/complaints/", {"subject": "method", "description": "x"},
                      content_type="application/json").status_code == 403


def test_filing_through_the_api_with_attachments_multipart(world, client_for):
    response = client_for(world.a.parent, world.a).post("/api/v1/complaints/", {
        "subject": "method", "description": "Met bijlage", "attachments": [pdf_file("a.pdf"), pdf_file("b.pdf")]})
    assert response.status_code == 201, response.content
    assert sorted(a["name"] for a in response.json()["attachments"]) == ["a.pdf", "b.pdf"]
