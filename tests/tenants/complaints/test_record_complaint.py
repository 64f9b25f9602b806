"""The entrepreneur records a complaint received on paper or by phone; the deadline runs from that date."""
from datetime import date, timedelta

from tenants.calendar.selectors import location_today
from tenants.complaints.models import Complaint
from tests.tenants.complaints.conftest import at


def test_entrepreneur_records_a_phone_complaint_with_the_date_received(world, api):
    response = api(world.a.entrepreneur, world.a).post("/api/v1/complaints/", {
        "channel": "phone", "received_on": "2026-02-02", "subject": "agreement",
        "description": "Ouder belde over de opzegtermijn.", "complainant_name": "Mevrouw De Vries",
        "complainant_email": "devries@example.nl"})
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["deadline"] == "2026-03-16" and data["channel"] == "phone" and data["parent_name"] == "Mevrouw De Vries"


def test_recording_on_the_page_for_a_known_parent(world, client_for):
    c = client_for(world.a.entrepreneur, world.a)
    assert c.get("/complaints/record/").status_code == 200
    response = c.post("/complaints/record/", {
        "channel": "paper", "received_on": (date.today() - timedelta(days=3)).isoformat(),
        "complainant": str(world.a.parent.pk), "subject": "conduct", "child": str(world.a.child_id),
        "description": "Brief over de medewerker."})
    assert response.status_code == 302
    with at(world.a):
        complaint = Complaint.objects.get()
    assert complaint.complainant == world.a.parent and complaint.recorded_by == world.a.entrepreneur


def test_bad_input_names_the_field(world, api):
    c = api(world.a.entrepreneur, world.a)
    with at(world.a):
        tomorrow = location_today() + timedelta(days=1)
    cases = [
        ({"channel": "phone", "received_on": tomorrow.isoformat(), "subject": "method", "description": "x",
          "complainant_name": "A"}, "received_on"),
        ({"channel": "phone", "received_on": "2026-01-05", "subject": "method", "description": "x"},
         "complainant_name"),
        ({"channel": "phone", "received_on": "2026-01-05", "subject": "method", "description": "x",
          "complainant": world.b.parent.pk}, "complainant"),
        ({"channel": "fax", "received_on": "2026-01-05", "subject": "method", "description": "x"}, "channel"),
        ({"channel": "phone", "received_on": "yesterday", "subject": "method", "description": "x"}, "received_on"),
    ]
    for data, field in cases:
        response = c.post("/api/v1/complaints/", data)
        assert response.status_code == 400 and field in response.json(), (data, response.content)
    with at(world.a):
        assert not Complaint.objects.exists()


def test_references_count_per_year(world):
    from tests.tenants.complaints.conftest import record

    first = record(world.a, date(2025, 11, 3))
    second = record(world.a, date(2025, 12, 1))
    third = record(world.a, date(2026, 1, 6))
    assert (first.reference, second.reference, third.reference) == ("2025-001", "2025-002", "2026-001")
