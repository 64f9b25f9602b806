"""A parent asks a location to delete their data; the entrepreneur handles it within the retention rules:
what must be kept for tax and registers is kept and the parent is told why."""
from datetime import date, timedelta

from django.core import mail
from django.utils import timezone

from portal.models import DeletionRequest
from tenants.attendance.selectors import local_today
from tests.outbox.helpers import deliver_outbox
from tests.portal.conftest import make_invoice
from tests.tenants.conftest import in_schema


def mila(world):
    from tenants.children.models import Child

    with in_schema(world.a):
        return Child.objects.get(first_name="Mila")


def ended_contract(world, child):
    from tenants.contracts import services
    from tenants.contracts.models import Contract
    from tenants.groups.models import Group

    with in_schema(world.a):
        group, _ = Group.objects.get_or_create(name="Oud", defaults={"kind": "stamgroep"})
        contract = services.create_contract(child=child, care_type="kdv", group=group,
                                            start_date=date(2025, 1, 6), end_date=None, schedule_type="flexible",
                                            estimated_hours_per_quarter=100, user=world.a.entrepreneur)
        Contract.objects.filter(pk=contract.pk).update(status="active", end_date=date(2026, 1, 31))
        return contract


def test_parent_asks_and_the_entrepreneur_deletes_within_the_retention_rules(world, client_for):
    from tenants.children.models import Child
    from tenants.contracts.models import ChangeRequest
    from tenants.handover import services as handover
    from tenants.messages import services as messages

    parent = world.two_location_parent
    child = mila(world)
    contract = ended_contract(world, child)
    make_invoice(world.a, child.pk, parent)
    with in_schema(world.a):
        Child.objects.filter(pk=child.pk).update(allergies="pinda", medical_notes="astma", gp_name="Dr. Bos")
        ChangeRequest.objects.create(contract=contract, kind="other", message="Liever op dinsdag",
                                     requested_at=timezone.now(), requested_on=date(2025, 6, 2), status="refused")
        handover.write_handover(child, day=local_today(), by=world.a.staff, message="Geschilderd")
        messages.start_conversation(child, by=parent, roles={"parent"}, subject="Vraag", body="Hoi")

    response = client_for(parent).post("/privacy/deletion/", {"location": world.a.location.pk,
                                                              "reason": "We zijn verhuisd"})
    assert response.status_code == 302
    request = DeletionRequest.objects.get(user=parent)
    assert request.due_on == timezone.localdate() + timedelta(days=30)
    deliver_outbox()
    assert mail.outbox[-1].to == [world.a.entrepreneur.email] and "Mila" not in mail.outbox[-1].body

    owner = client_for(world.a.entrepreneur, world.a)
    assert "Parent of Two" in owner.get("/privacy/deletion-requests/").content.decode()
    assert owner.post(f"/privacy/deletion-requests/{request.pk}/", {"note": "Veel geluk!"}).status_code == 302

    request.refresh_from_db()
    assert request.status == "done"
    plan = {line["category"]: line for line in request.outcome}
    assert plan["invoices"]["action"] == "kept" and plan["invoices"]["until"] == "2033-12-31"
    assert plan["contracts"]["action"] == "kept"
    assert plan["handovers"]["action"] == "deleted" and plan["handovers"]["count"] == 1
    with in_schema(world.a):
        from billing.invoices.models import Invoice
        from tenants.handover.models import Handover
        from tenants.messages.models import Conversation

        stored = Child.objects.get(pk=child.pk)
        assert (stored.first_name, stored.allergies, stored.medical_notes, stored.gp_name) == ("Mila", "", "", "")
        assert not Handover.objects.filter(child=child).exists()
        assert not Conversation.objects.filter(child=child).exists()
        assert not ChangeRequest.objects.filter(contract__child=child).exists()
        assert Invoice.objects.filter(child=child).count() == 1, "kept for the tax authorities"
    # The other location is untouched, and the parent is told what happened and why.
    with in_schema(world.b):
        assert Child.objects.filter(first_name="Finn").exists()
    deliver_outbox()
    told = mail.outbox[-1]
    assert told.to == [parent.email]
    assert "Dutch tax law (art. 52 AWR)" in told.body and "until 2033-12-31" in told.body
    privacy = client_for(parent).get("/privacy/").content.decode()
    assert "Dutch tax law (art. 52 AWR)" in privacy and "Veel geluk!" in privacy


def test_refused_while_care_is_running_and_the_parent_is_told_why(world, client_for):
    from tests.portal.test_overview import open_weekdays, sign_weekly

    parent = world.two_location_parent
    child = mila(world)
    with in_schema(world.a):
        open_weekdays()
        sign_weekly(world.a, child.pk, timezone.localdate(), parent)
    request = DeletionRequest.objects.create(user=parent, location=world.a.location, due_on=date(2030, 1, 1))
    client_for(world.a.entrepreneur, world.a).post(f"/privacy/deletion-requests/{request.pk}/", {})
    request.refresh_from_db()
    assert request.status == "refused"
    deliver_outbox()
    assert "The care is still running" in mail.outbox[-1].body
    with in_schema(world.a):
        assert mila(world).first_name == "Mila"


def test_one_open_request_per_location_and_only_where_a_parent(world, api):
    c = api(world.two_location_parent, None)
    assert c.post("/api/v1/portal/deletion-requests/", {"location": world.a.location.pk}).status_code == 201
    again = c.post("/api/v1/portal/deletion-requests/", {"location": world.a.location.pk})
    assert again.status_code == 400 and "location" in again.json()
    elsewhere = api(world.a.parent, None).post("/api/v1/portal/deletion-requests/", {"location": world.b.location.pk})
    assert elsewhere.status_code == 400 and "location" in elsewhere.json()


def test_another_locations_entrepreneur_cannot_handle_it(world, client_for):
    request = DeletionRequest.objects.create(user=world.two_location_parent, location=world.a.location,
                                             due_on=date(2030, 1, 1))
    assert client_for(world.b.entrepreneur, world.b).get(f"/privacy/deletion-requests/{request.pk}/").status_code \
        == 404
    assert client_for(world.b.entrepreneur, world.a).get(f"/privacy/deletion-requests/{request.pk}/").status_code \
        == 403
    assert client_for(world.a.staff, world.a).get(f"/privacy/deletion-requests/{request.pk}/").status_code == 403
    assert client_for(world.a.parent, world.a).post(f"/privacy/deletion-requests/{request.pk}/", {}).status_code \
        == 403
    request.refresh_from_db()
    assert request.status == "open"
