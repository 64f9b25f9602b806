"""A parent gets an e-mail to sign a new contract (version) with a link to the contract on the location's host.
Opened in a browser that is not logged in, the link goes through the one login on the main domain (the handoff,
accounts.handoff) and lands on the contract; it opens for that parent only, never for another parent of the
location or a user of another location."""
import re
from urllib.parse import urlsplit

from django.core import mail

from tests.accounts.browser import MAIN, Browser
from tests.outbox.helpers import deliver_outbox
from tests.tenants.contracts.conftest import at, make_contract


def signing_link(world, contract) -> str:
    deliver_outbox()
    mails = [m for m in mail.outbox if m.to == [world.a.parent.email]]
    assert len(mails) == 1
    links = re.findall(r"http://\S+", mails[0].body)
    assert links == [f"http://{world.a.host}:8000/contracts/{contract.pk}/"]
    return links[0].replace(":8000", "")  # the test client's hosts have no port


def test_the_link_opens_the_contract_after_login(setup, english):
    world = setup
    contract = make_contract(world, signed=False)
    link = signing_link(world, contract)
    browser = Browser()
    entrance = browser.get(link)  # not logged in: the main domain's login page
    assert urlsplit(entrance.final_url).hostname == MAIN and urlsplit(entrance.final_url).path == "/accounts/login/"
    arrived = browser.post(entrance.final_url, {"login": world.a.parent.email, "password": "test-password-123"})
    assert arrived.status_code == 200, arrived.hops
    assert arrived.final_url == link
    page = arrived.content.decode()
    assert "Sign the contract" in page and "What version 1 costs and binds to" in page


def test_the_link_refuses_another_parent_and_another_locations_user(setup, english):
    world = setup
    contract = make_contract(world, signed=False)
    link = signing_link(world, contract)
    for user, refused in ((world.two_location_parent, 404), (world.b.entrepreneur, 403), (world.b.parent, 403),
                          (world.a.staff, 403)):
        browser = Browser()
        entrance = browser.get(link)
        arrived = browser.post(entrance.final_url, {"login": user.email, "password": "test-password-123"})
        assert arrived.status_code == refused, (user.email, arrived.status_code, arrived.hops)
        assert "What version 1 costs" not in arrived.content.decode()


def test_only_the_childs_parents_get_the_email_and_not_once_it_is_signed(setup, english):
    from tenants.contracts import services

    world = setup
    contract = make_contract(world, signed=False)
    with at(world.a):
        services.sign_version(contract.current_version, user=world.a.parent, typed_name="Parent alpha",
                              ip="192.0.2.1")
    deliver_outbox()
    assert not mail.outbox  # signed before the e-mail went out: nothing to ask any more
    with at(world.a):
        version = services.change_contract(contract, effective_from=contract.start_date, schedule_type="weekly",
                                           schedule=[[{"weekday": 0, "start": "08:00", "end": "17:00"},
                                                      {"weekday": 2, "start": "08:00", "end": "17:00"}]],
                                           user=world.a.entrepreneur)
    deliver_outbox()
    assert [m.to for m in mail.outbox] == [[world.a.parent.email]]
    assert f"Version {version.number}" in mail.outbox[0].body
