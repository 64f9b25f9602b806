"""Staff record each dose given (time, by whom, remarks); the parents hear of it the same day by push and
e-mail; a dose not given by its time and the grace period is late (seed 003 §4.6.4)."""
from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from outbox.models import Delivery
from tests.outbox.helpers import deliver_outbox
from tests.push.conftest import browser_subscription  # noqa: F401 (fixture)
from tests.tenants.conftest import in_schema
from tests.tenants.medication.conftest import now_here, signed_request, this_minute


def record(site, made, **fields):
    from tenants.medication import services

    values = {"due_time": made.times[0], "remarks": "Goed ingenomen"} | fields
    with in_schema(site):
        return services.record_dose(made, user=site.staff, **values)


def test_staff_record_the_dose_and_the_parent_hears_of_it(world, db, browser_subscription):  # noqa: F811
    browser_subscription(world.a.parent)
    made = signed_request(world.a)
    dose = record(world.a, made)
    assert dose.given_by == world.a.staff and dose.given_by_name == world.a.staff.full_name
    assert dose.remarks == "Goed ingenomen" and dose.due_date == now_here(world.a).date()
    kinds = {row.payload.get("kind") for row in Delivery.objects.filter(kind="push.send")}
    assert kinds == {"health"}
    notices = Delivery.objects.filter(kind="medication.dose")
    assert [row.payload["user"] for row in notices] == [world.a.parent.pk]
    mail.outbox.clear()
    deliver_outbox()
    sent = [message for message in mail.outbox if world.a.parent.email in message.to]
    assert len(sent) == 1 and "Amoxicilline" not in sent[0].body and "Saartje" not in sent[0].body
    with in_schema(world.a):
        from tenants.medication import selectors

        due = selectors.due_today(world.a.location)
        assert [(item.request.pk, item.given.pk) for item in due] == [(made.pk, dose.pk)]
        assert not due[0].overdue


def test_a_dose_is_recorded_once(world, db):
    made = signed_request(world.a)
    record(world.a, made)
    with pytest.raises(ValidationError) as caught:
        record(world.a, made)
    assert "due_time" in caught.value.message_dict


@pytest.mark.parametrize("field", ["due_time", "given_at", "remarks"])
def test_bad_input_is_refused_naming_the_field(world, db, field):
    made = signed_request(world.a)
    now = now_here(world.a)
    bad = {"due_time": {"due_time": (datetime.combine(now.date(), made.times[0]) + timedelta(minutes=1)).time()},
           "given_at": {"given_at": now + timedelta(hours=1)},
           "remarks": {"remarks": "x" * 2001}}[field]
    with pytest.raises(ValidationError) as caught:
        record(world.a, made, **bad)
    assert field in caught.value.message_dict


def test_a_stopped_medicine_is_not_given(world, db):
    from tenants.medication import services

    made = signed_request(world.a)
    with in_schema(world.a):
        services.stop_request(made, user=world.a.parent)
    with pytest.raises(ValidationError) as caught:
        record(world.a, made)
    assert "request" in caught.value.message_dict


def test_a_dose_not_given_in_time_is_late_on_the_start_page_list(world, db):
    """Whatever the hour: the list is asked for 31 minutes after the due time (seed 003 §4.6.4)."""
    from tenants.medication import selectors

    made = signed_request(world.a, times=[this_minute(world.a)])
    now = now_here(world.a)
    due_at = datetime.combine(now.date(), made.times[0], tzinfo=now.tzinfo)
    with in_schema(world.a):
        assert [item.overdue for item in selectors.due_on(now.date(), due_at + timedelta(minutes=30))] == [False]
        assert [item.overdue for item in selectors.due_on(now.date(), due_at + timedelta(minutes=31))] == [True]
