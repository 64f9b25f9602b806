"""Retention: a request and its proofs are deleted a set time after it ended (placed, withdrawn, not answered),
and never-confirmed requests after a month; the parent deletes hers at any time; the figures keep counts only."""
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from intake import services, tasks
from intake.models import CareRequest, Proof, YearFigure
from tests.intake.conftest import anonymous, file, form_data


def test_ended_requests_go_after_the_retention_time_and_the_figures_stay(world):
    ended = file(world.a, email="old@example.test")
    services.withdraw(ended, user=ended.user)
    CareRequest.objects.filter(pk=ended.pk).update(ended_at=timezone.now() - timedelta(days=400))
    recent = file(world.a, email="recent@example.test")
    services.withdraw(recent, user=recent.user)
    still_open = file(world.a, email="open@example.test")
    anonymous(world.a.host).post("/care-request/", form_data(world.a.location, email="never@example.test"))
    CareRequest.objects.filter(email="never@example.test").update(created_at=timezone.now() - timedelta(days=40))
    assert tasks.purge_ended_requests.run() == 2
    assert set(CareRequest.objects.values_list("pk", flat=True)) == {recent.pk, still_open.pk}
    assert YearFigure.objects.filter(request_id=ended.pk, outcome="withdrawn").exists()


def test_the_parent_deletes_her_request_and_its_proofs(world, client_for):
    request = file(world.a, works=True)
    services.add_proof(request, user=request.user, kind="employer",
                       file=SimpleUploadedFile("w.pdf", b"%PDF proof", "application/pdf"))
    response = client_for(request.user).post(f"/care-requests/{request.pk}/delete/")
    assert response.status_code == 302
    assert not CareRequest.objects.filter(pk=request.pk).exists() and not Proof.objects.exists()
    assert YearFigure.objects.get(request_id=request.pk).outcome == "withdrawn"


def test_a_proof_must_be_a_small_pdf_or_image(world, client_for):
    request = file(world.a)
    client = client_for(request.user)
    client.post(f"/care-requests/{request.pk}/proof/", {
        "kind": "employer", "file": SimpleUploadedFile("x.exe", b"MZ", "application/octet-stream")})
    assert not Proof.objects.exists()
