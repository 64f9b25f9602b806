"""Seed 003 camera protocol art. 5: "De beeldopnames mogen enkel bekeken worden door directies. Het bekijken van
beelden gebeurt altijd op initiatief van ten minste 2 directieleden en enkel mits neergeschreven motivatie."
Directors are the location's entrepreneurs; with one only, the cooperative admin is the second pair of eyes
(approves, never views). Every view and police export is logged; the log is read by the entrepreneur and the
cooperative admin."""
from datetime import timedelta

import pytest
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts.models import Membership
from tenants.webcams import rules
from tests.conftest import make_user
from tests.tenants.conftest import in_schema
from tests.tenants.webcams.conftest import make_recording

MOTIVATION = "Inbraakpoging in de nacht van 3 december, politie vraagt beelden."


@pytest.mark.parametrize(("requester", "approver", "is_director", "is_coop", "directors", "refusal"), [
    (1, 1, True, False, 2, "own_request"),  # art. 5: at least two directors, not one twice
    (1, 2, True, False, 2, None),
    (1, 3, False, False, 2, "not_a_director"),  # staff or parent
    (1, 9, False, True, 1, None),  # one director: the cooperative admin is the second
    (1, 9, False, True, 2, "not_a_director"),  # two directors: they decide themselves
])
def test_who_may_approve(requester, approver, is_director, is_coop, directors, refusal):
    assert rules.approval_refusal(requester_id=requester, approver_id=approver, approver_is_director=is_director,
                                  approver_is_coop_admin=is_coop, directors=directors) == refusal


@pytest.fixture
def second_director(world, db):
    user = make_user("tweede@alpha.test", "Tweede Directeur")
    Membership.objects.create(user=user, location=world.a.location, role="entrepreneur")
    return user


@pytest.fixture
def recording(world, cams, private_media):
    return make_recording(world.a, cams.security, ended_at=timezone.now() - timedelta(days=1))


def test_without_a_second_directors_approval_viewing_is_refused(world, recording, second_director, client_for):
    from tenants.webcams import services
    from tenants.webcams.models import RecordingView

    with in_schema(world.a):
        request = services.request_recording_view(recording=recording, by=world.a.entrepreneur,
                                                  motivation=MOTIVATION)
        with pytest.raises(ValidationError):
            services.log_recording_view(request=request, by=world.a.entrepreneur)
        with pytest.raises(ValidationError) as own:
            services.decide_request(request=request, by=world.a.entrepreneur, approve=True)
        assert "decided_by" in own.value.message_dict
    response = client_for(world.a.entrepreneur, world.a).post(f"/webcams/recordings/requests/{request.pk}/view/")
    assert response.status_code == 302
    with in_schema(world.a):
        assert not RecordingView.objects.exists()


def test_a_motivation_is_required_and_staff_cannot_ask(world, recording):
    from tenants.webcams import services

    with in_schema(world.a):
        with pytest.raises(ValidationError) as short:
            services.request_recording_view(recording=recording, by=world.a.entrepreneur, motivation="kijken")
        assert "motivation" in short.value.message_dict
        with pytest.raises(ValidationError):
            services.request_recording_view(recording=recording, by=world.a.staff, motivation=MOTIVATION)


def test_approved_the_view_and_the_police_export_are_logged(world, recording, second_director, client_for):
    from tenants.webcams import services
    from tenants.webcams.models import RecordingView

    with in_schema(world.a):
        request = services.request_recording_view(recording=recording, by=world.a.entrepreneur,
                                                  motivation=MOTIVATION)
    second = client_for(second_director, world.a)
    assert second.post("/webcams/recordings/", {"decide": request.pk, "approve": "yes"}).status_code == 302
    first = client_for(world.a.entrepreneur, world.a)
    view = first.post(f"/webcams/recordings/requests/{request.pk}/view/")
    assert view.status_code == 200 and b"".join(view.streaming_content).startswith(b"\x00\x00\x00\x18ftyp")
    export = first.post(f"/webcams/recordings/requests/{request.pk}/police-export/")
    assert export.status_code == 200 and "attachment" in export["Content-Disposition"]
    assert export["X-Content-SHA256"] == recording.sha256
    signed = signing.Signer(salt="webcams.police-export").unsign(export["X-Opvangkring-Signature"])
    assert signed.startswith(f"{recording.pk}:{recording.sha256}:")
    with in_schema(world.a):
        log = list(RecordingView.objects.order_by("at").values_list("viewer_id", "kind", "motivation",
                                                                     "recording_id"))
    assert log == [(world.a.entrepreneur.pk, "view", MOTIVATION, recording.pk),
                   (world.a.entrepreneur.pk, "police_export", MOTIVATION, recording.pk)]
    page = first.get("/webcams/recordings/").content.decode()
    assert MOTIVATION in page and "exported for the police" in page
    # Staff and parents never reach the recordings.
    assert client_for(world.a.staff, world.a).get("/webcams/recordings/").status_code == 403
    assert client_for(world.a.parent, world.a).post(
        f"/webcams/recordings/requests/{request.pk}/view/").status_code == 403


def test_with_one_director_the_cooperative_admin_approves_and_reads_the_log(world, recording, client_for):
    from tenants.webcams import services

    with in_schema(world.a):
        request = services.request_recording_view(recording=recording, by=world.a.entrepreneur,
                                                  motivation=MOTIVATION)
    coop = client_for(world.coop_admin, None)
    page = coop.get("/camera-recordings/").content.decode()
    assert MOTIVATION in page
    coop.post("/camera-recordings/", {"location": world.a.location.slug, "decide": request.pk, "approve": "yes"})
    with in_schema(world.a):
        request.refresh_from_db()
        assert request.status == "approved" and request.decided_by_id == world.coop_admin.pk
        services.log_recording_view(request=request, by=world.a.entrepreneur)
        # The cooperative admin approves but never views.
        with pytest.raises(ValidationError):
            services.log_recording_view(request=request, by=world.coop_admin)
    assert "viewed" in coop.get("/camera-recordings/").content.decode()
    # Nobody else of the cooperative reads it; the cooperative admin has no recordings page at the location.
    assert client_for(world.adviser, None).get("/camera-recordings/").status_code == 403
    assert client_for(world.pedagogue, None).get("/camera-recordings/").status_code == 403
    assert client_for(world.coop_admin, world.a).get("/webcams/recordings/").status_code == 403
