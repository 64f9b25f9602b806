"""A staff invitation whose e-mail cannot be sent still makes the person a staff member: the page answers as
usual, the invitation waits in the outbox and is sent once the mail server is back, the staff page shows it as
not sent or pending with a button to send it again, and inviting the person again sends the invitation again
instead of answering "already a staff member"."""
from unittest import mock

from django.core import mail

from accounts.models import Membership, User
from outbox import rules
from outbox import services as outbox
from outbox.models import Delivery
from tenants.groups.models import StaffProfile
from tests.outbox.helpers import deliver_outbox, later, mail_server_down
from tests.tenants.conftest import in_schema

ANOUK = {"email": "anouk@example.test", "full_name": "Anouk de Boer", "job_role": "pm"}


def invitations():
    return list(Delivery.objects.filter(kind="invitation").order_by("pk"))


def test_invited_when_the_mail_server_is_down_and_sent_once_it_is_back(
        world, client_for, django_capture_on_commit_callbacks):
    owner = client_for(world.a.entrepreneur, world.a)
    with mail_server_down(), mock.patch("outbox.tasks.deliver.apply_async") as queued, \
            django_capture_on_commit_callbacks(execute=True):
        response = owner.post("/staff/invite/", ANOUK)
    assert response.status_code == 302
    anouk = User.objects.get(email="anouk@example.test")
    assert Membership.objects.filter(user=anouk, location=world.a.location, role="staff", is_active=True).exists()
    with mail_server_down():
        outbox.deliver(queued.call_args.kwargs["args"][0])  # the worker right after the commit
    assert mail.outbox == []
    page = owner.get("/staff/").content.decode()
    assert 'data-invitation-state="retrying"' in page and "Invitation not sent yet — it will be tried again." in page

    # Inviting her again is not refused: the waiting invitation is sent again, nothing is doubled.
    again = owner.post("/staff/invite/", ANOUK, follow=True)
    assert again.status_code == 200
    assert "the invitation was sent again" in again.content.decode()
    assert "already a staff member" not in again.content.decode()
    with in_schema(world.a):
        assert StaffProfile.objects.filter(user=anouk).count() == 1
    assert [(row.status, row.attempts) for row in invitations()] == [("pending", 0)]

    deliver_outbox(now=later(2))
    assert [m.to for m in mail.outbox] == [["anouk@example.test"]]
    assert "/account/invitation/" in mail.outbox[0].body
    page = owner.get("/staff/").content.decode()
    assert 'data-invitation-state="pending"' in page and "Send the invitation again" in page


def test_a_given_up_invitation_is_shown_and_sent_again_from_the_staff_page(world, client_for):
    owner = client_for(world.a.entrepreneur, world.a)
    owner.post("/staff/invite/", ANOUK)
    Delivery.objects.filter(kind="invitation").update(status="failed", attempts=rules.MAX_ATTEMPTS,
                                                      last_error="SMTPServerDisconnected")
    page = owner.get("/staff/").content.decode()
    assert 'data-delivery-state="failed"' in page and "The invitation could not be sent." in page
    with in_schema(world.a):
        profile = StaffProfile.objects.get(user__email="anouk@example.test")
    assert f'action="/staff/{profile.pk}/reinvite/"' in page
    assert 'data-invitation-state' not in client_for(world.a.staff, world.a).get("/staff/").content.decode()

    assert owner.post(f"/staff/{profile.pk}/reinvite/").status_code == 302
    deliver_outbox()
    assert [m.to for m in mail.outbox] == [["anouk@example.test"]]
    assert len(invitations()) == 1  # the same invitation, sent again


def test_someone_who_activated_the_account_is_still_already_a_staff_member(world, api):
    client = api(world.a.entrepreneur, world.a)
    first = client.post("/api/v1/staff/", ANOUK)
    assert first.status_code == 201 and first.json()["invitation"] == "pending"
    deliver_outbox()
    again = client.post("/api/v1/staff/", ANOUK)
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]
    deliver_outbox()
    assert len(mail.outbox) == 2  # sent, and sent again: a new e-mail with a fresh link
    assert len(invitations()) == 2

    anouk = User.objects.get(email="anouk@example.test")
    anouk.set_password("een-goed-wachtwoord-123")
    anouk.save()
    refused = client.post("/api/v1/staff/", ANOUK)
    assert refused.status_code == 400 and "email" in refused.json()
    assert client.get(f"/api/v1/staff/{first.json()['id']}/").json()["invitation"] == "active"
    response = client.post(f"/api/v1/staff/{first.json()['id']}/reinvite/")
    assert response.status_code == 400 and "invitation" in response.json()


def test_the_api_shows_a_failed_invitation_and_sends_it_again(world, api):
    client = api(world.a.entrepreneur, world.a)
    pk = client.post("/api/v1/staff/", ANOUK).json()["id"]
    with mail_server_down(ConnectionRefusedError):
        deliver_outbox()
    assert client.get(f"/api/v1/staff/{pk}/").json()["invitation"] == "retrying"
    Delivery.objects.filter(kind="invitation").update(status="failed")
    assert client.get(f"/api/v1/staff/{pk}/").json()["invitation"] == "failed"
    assert client.post(f"/api/v1/staff/{pk}/reinvite/").status_code == 202
    deliver_outbox()
    assert [m.to for m in mail.outbox] == [["anouk@example.test"]]
    assert api(world.a.staff, world.a).get(f"/api/v1/staff/{pk}/").json()["invitation"] is None
    assert api(world.a.staff, world.a).post(f"/api/v1/staff/{pk}/reinvite/").status_code == 403
