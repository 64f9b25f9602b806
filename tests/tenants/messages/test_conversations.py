"""A parent starts a conversation about their child with the group or the entrepreneur; the location
answers; read receipts show when the other side read a message."""
from tenants.messages.models import Conversation, MessageRead
from tests.outbox.helpers import delivered
from tests.tenants.conftest import in_schema


def test_parent_writes_the_entrepreneur_and_sees_when_it_was_read(world, client_for):
    parent = client_for(world.a.parent, world.a)
    response = parent.post("/messages/new/", {"child": world.a.child_id, "recipient": "entrepreneur",
                                              "subject": "Ophalen vrijdag", "body": "Oma haalt op"})
    assert response.status_code == 302, response.content.decode()[:1500]
    with in_schema(world.a):
        conversation = Conversation.objects.get(subject="Ophalen vrijdag")
    thread = f"/messages/{conversation.pk}/"
    assert "Not read yet" in parent.get(thread).content.decode()

    owner = client_for(world.a.entrepreneur, world.a)
    assert "Oma haalt op" in owner.get(thread).content.decode()
    assert "Read " in parent.get(thread).content.decode(), "the parent sees the read receipt"

    assert owner.post(thread, {"body": "Prima, tot vrijdag"}).status_code == 302
    with in_schema(world.a):
        reply = conversation.messages.get(body="Prima, tot vrijdag")
        assert reply.from_location
        assert not MessageRead.objects.filter(message=reply, user=world.a.parent).exists()
    parent.get(thread)
    with in_schema(world.a):
        assert MessageRead.objects.filter(message=reply, user=world.a.parent).exists()


def test_the_api_lists_unread_and_marks_read(world, api):
    parent = api(world.a.parent, world.a)
    created = parent.post("/api/v1/conversations/", {"child": world.a.child_id, "subject": "Vraag",
                                                      "body": "Slaapt ze goed?", "recipient": "group"})
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    owner = api(world.a.entrepreneur, world.a)
    assert owner.get("/api/v1/conversations/").json()["results"][0]["unread"] == 1
    messages = owner.get(f"/api/v1/conversations/{pk}/messages/").json()
    assert messages[0]["body"] == "Slaapt ze goed?"
    assert owner.get("/api/v1/conversations/").json()["results"][0]["unread"] == 0
    assert parent.get(f"/api/v1/conversations/{pk}/messages/").json()[0]["read_by_other_side_at"] is not None


def test_an_empty_message_names_the_field(world, api):
    response = api(world.a.parent, world.a).post("/api/v1/conversations/", {
        "child": world.a.child_id, "subject": "", "body": " "})
    assert response.status_code == 400
    assert {"subject", "body"} <= set(response.json())
    with in_schema(world.a):
        assert not Conversation.objects.exists()


def test_a_group_conversation_reaches_the_groups_staff(world, api, mailoutbox):
    from tenants.children.models import Child
    from tenants.groups.models import Group, StaffProfile

    with in_schema(world.a):
        group = Group.objects.create(name="Vlinders", kind="stamgroep")
        Child.objects.filter(pk=world.a.child_id).update(group=group)
        StaffProfile.objects.create(user=world.a.staff).groups.add(group)
    with delivered():
        created = api(world.a.parent, world.a).post("/api/v1/conversations/", {
            "child": world.a.child_id, "subject": "Knuffel", "body": "Knuffel vergeten", "recipient": "group"})
    assert created.status_code == 201
    assert [m.to for m in mailoutbox] == [[world.a.staff.email]]
    staff_list = api(world.a.staff, world.a).get("/api/v1/conversations/").json()["results"]
    assert [row["subject"] for row in staff_list] == ["Knuffel"]
