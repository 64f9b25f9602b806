"""Quality documents: versioned PDFs with effective and review dates; expired or missing ones show up;
parents read the current pedagogical plan."""
from datetime import date, timedelta

from advisory import services
from advisory.models import QualityDocument, QualityDocumentType
from tests.advisory.conftest import PDF, pdf


def doc_type(code="pedagogical_plan"):
    return QualityDocumentType.objects.get(code=code)


def test_upload_and_versions(client_for, world):
    owner = client_for(world.a.entrepreneur, world.a)
    for _ in range(2):
        response = owner.post("/advisory/documents/new/", {
            "doc_type": doc_type().pk, "file": pdf(), "effective_date": "2025-01-01", "review_date": "2026-01-01"})
        assert response.status_code == 302
    assert list(QualityDocument.objects.filter(location=world.a.location).values_list("version", flat=True)
                .order_by("version")) == [1, 2]


def test_review_date_before_effective_date_is_a_field_error(client_for, world):
    response = client_for(world.a.entrepreneur, world.a).post("/advisory/documents/new/", {
        "doc_type": doc_type().pk, "file": pdf(), "effective_date": "2025-06-01", "review_date": "2025-05-01"})
    assert response.status_code == 400 and "review_date" in response.context["form"].errors
    assert not QualityDocument.objects.exists()


def test_api_review_date_before_effective_date_is_400(api, world):
    from django.test import Client

    client = Client(HTTP_HOST=world.a.host)
    client.force_login(world.a.entrepreneur)
    response = client.post("/api/v1/advisory/documents/", {
        "doc_type": "safety_health", "file": pdf(), "effective_date": "2025-06-01", "review_date": "2025-05-01"})
    assert response.status_code == 400 and "review_date" in response.json()
    assert not QualityDocument.objects.exists()


def test_a_file_that_is_not_a_pdf_is_refused(client_for, world):
    fake = pdf("plan.pdf", b"PK\x03\x04 this is a docx")
    response = client_for(world.a.entrepreneur, world.a).post("/advisory/documents/new/", {
        "doc_type": doc_type().pk, "file": fake, "effective_date": "2025-01-01", "review_date": "2026-01-01"})
    assert response.status_code == 400 and "file" in response.context["form"].errors
    assert not QualityDocument.objects.exists()


def test_missing_and_expired_documents_show_for_entrepreneur_and_adviser(client_for, world):
    today = date.today()
    services.upload_document(world.a.location, doc_type=doc_type("safety_health"), file=pdf(),
                             effective_date=today - timedelta(days=400), review_date=today - timedelta(days=1),
                             user=world.a.entrepreneur)
    for client, url in ((client_for(world.a.entrepreneur, world.a), "/advisory/"),
                        (client_for(world.adviser), f"/advisory/locations/{world.a.location.slug}/")):
        rows = {row["type"].code: row["status"] for row in client.get(url).context["documents"]}
        assert rows["pedagogical_plan"] == "missing" and rows["safety_health"] == "expired"


def test_parents_read_the_current_pedagogical_plan(client_for, world):
    today = date.today()
    old = services.upload_document(world.a.location, doc_type=doc_type(), file=pdf(content=PDF + b"old"),
                                   effective_date=today - timedelta(days=30), review_date=today + timedelta(days=300),
                                   user=world.a.entrepreneur)
    services.upload_document(world.a.location, doc_type=doc_type(), file=pdf(content=PDF + b"future"),
                             effective_date=today + timedelta(days=30), review_date=today + timedelta(days=300),
                             user=world.a.entrepreneur)
    response = client_for(world.a.parent, world.a).get("/advisory/pedagogical-plan/")
    assert response.status_code == 200 and b"".join(response.streaming_content).endswith(b"old")
    portal = client_for(world.a.parent)
    assert world.a.location.name in portal.get("/advisory/plans/").content.decode()
    assert portal.get(f"/advisory/plans/{world.a.location.slug}/").status_code == 200
    assert portal.get(f"/advisory/plans/{world.b.location.slug}/").status_code == 404
    assert client_for(world.b.parent, world.b).get(f"/advisory/files/document/{old.pk}/").status_code == 403


def test_safety_policy_is_not_for_parents(client_for, world):
    doc = services.upload_document(world.a.location, doc_type=doc_type("safety_health"), file=pdf(),
                                   effective_date=date(2024, 1, 1), review_date=date(2030, 1, 1),
                                   user=world.a.entrepreneur)
    assert client_for(world.a.parent, world.a).get(f"/advisory/files/document/{doc.pk}/").status_code == 403
    assert client_for(world.adviser).get(f"/advisory/files/document/{doc.pk}/").status_code == 200
