"""A parent asks for a medicine and signs the medication form in the app (seed 003 §4.6.4): her explicit
confirmation with the time, her name and the version of the text is kept; bad input is refused naming the
field; only a parent of the child can ask."""
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tenants.medication import rules
from tests.tenants.conftest import in_schema
from tests.tenants.medication.conftest import child_of, now_here, signed_request, this_minute


def test_the_parent_asks_and_signs(world, db):
    made = signed_request(world.a)
    assert made.signed_at is not None and made.signed_by == world.a.parent
    assert made.signed_name == world.a.parent.full_name
    assert made.signed_text_version == rules.SIGN_TEXT_VERSION and "originele verpakking" in made.signed_text
    assert made.in_fridge and made.prescribed_by == "Dr. Peeters"


@pytest.mark.parametrize(("fields", "field"), [
    ({"name": ""}, "name"),
    ({"dose": ""}, "dose"),
    ({"times": "morning"}, "times"),
    ({"times": ""}, "times"),
    ({"start_date": None}, "start_date"),
    ({"confirmed": False}, "confirmed"),
    ({"typed_name": ""}, "typed_name"),
    ({"typed_name": "Somebody Else"}, "typed_name"),
])
def test_bad_input_is_refused_naming_the_field(world, db, fields, field):
    with pytest.raises(ValidationError) as caught:
        signed_request(world.a, **fields)
    assert field in caught.value.message_dict


def test_the_last_day_before_the_first_is_refused(world, db):
    today = now_here(world.a).date()
    with pytest.raises(ValidationError) as caught:
        signed_request(world.a, end_date=today - timedelta(days=1))
    assert list(caught.value.message_dict) == ["end_date"]


def test_times_may_be_written_as_text(world, db):
    made = signed_request(world.a, times="14:30, 09:00")
    assert [t.strftime("%H:%M") for t in made.times] == ["09:00", "14:30"]


def test_only_a_parent_of_the_child_asks(world, db):
    from tenants.medication import services

    with in_schema(world.a), pytest.raises(PermissionDenied):
        services.request_medication(child_of(world.a), user=world.a.staff, name="X", dose="1", times=[this_minute(
            world.a)], start_date=now_here(world.a).date(), end_date=now_here(world.a).date(),
            typed_name=world.a.staff.full_name, confirmed=True)
