"""A deletion request asked and handled while the mail server is down: the parent's request and the
entrepreneur's handling are saved and answered as usual (no server error after the save), asking or handling
again stores nothing twice, the waiting e-mails are listed for the cooperative admin per location and kind, and
each reaches its recipient exactly once when the mail server is back."""
from django.core import mail

from portal.models import DeletionRequest
from tests.outbox.helpers import committed_while_mail_is_down, deliver_outbox, give_up, later, rows

ASKED, HANDLED = "portal.deletion_request", "portal.deletion_handled"


def test_asked_and_handled_while_the_mail_server_is_down_each_e_mail_once_when_it_is_back(
        world, client_for, django_capture_on_commit_callbacks):
    parent = world.two_location_parent
    asking = client_for(parent)
    form = {"location": world.a.location.pk, "reason": "We zijn verhuisd"}
    with committed_while_mail_is_down(django_capture_on_commit_callbacks):
        response = asking.post("/privacy/deletion/", form)
    assert response.status_code == 302  # saved, and answered as saved
    request = DeletionRequest.objects.get(user=parent)
    assert [(row.payload, row.status, row.attempts) for row in rows(kind=ASKED)] == [
        ({"request": request.pk, "user": world.a.entrepreneur.pk}, "pending", 1)]

    # Not sure it went through, the parent asks again: refused by name, nothing stored or queued twice.
    again = asking.post("/privacy/deletion/", form)
    assert again.status_code == 400 and "already have an open deletion request" in again.content.decode()
    assert DeletionRequest.objects.filter(user=parent).count() == 1 and len(rows(kind=ASKED)) == 1

    admin = client_for(world.coop_admin)
    overview = admin.get("/deliveries/").content.decode()
    assert ASKED in overview and world.a.location.name in overview and parent.email not in overview

    owner = client_for(world.a.entrepreneur, world.a)
    with committed_while_mail_is_down(django_capture_on_commit_callbacks):
        handled = owner.post(f"/privacy/deletion-requests/{request.pk}/", {"note": "Veel geluk!"})
    assert handled.status_code == 302
    request.refresh_from_db()
    assert request.status in ("done", "refused") and request.handled_by == world.a.entrepreneur
    assert mail.outbox == []
    assert owner.post(f"/privacy/deletion-requests/{request.pk}/", {"note": "Nog eens"}).status_code == 400
    request.refresh_from_db()
    assert request.note == "Veel geluk!" and len(rows(kind=HANDLED)) == 1
    assert HANDLED in admin.get("/deliveries/").content.decode()

    deliver_outbox(now=later(2))  # the sweep, the mail server back
    deliver_outbox(now=later(600))
    # Handled before the mail server came back: the entrepreneur is not asked for what is done already.
    assert [(m.to, m.subject) for m in mail.outbox] == [([parent.email], "Your deletion request")]
    assert "Veel geluk!" in mail.outbox[0].body
    assert {row.status for row in rows()} == {"sent"}
    assert "Everything has been delivered." in admin.get("/deliveries/").content.decode()


def test_the_entrepreneur_is_told_once_when_the_mail_server_is_back(
        world, client_for, django_capture_on_commit_callbacks):
    with committed_while_mail_is_down(django_capture_on_commit_callbacks):
        response = client_for(world.two_location_parent).post("/privacy/deletion/", {"location": world.a.location.pk})
    assert response.status_code == 302
    deliver_outbox(now=later(2))
    deliver_outbox(now=later(600))
    assert [(m.to, m.subject) for m in mail.outbox] == [
        ([world.a.entrepreneur.email], "A parent asks to delete their data")]


def test_given_up_the_admin_sees_it_and_sends_it_again_once(world, client_for):
    client_for(world.two_location_parent).post("/privacy/deletion/", {"location": world.a.location.pk})
    give_up()
    admin = client_for(world.coop_admin)
    assert "1 outgoing message could not be delivered." in admin.get("/").content.decode()
    assert ASKED in admin.get("/deliveries/").content.decode()
    assert admin.post("/deliveries/send-again/").status_code == 302
    deliver_outbox()
    deliver_outbox(now=later(5))
    assert [m.to for m in mail.outbox] == [[world.a.entrepreneur.email]]
