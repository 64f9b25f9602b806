"""The sweep delivers what is due: retried with back-off while the mail server is down, exactly once, given up
after a number of attempts and then shown (to the person who acted and to the cooperative admin), and sent
again on request without doubling anything."""
import logging
import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from outbox import rules, services
from outbox.models import Delivery
from tests.outbox.helpers import deliver_outbox, later, mail_server_down, rows
from tests.tenants.conftest import in_schema


def publish(world, api, title="Studiedag", body="Vrijdag zijn we dicht"):
    response = api(world.a.entrepreneur, world.a).post("/api/v1/announcements/", {"title": title, "body": body})
    assert response.status_code == 201, response.content
    return response.json()["id"]


def parents_of_a(world):
    return sorted([world.a.parent.email, world.two_location_parent.email])


@pytest.mark.parametrize(("attempts", "wait"), [
    (0, timedelta(0)),
    (1, timedelta(minutes=1)),
    (2, timedelta(minutes=2)),
    (3, timedelta(minutes=4)),
    (7, timedelta(minutes=64)),
    (8, timedelta(hours=2)),  # capped
    (9, timedelta(hours=2)),
])
def test_the_wait_doubles_up_to_two_hours(attempts, wait):
    assert rules.retry_delay(attempts) == wait


def test_retried_with_back_off_until_the_mail_server_is_back(world, api):
    publish(world, api)
    start = timezone.now()
    with mail_server_down():
        deliver_outbox(now=start)
    notices = rows(kind="messages.notice")
    assert len(notices) == 2
    for row in notices:
        assert (row.status, row.attempts, row.last_error) == ("pending", 1, "SMTPServerDisconnected")
        assert row.next_attempt_at == start + timedelta(minutes=1)

    with mail_server_down():
        assert deliver_outbox(now=start + timedelta(seconds=30)) == {}  # not due yet: nothing is tried
        deliver_outbox(now=start + timedelta(minutes=1))
    assert {(row.attempts, row.next_attempt_at) for row in rows(kind="messages.notice")} == {
        (2, start + timedelta(minutes=3))}

    assert mail.outbox == []
    deliver_outbox(now=start + timedelta(minutes=3))
    assert sorted(m.to[0] for m in mail.outbox) == parents_of_a(world)
    assert {(row.status, row.attempts, row.last_error) for row in rows(kind="messages.notice")} == {("sent", 3, "")}

    deliver_outbox(now=start + timedelta(hours=10))
    assert len(mail.outbox) == 2  # delivered rows are never sent again


def test_exactly_once_when_the_worker_and_the_sweep_both_try(world, api):
    publish(world, api)
    ids = [row.pk for row in rows(kind="messages.notice")]
    services.deliver(ids)  # the task queued after the commit
    deliver_outbox()  # the sweep a moment later
    services.deliver(ids)  # the same task delivered twice by the broker
    assert sorted(m.to[0] for m in mail.outbox) == parents_of_a(world)


def test_a_delivery_in_another_workers_hands_is_left_alone_until_its_lease_ends(world, api):
    publish(world, api)
    now = timezone.now()
    taken = rows(kind="messages.notice")[0]
    Delivery.objects.filter(pk=taken.pk).update(status="sending", claimed_until=now + rules.LEASE)
    deliver_outbox(now=now)
    assert len(mail.outbox) == 1  # only the other one
    assert Delivery.objects.get(pk=taken.pk).status == "sending"

    deliver_outbox(now=now + rules.LEASE + timedelta(seconds=1))  # that worker died
    assert len(mail.outbox) == 2
    assert Delivery.objects.get(pk=taken.pk).status == "sent"


def test_given_up_after_the_last_attempt_shown_and_sent_again_once(world, api, client_for, english):
    announcement = publish(world, api)
    now = timezone.now()
    with mail_server_down(ConnectionRefusedError):
        for attempt in range(1, rules.MAX_ATTEMPTS + 1):
            deliver_outbox(now=now)
            now += rules.retry_delay(attempt)
    assert {(row.status, row.attempts, row.last_error) for row in rows(kind="messages.notice")} == {
        ("failed", rules.MAX_ATTEMPTS, "ConnectionRefusedError")}
    with mail_server_down(ConnectionRefusedError):
        deliver_outbox(now=now + timedelta(days=1))
    assert Delivery.objects.get(pk=rows(kind="messages.notice")[0].pk).attempts == rules.MAX_ATTEMPTS

    # The person who acted sees it, with a button that sends again.
    entrepreneur = client_for(world.a.entrepreneur, world.a)
    page = entrepreneur.get(f"/announcements/{announcement}/").content.decode()
    assert 'data-delivery-state="failed"' in page and "Sending failed" in page
    assert f'action="/announcements/{announcement}/send-again/"' in page
    assert "Sending failed" not in client_for(world.a.parent, world.a).get(
        f"/announcements/{announcement}/").content.decode()  # parents are not bothered with it

    # The cooperative admin sees how many were given up, where.
    admin = client_for(world.coop_admin)
    home = admin.get("/").content.decode()
    assert 'id="failed-deliveries"' in home and "2 outgoing messages could not be delivered." in home
    overview = admin.get("/deliveries/").content.decode()
    assert "Test alpha" in overview and "messages.notice" in overview
    for secret in (world.a.parent.email, "Vrijdag", "Studiedag"):
        assert secret not in overview

    response = entrepreneur.post(f"/announcements/{announcement}/send-again/")
    assert response.status_code == 302
    assert {(row.status, row.attempts) for row in rows(kind="messages.notice")} == {("pending", 0)}
    deliver_outbox()
    assert sorted(m.to[0] for m in mail.outbox) == parents_of_a(world)
    with in_schema(world.a):
        from tenants.messages.models import Announcement

        assert Announcement.objects.count() == 1  # sending again made no second announcement
    assert 'data-delivery-state="sent"' in entrepreneur.get(f"/announcements/{announcement}/").content.decode()
    assert 'id="failed-deliveries"' not in admin.get("/").content.decode()


def test_the_cooperative_admin_sends_all_given_up_messages_again(world, api, client_for):
    publish(world, api)
    Delivery.objects.update(status="failed", attempts=rules.MAX_ATTEMPTS, last_error="SMTPException")
    response = client_for(world.coop_admin).post("/deliveries/send-again/")
    assert response.status_code == 302
    deliver_outbox()
    assert len(mail.outbox) == 2


def test_only_the_cooperative_admin_sees_the_outgoing_messages(world, client_for):
    assert client_for(world.coop_admin).get("/deliveries/").status_code == 200
    for user in (world.adviser, world.pedagogue, world.two_location_parent):
        assert client_for(user).get("/deliveries/").status_code == 403
        assert client_for(user).post("/deliveries/send-again/").status_code == 403
    assert client_for(world.a.entrepreneur, world.a).get("/deliveries/").status_code == 404


def test_the_log_names_the_error_never_the_address_or_the_text(world, api, caplog):
    publish(world, api, body="Koorts bij Saartje")
    with caplog.at_level(logging.WARNING, logger="outbox"), mail_server_down(smtplib.SMTPRecipientsRefused):
        deliver_outbox()
    text = caplog.text
    assert "SMTPRecipientsRefused" in text and "messages.notice" in text and "alpha" in text
    for secret in (world.a.parent.email, world.two_location_parent.email, "Koorts", "Saartje", "mail.example.test"):
        assert secret not in text


def test_one_failing_delivery_does_not_hold_up_the_others(world, api):
    publish(world, api)
    broken = Delivery.objects.create(location=world.a.location, kind="no.such.kind", payload={})
    outcome = deliver_outbox()
    assert outcome == {"sent": 2, "pending": 1}
    assert Delivery.objects.get(pk=broken.pk).last_error == "LookupError"
    assert len(mail.outbox) == 2


def test_an_unknown_kind_cannot_be_written():
    with pytest.raises(LookupError):
        services.enqueue("no.such.kind", [{}], location=None)


def test_delivered_rows_are_removed_after_a_month_failed_ones_stay(world, api):
    publish(world, api)
    deliver_outbox()
    failed = Delivery.objects.create(location=world.a.location, kind="messages.notice", payload={}, status="failed")
    notices = Delivery.objects.filter(kind="messages.notice")
    deliver_outbox(now=later(60 * 24 * 29))
    assert notices.filter(status="sent").count() == 2
    deliver_outbox(now=later(60 * 24 * 31))
    assert list(notices.values_list("pk", flat=True)) == [failed.pk]
