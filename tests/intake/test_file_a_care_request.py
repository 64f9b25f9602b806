"""A parent without an account asks for care: on a location's own host (that location) or on the main domain
(several, suggested by postcode and kind of care). Field errors for bad input; nothing on a list before the
e-mail address is confirmed; the honeypot stores nothing."""
from datetime import timedelta

from django.core import mail
from django.utils import timezone

from intake.models import CareRequest, ListEntry
from tests.intake.conftest import MON, anonymous, confirmation_link, form_data


def test_a_parent_asks_one_location_on_its_own_host(world):
    client = anonymous(world.a.host)
    page = client.get("/care-request/")
    assert page.status_code == 200
    assert b'name="website"' in page.content  # the honeypot is there, hidden
    response = client.post("/care-request/", form_data(world.a.location))
    assert response.status_code == 200, response.content.decode()[:2000]
    assert b"eva@example.test" in response.content
    request = CareRequest.objects.get(email="eva@example.test")
    assert request.status == CareRequest.Status.UNCONFIRMED
    assert [entry.location for entry in request.entries.all()] == [world.a.location]
    assert "/care-request/confirm/" in confirmation_link()


def test_a_parent_asks_three_locations_on_the_main_domain(world):
    from cooperative.models import Location

    third = Location.objects.create(name="Test gamma", slug="gamma", kind="kdv", jurisdiction="NL",
                                    schema_name="loc_gamma", lrk_numbers={"kdv": "123456789"}, postal_code="1013 CD")
    client = anonymous("localhost")
    response = client.post("/care-request/", form_data(world.a.location, world.b.location, third,
                                                       care_kind="bso"))
    # alpha and gamma are day-care centres: no after-school care (a childminder, beta, cares for 0–13)
    assert response.status_code == 400
    assert "does not offer this kind of care" in response.content.decode()
    response = client.post("/care-request/", form_data(world.a.location, world.b.location, third,
                                                       care_kind="kdv", campaign="window-sign"))
    assert response.status_code == 200
    request = CareRequest.objects.get(email="eva@example.test")
    assert {entry.location.slug for entry in request.entries.all()} == {"alpha", "beta", "gamma"}
    assert request.campaign == "window-sign"


def test_the_cooperative_suggests_locations_by_postcode_and_kind(world):
    from cooperative.models import Location

    Location.objects.filter(pk=world.a.location.pk).update(postal_code="1012 XY")
    page = anonymous("localhost").get("/care-request/", {"postal_code": "1012 AB", "care_kind": "kdv"})
    form = page.context["form"]
    assert world.a.location.pk in form.initial["locations"]
    page = anonymous("localhost").get("/care-request/", {"postal_code": "1012 AB", "care_kind": "bso"})
    assert world.a.location.pk not in page.context["form"].initial["locations"]  # a KDV has no after-school care


def test_field_errors_for_bad_input(world):
    client = anonymous(world.a.host)
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    cases = [
        ({"start_date": yesterday}, "start_date", "The start date lies in the past."),
        ({"days": []}, "days", "Choose at least one day."),
        ({"email": "not-an-address"}, "email", "Enter a valid email address."),
        ({"birth_date": ""}, "birth_date", "Give the birth date, or the due date of a child still expected."),
        ({"postal_code": ""}, "postal_code", "Give your postal code."),
    ]
    for overrides, field, message in cases:
        response = client.post("/care-request/", form_data(world.a.location, **overrides))
        assert response.status_code == 400, overrides
        assert message in response.context["form"].errors[field], (overrides, response.context["form"].errors)
    assert not CareRequest.objects.exists()


def test_a_flemish_location_asks_at_least_two_days(world):
    from cooperative.models import Location

    Location.objects.filter(pk=world.a.location.pk).update(jurisdiction="BE-VLG")
    client = anonymous(world.a.host)
    response = client.post("/care-request/", form_data(world.a.location, days=[MON]))
    assert response.status_code == 400
    assert response.context["form"].errors["days"] == ["A care plan at a location you chose has at least 2 days."]
    assert client.post("/care-request/", form_data(world.a.location, days=[MON, 2])).status_code == 200


def test_an_expected_child_with_a_due_date(world):
    due = (timezone.localdate() + timedelta(days=40)).isoformat()
    response = anonymous(world.a.host).post("/care-request/", form_data(
        world.a.location, birth_date="", due_date=due, child_first_name=""))
    assert response.status_code == 200
    assert CareRequest.objects.get().expected


def test_an_unconfirmed_request_is_on_no_list(world, client_for):
    from intake import selectors

    anonymous(world.a.host).post("/care-request/", form_data(world.a.location))
    assert selectors.waiting_list(world.a.location) == []
    page = client_for(world.a.entrepreneur, world.a).get("/waiting-list/")
    assert b"Lotte" not in page.content


def test_the_honeypot_stores_nothing_and_sends_nothing(world):
    mail.outbox.clear()
    response = anonymous(world.a.host).post("/care-request/", form_data(world.a.location,
                                                                              website="http://spam.test"))
    assert response.status_code == 200  # a bot learns nothing
    assert not CareRequest.objects.exists() and not ListEntry.objects.exists()


def test_a_logged_in_parent_with_her_own_address_is_on_the_list_at_once(world, client_for):
    client = client_for(world.a.parent, world.a)
    response = client.post("/care-request/", form_data(world.a.location, email=world.a.parent.email))
    assert response.status_code == 302
    request = CareRequest.objects.get()
    assert request.status == CareRequest.Status.OPEN and request.user == world.a.parent


def test_a_suspended_location_takes_no_requests(world):
    from cooperative.models import Location

    Location.objects.filter(pk=world.a.location.pk).update(status="suspended")
    response = anonymous(world.a.host).post("/care-request/", form_data(world.a.location))
    assert response.status_code in (400, 403)
    assert not CareRequest.objects.exists()
