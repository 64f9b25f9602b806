"""Staff record and sign an accident report; the child's guardians (and nobody else) get a message with an
e-mail notice and a push notification; the report is readable by them and by the location only (issue 19 point 5)."""
from datetime import timedelta

from django.utils import timezone

from outbox.models import Delivery
from tests.outbox.helpers import deliver_outbox
from tests.tenants.accidents.conftest import REPORT, record
from tests.tenants.conftest import in_schema
from tests.tenants.contracts.conftest import make_contract


def form(site, **changes):
    moment = timezone.localtime(timezone.now() - timedelta(hours=1))
    data = {**REPORT, "child": site.child_id, "happened_at": moment.strftime("%Y-%m-%dT%H:%M")}
    data.update(changes)
    return {k: v for k, v in data.items() if v is not False}


def test_staff_sign_a_report_and_only_the_childs_parents_hear_of_it(world, client_for, setup, browser_subscription,
                                                                     push_service):
    make_contract(setup)
    own_device, _keys = browser_subscription(world.a.parent)
    other_device, _keys = browser_subscription(world.two_location_parent)  # Mila's parent at the same location
    page = client_for(world.a.staff, world.a).post("/accidents/new/", form(world.a))
    assert page.status_code == 302, page.content.decode()[:2000]
    with in_schema(world.a):
        from tenants.accidents.models import Accident
        from tenants.messages.models import Conversation

        accident = Accident.objects.get()
        assert accident.signed_by_id == world.a.staff.pk and accident.signed_at is not None
        conversation = Conversation.objects.get()
        assert conversation.child_id == world.a.child_id
        assert f"/accidents/{accident.pk}/" in conversation.messages.get().body
    notices = Delivery.objects.filter(kind="messages.notice")
    assert [row.payload["user"] for row in notices] == [world.a.parent.pk]
    pushes = Delivery.objects.filter(kind="push.send")
    assert [row.payload["subscription"] for row in pushes] == [own_device.pk]
    deliver_outbox()
    assert len(push_service.calls) == 1 and push_service.calls[0].url == own_device.endpoint
    assert other_device.endpoint not in [call.url for call in push_service.calls]


def test_without_confirmation_nothing_is_stored_or_sent(world, client_for):
    # Other suites on the same database may leave their own e-mails behind: count only what this post adds.
    deliveries = Delivery.objects.count()
    page = client_for(world.a.staff, world.a).post("/accidents/new/", form(world.a, confirmed=False))
    assert page.status_code == 400 and "Confirm that the report is correct" in page.content.decode()
    with in_schema(world.a):
        from tenants.accidents.models import Accident

        assert not Accident.objects.exists()
    assert Delivery.objects.count() == deliveries


def test_bad_input_names_the_field_never_500(world, api):
    client = api(world.a.staff, world.a)
    answer = client.post("/api/v1/accidents/", {"child": world.a.child_id, "happened_at": "gisteren",
                                                "kind": "fall", "confirmed": True})
    assert answer.status_code == 400 and "happened_at" in answer.json()
    future = (timezone.now() + timedelta(days=1)).isoformat()
    answer = client.post("/api/v1/accidents/", {**REPORT, "child": world.a.child_id, "happened_at": future})
    assert answer.status_code == 400 and "happened_at" in answer.json()
    answer = client.post("/api/v1/accidents/", {**REPORT, "child": world.a.child_id,
                                                "happened_at": timezone.now().isoformat(), "confirmed": False})
    assert answer.status_code == 400 and "confirmed" in answer.json()


def test_the_claim_number_is_added_later(world, api):
    accident = record(world.a)
    client = api(world.a.staff, world.a)
    answer = client.post(f"/api/v1/accidents/{accident.pk}/complete/", {"claim_number": "ETH-45411050-7"})
    assert answer.status_code == 200 and answer.json()["claim_number"] == "ETH-45411050-7"
    answer = client.post(f"/api/v1/accidents/{accident.pk}/complete/", {"claim_number": "<b>"})
    assert answer.status_code == 400 and "claim_number" in answer.json()
    parent = api(world.a.parent, world.a)
    assert parent.post(f"/api/v1/accidents/{accident.pk}/complete/", {"claim_number": "X1"}).status_code == 403
