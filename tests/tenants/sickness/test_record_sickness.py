"""Staff record symptoms and a temperature for a child, at admission or during the day (seed 003 §4.6.1–4.6.3).
The location's checklist decides whether the child may stay and says from when it may come back; when it may not
stay the parents get a message (a conversation of the location's messages: an e-mail notice and a push through
the outbox) asking them to collect the child. Bad input names the field and stores nothing."""
from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from tests.outbox.helpers import deliver_outbox
from tests.tenants.conftest import in_schema


@pytest.fixture
def flemish(world, db):
    """Location A under the Flemish policy for the test (its checklist is Kind en Gezin's)."""
    location = world.a.location
    location.jurisdiction = "BE-VLG"
    location.save(update_fields=["jurisdiction"])
    yield world.a


def child(site):
    from tenants.children.models import Child

    return Child.objects.get(pk=site.child_id)


def record(site, **fields):
    from tenants.sickness import services

    fields.setdefault("observed_at", timezone.now().replace(second=0, microsecond=0))
    with in_schema(site):
        return services.record_sickness(child(site), by=site.staff, **fields)


def test_fever_during_the_day_sends_the_parents_a_message_to_collect_the_child(flemish):
    from tenants.messages.models import Conversation

    now = timezone.now().replace(second=0, microsecond=0)
    with translation.override("en"):  # the message is written in the language of the person recording
        result = record(flemish, observed_at=now, temperature="38,4", symptoms=["runny_nose"])
    assert result.decision == "not_admitted" and result.reasons == ["fever"]
    assert result.may_return_at == now + timedelta(hours=24)
    assert result.parents_told_at is not None and result.conversation_id
    with in_schema(flemish):
        conversation = Conversation.objects.get(pk=result.conversation_id)
        body = conversation.messages.get().body
        assert conversation.child_id == flemish.child_id and "collect" in conversation.subject
        assert "38.4 °C" in body and "Runny nose" in body and "24 hours without fever" in body
    mail.outbox.clear()
    deliver_outbox()
    assert [m.to for m in mail.outbox] == [[flemish.parent.email]]
    assert "Saartje" not in mail.outbox[0].body  # the e-mail only says there is a message


def test_37_9_at_admission_is_admitted_and_nobody_is_messaged(flemish):
    result = record(flemish, moment="admission", temperature="37.9")
    assert result.decision == "admitted" and result.may_return_at is None
    assert result.conversation_id is None and result.parents_told_at is None


def test_38_0_after_a_vaccination_is_admitted(flemish):
    result = record(flemish, temperature="38.0", after_vaccination=True)
    assert result.decision == "admitted" and result.may_return_at is None


def test_the_next_morning_the_earlier_fever_still_keeps_the_child_home_until_its_24_hours(flemish):
    yesterday = timezone.now().replace(second=0, microsecond=0) - timedelta(hours=20)
    record(flemish, observed_at=yesterday, temperature="38.6", tell_parents=False)
    morning = record(flemish, moment="admission", observed_at=yesterday + timedelta(hours=20),
                     symptoms=["runny_nose"], tell_parents=False)
    assert morning.decision == "not_admitted" and morning.may_return_at == yesterday + timedelta(hours=24)
    fever_free = record(flemish, moment="admission", observed_at=yesterday + timedelta(hours=20),
                        temperature="37.2", tell_parents=False)
    assert fever_free.decision == "admitted"  # the thermometer now says no fever …
    assert fever_free.may_return_at is None or fever_free.may_return_at == yesterday + timedelta(hours=24)


def test_a_dutch_location_uses_its_own_health_policy(world):
    result = record(world.a, temperature="38.5")
    assert result.checklist == "nl_ggd" and result.decision == "conditions" and result.may_return_at is None
    assert result.parents_told_at is not None  # admitted with conditions: the parents are told too


@pytest.mark.parametrize(("fields", "field"), [
    ({"temperature": "heet"}, "temperature"),
    ({"temperature": "44.0"}, "temperature"),
    ({"temperature": "", "symptoms": []}, "temperature"),
    ({"symptoms": ["hiccups"]}, "symptoms"),
    ({"symptoms": "rash"}, "symptoms"),
    ({"moment": "night", "temperature": "38.0"}, "moment"),
    ({"observed_at": timezone.now() + timedelta(hours=2), "temperature": "38.0"}, "observed_at"),
    ({"observed_at": timezone.now() - timedelta(days=8), "temperature": "38.0"}, "observed_at"),
    ({"note": "x" * 1001, "temperature": "38.0"}, "note"),
])
def test_bad_input_names_the_field_and_stores_nothing(world, fields, field):
    from tenants.sickness.models import SicknessRecord

    with pytest.raises(ValidationError) as error:
        record(world.a, **fields)
    assert field in error.value.message_dict
    with in_schema(world.a):
        assert not SicknessRecord.objects.exists()


def test_staff_record_on_the_phone_page_and_see_the_decision(world, client_for):
    from tenants.sickness.models import SicknessRecord

    staff = client_for(world.a.staff, world.a)
    form = staff.get(f"/sickness/new/?child={world.a.child_id}")
    assert form.status_code == 200 and "Runny nose" in form.content.decode()
    now = timezone.localtime()
    answer = staff.post("/sickness/new/", {"child": world.a.child_id, "moment": "day",
                                           "time": (now - timedelta(minutes=1)).strftime("%H:%M")
                                           if now.hour or now.minute else "00:00",
                                           "temperature": "39,1", "symptoms": ["vomiting"], "tell_parents": "on"})
    assert answer.status_code == 302
    with in_schema(world.a):
        saved = SicknessRecord.objects.get()
    assert saved.temperature == Decimal("39.1") and saved.parents_told_at is not None
    page = staff.get(answer["Location"]).content.decode()
    assert "admitted with conditions" in page
    bad = staff.post("/sickness/new/", {"child": world.a.child_id, "moment": "day", "time": "10:00",
                                        "temperature": "hot"})
    assert bad.status_code == 400 and "Write the temperature as a number" in bad.content.decode()


def test_the_parent_reads_her_childs_record_and_the_message(world, client_for):
    result = record(world.a, temperature="38.5")
    parent = client_for(world.a.parent, world.a)
    assert "38.5" in parent.get("/sickness/mine/").content.decode()
    assert parent.get(f"/sickness/{result.pk}/").status_code == 200
    assert parent.get(f"/messages/{result.conversation_id}/").status_code == 200
    other = client_for(world.two_location_parent, world.a)
    assert other.get(f"/sickness/{result.pk}/").status_code == 404
    assert "38.5" not in other.get("/sickness/mine/").content.decode()


def test_the_entrepreneur_adjusts_the_checklist_and_staff_cannot(world, client_for):
    owner = client_for(world.a.entrepreneur, world.a)
    answer = owner.post("/sickness/checklist/", {"key": "rash", "decision": "not_admitted",
                                                 "condition": "Eerst de ouders bellen."})
    assert answer.status_code == 302
    assert record(world.a, symptoms=["rash"]).decision == "not_admitted"
    added = owner.post("/sickness/checklist/", {"key": "", "label": "Oogontsteking met pus",
                                                "decision": "conditions"})
    assert added.status_code == 302
    page = owner.get("/sickness/checklist/").content.decode()
    assert "Oogontsteking met pus" in page and "Eerst de ouders bellen." in page
    assert record(world.a, symptoms=["own_oogontsteking_met_pus"]).decision == "conditions"
    bad = owner.post("/sickness/checklist/", {"key": "", "label": "", "decision": "conditions"})
    assert bad.status_code == 400
    assert owner.post("/sickness/checklist/", {"reset": "rash"}).status_code == 302
    assert record(world.a, symptoms=["rash"]).decision == "conditions"
    staff = client_for(world.a.staff, world.a)
    assert staff.get("/sickness/checklist/").status_code == 200
    assert staff.post("/sickness/checklist/", {"key": "rash", "decision": "admitted"}).status_code == 403
