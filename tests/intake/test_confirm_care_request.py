"""Confirming the e-mail address: a new address makes an account (name and password) and logs in; an existing
account is linked; the parent sees her place on each list, never the other families."""
from intake.models import CareRequest
from tests.conftest import make_user
from tests.intake.conftest import anonymous, confirmation_link, file, form_data


def test_a_new_parent_confirms_gets_an_account_and_sees_her_places(world):
    visitor = anonymous(world.a.host)
    visitor.post("/care-request/", form_data(world.a.location))
    link = confirmation_link()
    main = anonymous("localhost")
    page = main.get(link)
    assert page.status_code == 200 and b"password" in page.content.lower()
    response = main.post(link, {"full_name": "Eva de Vries", "password": "een-lang-wachtwoord"})
    assert response.status_code == 302 and response.url == "/care-requests/"
    request = CareRequest.objects.get()
    assert request.status == CareRequest.Status.OPEN and request.user.email == "eva@example.test"
    assert request.user.check_password("een-lang-wachtwoord")
    mine = main.get("/care-requests/")
    assert "place 1 on the waiting list" in mine.content.decode()
    assert world.a.location.name in mine.content.decode()


def test_confirming_twice_changes_nothing_and_a_changed_link_is_refused(world):
    anonymous(world.a.host).post("/care-request/", form_data(world.a.location))
    link = confirmation_link()
    main = anonymous("localhost")
    main.post(link, {"full_name": "Eva", "password": "een-lang-wachtwoord"})
    assert main.post(link, {"full_name": "Eva", "password": "een-lang-wachtwoord"}).status_code == 302
    assert CareRequest.objects.get().status == CareRequest.Status.OPEN
    assert anonymous("localhost").get(link[:-3] + "xx/").status_code == 404


def test_a_short_password_is_a_field_error(world):
    anonymous(world.a.host).post("/care-request/", form_data(world.a.location))
    response = anonymous("localhost").post(confirmation_link(), {"full_name": "Eva", "password": "kort"})
    assert response.status_code == 400 and "password" in response.context["form"].errors
    assert CareRequest.objects.get().status == CareRequest.Status.UNCONFIRMED


def test_an_existing_account_is_linked_and_asked_to_log_in(world):
    anonymous(world.a.host).post("/care-request/", form_data(world.a.location, email=world.b.parent.email))
    response = anonymous("localhost").post(confirmation_link())
    assert response.status_code == 302 and "/accounts/login/" in response.url
    assert CareRequest.objects.get().user == world.b.parent


def test_the_parent_sees_her_own_place_and_not_the_other_families(world, client_for):
    other = make_user("other@example.test", "Other Family")
    file(world.a, email=other.email, user=other, child_first_name="Kanariekind")
    mine = file(world.a)
    page = client_for(mine.user).get("/care-requests/").content.decode()
    assert "place 2 on the waiting list" in page
    assert "Kanariekind" not in page and "Other Family" not in page
