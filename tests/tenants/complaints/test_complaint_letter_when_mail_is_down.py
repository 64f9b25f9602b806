"""A complaint letter sent while the mail server is down: the letter is stored and the page answers as usual,
the e-mail waits in the outbox instead of being dropped without a word, the entrepreneur's complaint page says
it has not reached the parent yet (and, given up, that it failed, with a button to send it again), sending the
letter again stores no second one, and the parent gets it exactly once, with the stored PDF, when the mail
server is back. The deadline reminders the same: the job finishes, and each reminder arrives once."""
from datetime import date

from django.core import mail

from tenants.complaints import services
from tenants.complaints.models import Complaint, Letter
from tests.outbox.helpers import committed_while_mail_is_down, deliver_outbox, give_up, later, mail_server_down, rows
from tests.tenants.complaints.conftest import at, record

LETTER, REMINDER = "complaints.letter", "complaints.reminder"


def letters(site) -> list[tuple[str, str]]:
    with at(site):
        return list(Letter.objects.values_list("kind", "sent_to"))


def test_acknowledged_while_the_mail_server_is_down_and_delivered_once_it_is_back(
        world, client_for, filed, django_capture_on_commit_callbacks):
    pk = filed["id"]
    owner = client_for(world.a.entrepreneur, world.a)
    with committed_while_mail_is_down(django_capture_on_commit_callbacks):
        response = owner.post(f"/complaints/{pk}/acknowledge/")
    assert response.status_code == 302 and response["Location"] == f"/complaints/{pk}/"
    assert letters(world.a) == [("acknowledgement", world.a.parent.email)]
    [row] = rows(kind=LETTER)
    assert (row.status, row.attempts, row.last_error) == ("pending", 1, "SMTPServerDisconnected")
    assert mail.outbox == []

    page = owner.get(f"/complaints/{pk}/").content.decode()
    assert 'data-delivery-state="retrying"' in page
    assert "E-mail to the parent not sent yet — it will be tried again." in page
    assert f'action="/complaints/{pk}/send-again/"' in page
    assert "data-delivery-state" not in client_for(world.a.parent, world.a).get(f"/complaints/{pk}/").content.decode()

    # The entrepreneur, not seeing it go out, sends the acknowledgement again: refused, nothing twice.
    assert owner.post(f"/complaints/{pk}/acknowledge/").status_code == 400
    assert len(letters(world.a)) == 1 and len(rows(kind=LETTER)) == 1

    deliver_outbox(now=later(2))  # the sweep, the mail server back
    deliver_outbox(now=later(600))
    [message] = mail.outbox
    assert message.to == [world.a.parent.email]
    assert message.subject == f"Confirmation of receipt of your complaint — {world.a.location.name}"
    with at(world.a):
        stored = Letter.objects.get()
    assert message.body == stored.body
    assert message.attachments == [(f"acknowledgement-{filed['reference']}.pdf", bytes(stored.pdf),
                                    "application/pdf")]
    assert 'data-delivery-state="sent"' in owner.get(f"/complaints/{pk}/").content.decode()


def test_given_up_shown_on_the_complaint_page_and_sent_again_once(world, client_for, filed):
    pk = filed["id"]
    owner = client_for(world.a.entrepreneur, world.a)
    assert owner.post(f"/complaints/{pk}/acknowledge/").status_code == 302
    give_up()
    page = owner.get(f"/complaints/{pk}/").content.decode()
    assert 'data-delivery-state="failed"' in page and "The e-mail to the parent could not be sent." in page
    assert LETTER in client_for(world.coop_admin).get("/deliveries/").content.decode()

    response = owner.post(f"/complaints/{pk}/send-again/")
    assert response.status_code == 302 and response["Location"] == f"/complaints/{pk}/"
    deliver_outbox()
    deliver_outbox(now=later(5))
    assert [m.to for m in mail.outbox] == [[world.a.parent.email]]
    assert len(letters(world.a)) == 1  # sending again wrote no second letter
    assert owner.post(f"/complaints/{pk}/send-again/").status_code == 302  # nothing left: says so, sends nothing
    deliver_outbox(now=later(10))
    assert len(mail.outbox) == 1
    assert client_for(world.a.parent, world.a).post(f"/complaints/{pk}/send-again/").status_code == 403


def test_reminders_while_the_mail_server_is_down_arrive_once_when_it_is_back(world, client_for):
    complaint = record(world.a, date(2020, 1, 6))  # long overdue: the reminder on the deadline, the parent's notice
    with at(world.a), mail_server_down():
        assert services.send_due_reminders(date(2020, 3, 1), world.a.location) == 2  # the job finishes
        deliver_outbox()
    with at(world.a):
        assert Complaint.objects.get(pk=complaint.pk).reminders_sent == ["on_deadline", "parent_overdue"]
    assert mail.outbox == [] and {(row.status, row.attempts) for row in rows(kind=REMINDER)} == {("pending", 1)}
    page = client_for(world.a.entrepreneur, world.a).get(f"/complaints/{complaint.pk}/").content.decode()
    assert "E-mail to the parent not sent yet — it will be tried again." in page

    with at(world.a):
        assert services.send_due_reminders(date(2020, 3, 2), world.a.location) == 0  # marked: nothing twice
    deliver_outbox(now=later(2))
    deliver_outbox(now=later(600))
    assert sorted(m.to[0] for m in mail.outbox) == sorted([world.a.parent.email, world.a.entrepreneur.email])
