"""GGD inspections: findings per domain, the result, a PDF report (content checked, at most 20 MB), shown
with the LRK numbers; the report is served only to those allowed."""
from datetime import date

from django.core.files.uploadedfile import SimpleUploadedFile

from advisory import rules, services
from advisory.models import Inspection
from tests.advisory.conftest import pdf


def post(client, slug, **extra):
    data = {"inspected_on": "2025-04-02", "kind": "annual", "met_requirements": "no", "summary": "Ratio exceeded",
            "finding_staff": "not_met", "finding_staff_remark": "BKR exceeded on Tuesday", "finding_safety": "met"}
    data.update(extra)
    return client.post(f"/advisory/locations/{slug}/inspections/new/", data)


def test_adviser_records_an_inspection_with_findings_and_report(client_for, world):
    client = client_for(world.adviser)
    assert post(client, world.a.location.slug, report_file=pdf()).status_code == 302
    inspection = Inspection.objects.get(location=world.a.location)
    assert not inspection.met_requirements and inspection.findings.count() == 2
    page = client.get(f"/advisory/locations/{world.a.location.slug}/").content.decode()
    assert "BKR exceeded on Tuesday" in page and "123456789" in page  # the LRK number is shown with it
    response = client.get(f"/advisory/files/inspection/{inspection.pk}/")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    url = f"/advisory/files/inspection/{inspection.pk}/"
    assert client_for(world.a.entrepreneur, world.a).get(url).status_code == 200
    assert client_for(world.b.entrepreneur, world.b).get(url).status_code == 404
    assert client_for(world.a.parent, world.a).get(url).status_code == 403


def test_a_report_that_is_not_a_pdf_is_refused(client_for, world):
    fake = SimpleUploadedFile("report.pdf", b"<html>not a pdf</html>", content_type="application/pdf")
    response = post(client_for(world.adviser), world.a.location.slug, report_file=fake)
    assert response.status_code == 400 and "report_file" in response.context["form"].errors
    assert not Inspection.objects.exists()


def test_a_report_over_20_mb_is_refused(client_for, world):
    big = SimpleUploadedFile("report.pdf", b"%PDF-1.4\n" + b"0" * rules.MAX_REPORT_BYTES, "application/pdf")
    response = post(client_for(world.adviser), world.a.location.slug, report_file=big)
    assert response.status_code == 400
    assert "20 MB" in response.context["form"].errors["report_file"][0]
    assert not Inspection.objects.exists()


def test_api_not_pdf_is_400_naming_the_field(client_for, world):
    client = client_for(world.adviser)
    response = client.post("/api/v1/advisory/inspections/", {
        "location": world.a.location.slug, "inspected_on": "2025-04-02", "kind": "annual",
        "met_requirements": "true", "report_file": SimpleUploadedFile("r.pdf", b"GIF89a", "application/pdf")})
    assert response.status_code == 400 and "report_file" in response.json()
    assert not Inspection.objects.exists()


def test_entrepreneur_records_her_own_inspection(client_for, world):
    client = client_for(world.a.entrepreneur, world.a)
    response = client.post("/advisory/inspections/new/", {"inspected_on": "2025-02-01", "kind": "incidental",
                                                           "met_requirements": "yes"})
    assert response.status_code == 302
    assert Inspection.objects.get().location == world.a.location


def test_inspection_in_the_future_is_refused(world):
    import pytest
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as exc:
        services.record_inspection(world.a.location, inspected_on=date(2999, 1, 1), kind="annual",
                                   met_requirements=True, user=world.adviser)
    assert "inspected_on" in exc.value.message_dict
