"""Only the parent who filed a complaint and the entrepreneur of that location read it; nobody else —
not the other guardian, staff, another location or the cooperative (they see aggregated figures only)."""
import pytest

from tenants.complaints import services
from tenants.complaints.models import Complaint
from tests.tenants.complaints.conftest import at, pdf_file


@pytest.fixture
def complaint(world, client_for):
    """A's parent files about Saartje, with an attachment; the entrepreneur acknowledges (a letter)."""
    c = client_for(world.a.parent, world.a)
    response = c.post("/complaints/new/", {"subject": "conduct", "child": str(world.a.child_id),
                                           "description": "Vertrouwelijk", "attachments": [pdf_file()]})
    assert response.status_code == 302
    with at(world.a):
        complaint = Complaint.objects.get(description="Vertrouwelijk")
        services.acknowledge(complaint, user=world.a.entrepreneur)
        complaint.letter_id = complaint.letters.get().pk
        complaint.attachment_id = complaint.attachments.get().pk
    return complaint


def urls(c):
    return [f"/api/v1/complaints/{c.pk}/", f"/complaints/{c.pk}/",
            f"/api/v1/complaints/{c.pk}/letters/{c.letter_id}/pdf/", f"/complaints/{c.pk}/letters/{c.letter_id}/pdf/",
            f"/complaints/{c.pk}/attachments/{c.attachment_id}/"]


def test_the_filing_parent_and_the_entrepreneur_read_it(world, client_for, complaint):
    for user in (world.a.parent, world.a.entrepreneur):
        c = client_for(user, world.a)
        for url in urls(complaint):
            assert c.get(url).status_code == 200, (user, url)
        listed = c.get("/api/v1/complaints/").json()["results"]
        assert [row["id"] for row in listed] == [complaint.pk]


def test_the_other_parent_of_the_location_gets_404_and_an_empty_list(world, client_for, complaint):
    c = client_for(world.two_location_parent, world.a)
    for url in urls(complaint):
        assert c.get(url).status_code == 404, url
    assert c.get("/api/v1/complaints/").json()["results"] == []
    assert "Vertrouwelijk" not in c.get("/complaints/").content.decode()


@pytest.mark.parametrize("who", ["staff", "other_entrepreneur", "other_parent", "coop_admin", "adviser",
                                 "lead_adviser", "pedagogue"])
def test_nobody_else_reads_it(world, client_for, complaint, who):
    user = {"staff": world.a.staff, "other_entrepreneur": world.b.entrepreneur, "other_parent": world.b.parent,
            "coop_admin": world.coop_admin, "adviser": world.adviser, "lead_adviser": world.lead_adviser,
            "pedagogue": world.pedagogue}[who]
    c = client_for(user, world.a)
    for url in urls(complaint):
        assert c.get(url).status_code in (403, 404), (who, url)
    assert c.get("/api/v1/complaints/").status_code == 403
    assert c.get("/complaints/").status_code == 403


def test_only_the_entrepreneur_handles_it(world, client_for, complaint):
    for user, site in ((world.a.parent, world.a), (world.a.staff, world.a), (world.b.entrepreneur, world.a)):
        c = client_for(user, site)
        for action in ("investigate", "judge", "close", "escalate"):
            assert c.post(f"/api/v1/complaints/{complaint.pk}/{action}/", {},
                          content_type="application/json").status_code == 403, (user, action)
            assert c.post(f"/complaints/{complaint.pk}/{action}/", {}).status_code == 403
    with at(world.a):
        assert Complaint.objects.get(pk=complaint.pk).status == "acknowledged"


def test_another_locations_entrepreneur_sees_none_of_it_at_her_own_host(world, client_for, complaint):
    c = client_for(world.b.entrepreneur, world.b)
    assert c.get("/api/v1/complaints/").json()["results"] == []
    assert c.get(f"/api/v1/complaints/{complaint.pk}/").status_code == 404


def test_anonymous_gets_nothing(world, client_for, complaint):
    c = client_for(None, world.a)
    assert c.get(f"/api/v1/complaints/{complaint.pk}/").status_code in (401, 403)
    assert c.get(f"/complaints/{complaint.pk}/").status_code == 302  # to the login page


def test_annual_report_is_the_entrepreneurs(world, client_for):
    for user in (world.a.parent, world.a.staff, world.b.entrepreneur, world.coop_admin):
        c = client_for(user, world.a)
        for url in ("/complaints/annual-reports/", "/complaints/annual-reports/2026/",
                    "/complaints/annual-reports/2026/pdf/", "/api/v1/complaint-annual-reports/2026/",
                    "/api/v1/complaint-annual-reports/2026/pdf/"):
            assert c.get(url).status_code == 403, (user, url)
