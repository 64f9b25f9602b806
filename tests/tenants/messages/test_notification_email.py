"""The e-mail notice of a new message says only that there is one, in the recipient's language: no subject,
no text, no child's name."""
from tests.outbox.helpers import delivered
from tests.tenants.conftest import in_schema


def test_the_notice_carries_no_content(world, api, mailoutbox):
    with delivered():
        response = api(world.a.parent, world.a).post("/api/v1/conversations/", {
            "child": world.a.child_id, "subject": "Medicijnen", "body": "Ze heeft koorts gehad",
            "recipient": "entrepreneur"})
    assert response.status_code == 201
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == [world.a.entrepreneur.email]
    assert mail.subject == "You have a new message"
    text = mail.subject + mail.body
    for secret in ("Medicijnen", "koorts", "Saartje", "Verbeek", world.a.parent.full_name):
        assert secret not in text
    assert world.a.location.host in mail.body


def test_the_notice_is_in_the_recipients_language(world, api, mailoutbox):
    world.a.parent.language = "nl"
    world.a.parent.save()
    from tenants.messages.models import Conversation

    api(world.a.parent, world.a).post("/api/v1/conversations/", {
        "child": world.a.child_id, "subject": "Vraag", "body": "Hoi", "recipient": "entrepreneur"})
    with in_schema(world.a):
        pk = Conversation.objects.get().pk
    with delivered():
        api(world.a.entrepreneur, world.a).post(f"/api/v1/conversations/{pk}/messages/", {"body": "Antwoord"})
    mail = mailoutbox[-1]
    assert mail.to == [world.a.parent.email]
    assert "Antwoord" not in mail.body
    from django.utils import translation

    with translation.override("nl"):
        from django.utils.translation import gettext

        assert mail.subject == gettext("You have a new message")


def test_no_notice_when_the_transaction_is_rolled_back(world, api, mailoutbox):
    with delivered():
        response = api(world.a.parent, world.a).post("/api/v1/conversations/", {
            "child": world.a.child_id, "subject": "", "body": "x"})
    assert response.status_code == 400
    assert mailoutbox == []
