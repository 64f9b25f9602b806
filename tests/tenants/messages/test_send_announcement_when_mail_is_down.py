"""An announcement whose e-mail notices cannot be sent is still published: the page answers as usual, the
notices wait in the outbox and reach each parent once when the mail server is back, the writer sees that they
are not sent yet, and sending the same announcement again stores no second one."""
from unittest import mock

from django.core import mail

from outbox import services as outbox
from outbox.models import Delivery
from tests.outbox.helpers import deliver_outbox, later, mail_server_down
from tests.tenants.conftest import in_schema


def announcements(world):
    from tenants.messages.models import Announcement

    with in_schema(world.a):
        return list(Announcement.objects.values_list("title", flat=True))


def new_form_key(client) -> str:
    page = client.get("/announcements/new/").content.decode()
    start = page.index('name="idempotency_key" value="') + len('name="idempotency_key" value="')
    return page[start:page.index('"', start)]


def test_published_when_the_mail_server_is_down_and_delivered_once_it_is_back(
        world, client_for, django_capture_on_commit_callbacks):
    staff = client_for(world.a.staff, world.a)
    key = new_form_key(staff)
    form = {"title": "Studiedag", "body": "Vrijdag gesloten", "group": "", "idempotency_key": key}
    with mail_server_down(), mock.patch("outbox.tasks.deliver.apply_async") as queued, \
            django_capture_on_commit_callbacks(execute=True):
        response = staff.post("/announcements/new/", form)
    assert response.status_code == 302  # saved, and answered as saved
    assert announcements(world) == ["Studiedag"]
    queued.assert_called_once()
    ids = queued.call_args.kwargs["args"][0]
    assert sorted(ids) == sorted(Delivery.objects.filter(kind="messages.notice").values_list("pk", flat=True))

    with mail_server_down():
        outbox.deliver(ids)  # the worker right after the commit
    assert mail.outbox == []
    page = staff.get(response["Location"]).content.decode()
    assert 'data-delivery-state="retrying"' in page and "E-mail not sent yet — it will be tried again." in page

    # The writer, not seeing an e-mail go out, sends the same form again: nothing new is stored or queued.
    again = staff.post("/announcements/new/", form, follow=True)
    assert again.status_code == 200 and "already published" in again.content.decode()
    assert again.redirect_chain[-1][0] == response["Location"]
    assert announcements(world) == ["Studiedag"]
    assert Delivery.objects.filter(kind="messages.notice").count() == 2

    deliver_outbox(now=later(2))  # the sweep, the mail server back
    assert sorted(m.to[0] for m in mail.outbox) == sorted([world.a.parent.email, world.two_location_parent.email])
    deliver_outbox(now=later(60))
    assert len(mail.outbox) == 2
    assert 'data-delivery-state="sent"' in staff.get(response["Location"]).content.decode()


def test_the_same_announcement_through_the_api_is_stored_once(world, api):
    client = api(world.a.entrepreneur, world.a)
    client.client.defaults["HTTP_IDEMPOTENCY_KEY"] = "3f1c2a"
    first = client.post("/api/v1/announcements/", {"title": "Luizen", "body": "Kammen graag"})
    second = client.post("/api/v1/announcements/", {"title": "Luizen", "body": "Kammen graag"})
    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json()["id"] == second.json()["id"]
    assert first.json()["email_notices"] == "sending"

    del client.client.defaults["HTTP_IDEMPOTENCY_KEY"]
    without_key = client.post("/api/v1/announcements/", {"title": "Luizen", "body": "Kammen graag"})
    assert without_key.status_code == 200 and without_key.json()["id"] == first.json()["id"]  # within minutes
    other = client.post("/api/v1/announcements/", {"title": "Luizen", "body": "Ook de jassen"})
    assert other.status_code == 201
    assert announcements(world) == ["Luizen", "Luizen"]
    assert Delivery.objects.filter(kind="messages.notice").count() == 4  # two parents, two announcements


def test_a_key_that_is_too_long_is_refused_by_name(world, api):
    client = api(world.a.entrepreneur, world.a)
    client.client.defaults["HTTP_IDEMPOTENCY_KEY"] = "x" * 65
    response = client.post("/api/v1/announcements/", {"title": "Luizen", "body": "Kammen graag"})
    assert response.status_code == 400 and "idempotency_key" in response.json()
    assert announcements(world) == []


def test_parents_do_not_see_the_delivery_state_or_send_again(world, api):
    pk = api(world.a.entrepreneur, world.a).post("/api/v1/announcements/", {"title": "Feest", "body": "Taart"}).json()
    assert api(world.a.parent, world.a).get(f"/api/v1/announcements/{pk['id']}/").json()["email_notices"] is None
    assert api(world.a.parent, world.a).post(f"/api/v1/announcements/{pk['id']}/send-again/").status_code == 403
    assert api(world.a.entrepreneur, world.a).post(f"/api/v1/announcements/{pk['id']}/send-again/").json() == {
        "sent_again": 2}
