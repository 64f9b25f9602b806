"""The adviser finishes a visit report while the mail server is down: the report is finished and the page
answers as usual (no server error after the save), the e-mail to the entrepreneur waits in the outbox and is
shown on the adviser's visit page as not sent yet, finishing again stores nothing twice, and the entrepreneur
gets the e-mail exactly once when the mail server is back. Given up, it is shown as failed (there and to the
cooperative admin) and sent again by the adviser's button, once."""
from django.core import mail

from outbox import rules
from outbox.models import Delivery
from tests.advisory.test_visit_report import answers_for, visit_with_checklist
from tests.outbox.helpers import committed_while_mail_is_down, deliver_outbox, give_up, later, rows

KIND = "advisory.report"


def finish(client, visit):
    return client.post(f"/advisory/visits/{visit.pk}/checklist/", answers_for(visit) | {"complete": "1"})


def test_finished_while_the_mail_server_is_down_and_delivered_once_it_is_back(
        world, client_for, django_capture_on_commit_callbacks):
    visit = visit_with_checklist(world, world.a.location)
    adviser = client_for(world.adviser)
    with committed_while_mail_is_down(django_capture_on_commit_callbacks) as queued:
        response = finish(adviser, visit)
    assert response.status_code == 302 and response["Location"] == f"/advisory/visits/{visit.pk}/"
    assert queued.call_args.kwargs["args"][0] == [row.pk for row in rows(kind=KIND)]
    visit.refresh_from_db()
    finished_at = visit.completed_at
    assert visit.is_done and mail.outbox == []
    [row] = rows(kind=KIND)
    assert (row.location_id, row.payload, row.status, row.attempts, row.last_error) == (
        world.a.location.pk, {"visit": visit.pk, "user": world.a.entrepreneur.pk}, "pending", 1,
        "SMTPServerDisconnected")

    page = adviser.get(response["Location"]).content.decode()
    assert 'data-delivery-state="retrying"' in page
    assert "E-mail to the entrepreneur not sent yet — it will be tried again." in page
    assert f'action="/advisory/visits/{visit.pk}/report-mail/send-again/"' in page

    # Not seeing the e-mail go out, the adviser finishes the report again: refused, nothing stored twice.
    again = finish(adviser, visit)
    assert again.status_code in (302, 400)
    visit.refresh_from_db()
    assert visit.completed_at == finished_at and len(rows(kind=KIND)) == 1

    deliver_outbox(now=later(2))  # the sweep, the mail server back
    assert [(m.to, m.subject) for m in mail.outbox] == [
        ([world.a.entrepreneur.email], "The report of your adviser's visit is ready")]
    assert "Warm atmosphere" not in mail.outbox[0].body and visit.location.url in mail.outbox[0].body
    deliver_outbox(now=later(600))
    assert len(mail.outbox) == 1
    assert 'data-delivery-state="sent"' in adviser.get(response["Location"]).content.decode()


def test_given_up_shown_to_the_adviser_and_the_admin_and_sent_again_once(world, client_for):
    visit = visit_with_checklist(world, world.a.location)
    adviser = client_for(world.adviser)
    assert finish(adviser, visit).status_code == 302
    give_up()
    assert {(row.status, row.attempts) for row in rows(kind=KIND)} == {("failed", rules.MAX_ATTEMPTS)}

    page = adviser.get(f"/advisory/visits/{visit.pk}/").content.decode()
    assert 'data-delivery-state="failed"' in page and "The e-mail to the entrepreneur could not be sent." in page
    overview = client_for(world.coop_admin).get("/deliveries/").content.decode()
    assert KIND in overview and world.a.location.name in overview
    assert world.a.entrepreneur.email not in overview

    response = adviser.post(f"/advisory/visits/{visit.pk}/report-mail/send-again/")
    assert response.status_code == 302 and response["Location"] == f"/advisory/visits/{visit.pk}/"
    assert {(row.status, row.attempts) for row in rows(kind=KIND)} == {("pending", 0)}
    deliver_outbox()
    assert [m.to for m in mail.outbox] == [[world.a.entrepreneur.email]]
    assert adviser.post(f"/advisory/visits/{visit.pk}/report-mail/send-again/").status_code == 302
    deliver_outbox(now=later(5))
    assert len(mail.outbox) == 1 and Delivery.objects.filter(kind=KIND).count() == 1
    assert 'data-delivery-state="sent"' in adviser.get(f"/advisory/visits/{visit.pk}/").content.decode()


def test_only_the_cooperative_sends_again_and_only_visits_it_may_see(world, client_for):
    visit = visit_with_checklist(world, world.b.location)  # location B is not the adviser's
    assert client_for(world.adviser).post(f"/advisory/visits/{visit.pk}/report-mail/send-again/").status_code == 404
    assert client_for(world.a.entrepreneur).post(
        f"/advisory/visits/{visit.pk}/report-mail/send-again/").status_code in (403, 404)
