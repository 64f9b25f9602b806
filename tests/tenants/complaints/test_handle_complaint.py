"""Handling: acknowledged → under investigation → judgement sent (with measures) → closed, or escalated;
every step timestamped and by whom; letters as PDF from the location's templates, e-mailed and kept."""
from datetime import date

from django.core import mail

from tenants.complaints import services
from tenants.complaints.models import Complaint, Letter
from tests.outbox.helpers import deliver_outbox
from tests.tenants.complaints.conftest import at, set_days


def test_the_whole_handling_with_letters(world, api, filed):
    set_days(world.a, 42, acknowledgement_letter="Beste ouder, we ontvingen $reference. Oordeel uiterlijk $deadline.")
    c = api(world.a.entrepreneur, world.a)
    pk = filed["id"]
    mail.outbox.clear()
    ack = c.post(f"/api/v1/complaints/{pk}/acknowledge/")
    assert ack.status_code == 200, ack.content
    assert filed["reference"] in ack.json()["body"] and ack.json()["sent_to"] == world.a.parent.email
    assert c.post(f"/api/v1/complaints/{pk}/investigate/", {"note": "gesprek gepland"}).status_code == 200
    judged = c.post(f"/api/v1/complaints/{pk}/judge/", {
        "judgement": "De klacht is gegrond: de overdracht was te kort.", "outcome": "founded",
        "measures": [{"description": "Langere overdracht bij het ophalen", "planned_on": "2026-01-05",
                      "done_on": "2026-01-10"}]})
    assert judged.status_code == 200, judged.content
    data = judged.json()
    assert data["status"] == "judged" and data["outcome"] == "founded" and data["judged_on"]
    assert data["measures"][0]["done_on"] == "2026-01-10"
    assert [letter["kind"] for letter in data["letters"]] == ["acknowledgement", "judgement"]
    assert "De klacht is gegrond" in data["letters"][1]["body"]
    assert "Geschillencommissie Kinderopvang" in data["letters"][1]["body"]
    assert [s["status"] for s in data["steps"]] == ["received", "acknowledged", "investigating", "judged"]
    assert all(s["at"] for s in data["steps"]) and data["steps"][1]["by"] == world.a.entrepreneur.full_name
    assert c.post(f"/api/v1/complaints/{pk}/close/").json()["status"] == "closed"
    deliver_outbox()
    assert [m.to for m in mail.outbox] == [[world.a.parent.email]] * 2
    assert mail.outbox[1].attachments[0][2] == "application/pdf"
    with at(world.a):
        assert mail.outbox[1].attachments[0][1] == bytes(Letter.objects.get(pk=data["letters"][1]["id"]).pdf)
    assert mail.outbox[1].body == data["letters"][1]["body"]
    letter_id = data["letters"][1]["id"]
    pdf = c.get(f"/api/v1/complaints/{pk}/letters/{letter_id}/pdf/")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    parent_pdf = api(world.a.parent, world.a).get(f"/complaints/{pk}/letters/{letter_id}/pdf/")
    assert parent_pdf.status_code == 200 and parent_pdf.content.startswith(b"%PDF")


def test_steps_out_of_order_are_refused(world, api, filed):
    c = api(world.a.entrepreneur, world.a)
    pk = filed["id"]
    assert c.post(f"/api/v1/complaints/{pk}/close/").status_code == 400
    assert c.post(f"/api/v1/complaints/{pk}/judge/", {"judgement": "", "outcome": "founded"}).status_code == 400
    bad = c.post(f"/api/v1/complaints/{pk}/judge/", {"judgement": "x", "outcome": "founded",
                                                     "measures": [{"description": "", "planned_on": "2026-01-05"}]})
    assert bad.status_code == 400 and "measures" in bad.json()
    with at(world.a):
        complaint = Complaint.objects.get(pk=pk)
        assert complaint.status == "received" and not complaint.judgement and not complaint.measures.exists()
        assert not Letter.objects.exists()


def test_escalation_to_a_body_of_the_regulation(world, api, filed):
    c = api(world.a.entrepreneur, world.a)
    pk = filed["id"]
    assert c.post(f"/api/v1/complaints/{pk}/escalate/", {"body": "De Paus"}).status_code == 400
    response = c.post(f"/api/v1/complaints/{pk}/escalate/", {"body": "Geschillencommissie Kinderopvang"})
    assert response.status_code == 200 and response.json()["status"] == "escalated"
    assert response.json()["escalated_to"] == "Geschillencommissie Kinderopvang"


def test_the_pages_handle_a_complaint(world, client_for, filed):
    c = client_for(world.a.entrepreneur, world.a)
    pk = filed["id"]
    page = c.get(f"/complaints/{pk}/")
    assert page.status_code == 200 and "Send the acknowledgement letter" in page.content.decode()
    assert c.post(f"/complaints/{pk}/acknowledge/").status_code == 302
    missing = c.post(f"/complaints/{pk}/judge/", {"judgement": "", "outcome": ""})
    assert missing.status_code == 400 and "Write the judgement" in missing.content.decode()
    assert c.post(f"/complaints/{pk}/judge/", {"judgement": "Ongegrond.", "outcome": "unfounded"}).status_code == 302
    parent_page = client_for(world.a.parent, world.a).get(f"/complaints/{pk}/")
    text = parent_page.content.decode()
    assert "Ongegrond." in text and "Judgement sent" in text.replace("judgement sent", "Judgement sent")
    assert "Send the judgement" not in text


def test_a_flemish_location_sends_its_second_instance_in_the_judgement(flemish_a, api):
    from tests.tenants.complaints.conftest import record

    complaint = record(flemish_a, date(2026, 1, 5))
    assert complaint.deadline == date(2026, 2, 4) and complaint.acknowledgement_due == date(2026, 1, 10)
    with at(flemish_a):
        services.acknowledge(complaint, user=flemish_a.entrepreneur)
        letter = services.judge(complaint, user=flemish_a.entrepreneur, judgement="Opgelost in overleg.",
                                outcome="resolved", judged_on=date(2026, 1, 20))
    assert "de algemeen directeur" in letter.body and "Klachtendienst Kind en Gezin" in letter.body


def test_page_links_go_to_the_pages_not_the_api(world):
    from django.urls import reverse

    from tests.tenants.complaints.conftest import at

    with at(world.a):
        assert reverse("complaint-letter-pdf", args=[1, 2]) == "/complaints/1/letters/2/pdf/"
        assert reverse("complaint-letter-file", args=[1, 2]) == "/api/v1/complaints/1/letters/2/pdf/"


def test_a_measure_is_marked_done_later(world, api, filed):
    c = api(world.a.entrepreneur, world.a)
    pk = filed["id"]
    judged = c.post(f"/api/v1/complaints/{pk}/judge/", {
        "judgement": "Gegrond.", "outcome": "founded",
        "measures": [{"description": "Nieuwe ophaalafspraken", "planned_on": "2026-01-05"}]}).json()
    measure = judged["measures"][0]["id"]
    assert c.post(f"/api/v1/complaints/{pk}/measures/{measure}/done/", {"done_on": "2026-01-01"}).status_code == 400
    done = c.post(f"/api/v1/complaints/{pk}/measures/{measure}/done/", {"done_on": "2026-01-12"})
    assert done.status_code == 200 and done.json()["measures"][0]["done_on"] == "2026-01-12"
    assert api(world.a.parent, world.a).post(f"/api/v1/complaints/{pk}/measures/{measure}/done/",
                                             {"done_on": "2026-01-12"}).status_code == 403
