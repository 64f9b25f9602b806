"""A push notification on news: a new handover, message or announcement, invoice, or contract to sign. Sent by the
outbox's worker after the commit through pywebpush, whose HTTP calls are answered here from recordings; the
request is then checked and decrypted as the push service and the browser would (tests/push/push_service.py).

It carries the location's name and the kind of news, nothing else; it reaches only those who may see the news; a
device the push service no longer knows (404/410) is removed; a push service that is down is tried again."""
from datetime import date

import pytest
import requests

from outbox.models import Delivery
from push import keys
from push.models import PushSubscription
from tests.outbox.helpers import deliver_outbox, later
from tests.tenants.conftest import in_schema
from tests.tenants.contracts.conftest import make_contract, setup  # noqa: F401 (fixture)


def child_of(site):
    from tenants.children.models import Child

    return Child.objects.get(pk=site.child_id)


def write_handover(site, text="Ze heeft heerlijk gegeten en twee uur geslapen"):
    from tenants.handover.services import write_handover

    with in_schema(site):
        return write_handover(child_of(site), day=date.today(), by=site.staff, eating=text)


def message_from_the_location(site, body="Saartje had vandaag koorts"):
    from tenants.messages.services import start_conversation

    with in_schema(site):
        return start_conversation(child_of(site), by=site.staff, roles={"staff"}, subject="Koorts", body=body,
                                  recipient="entrepreneur")


def read(push_service, keys_, index=-1):
    request = push_service.calls[index]
    return keys_.read(request.url, request.headers, request.body, keys.public_key())


def push_rows():
    return list(Delivery.objects.filter(kind="push.send").order_by("pk"))


@pytest.fixture
def dutch(world):
    for site in (world.a, world.b):
        for user in (site.parent, site.staff, site.entrepreneur):
            user.language = "nl"
            user.save(update_fields=["language"])


def test_a_new_handover_reaches_the_parent_with_the_locations_name_only(world, browser_subscription, push_service,
                                                                       dutch):
    _device, browser = browser_subscription(world.a.parent)
    write_handover(world.a)
    assert deliver_outbox()["sent"] == 1
    assert len(push_service.calls) == 1
    message = read(push_service, browser)
    assert message["data"]["title"] == world.a.location.name
    assert message["data"]["body"] == "Nieuwe overdracht"
    assert message["data"]["url"].startswith(world.a.location.url.rstrip("/") + "/handover/")
    assert message["claims"]["sub"].startswith("mailto:") and message["ttl"] == 24 * 3600
    flat = str(message["data"])
    for secret in ("Saartje", "Verbeek", "gegeten", world.a.parent.full_name, world.a.staff.full_name):
        assert secret not in flat
    assert PushSubscription.objects.get().last_sent_at is not None


def test_completing_the_days_handover_sends_nothing_more(world, browser_subscription, push_service):
    browser_subscription(world.a.parent)
    write_handover(world.a)
    write_handover(world.a, text="En daarna nog fruit")
    assert len(push_rows()) == 1


def test_a_message_to_the_parent_and_one_to_the_location(world, browser_subscription, push_service, dutch):
    _phone, parent_browser = browser_subscription(world.a.parent)
    _tablet, entrepreneur_browser = browser_subscription(world.a.entrepreneur)
    message_from_the_location(world.a)
    deliver_outbox()
    assert [read(push_service, parent_browser)["data"]["body"]] == ["Nieuw bericht"]
    from tenants.messages.services import start_conversation

    with in_schema(world.a):
        start_conversation(child_of(world.a), by=world.a.parent, roles={"parent"}, subject="Ophalen",
                           body="Oma haalt op", recipient="entrepreneur")
    deliver_outbox()
    assert len(push_service.calls) == 2
    assert read(push_service, entrepreneur_browser)["data"] == {
        "title": world.a.location.name, "body": "Nieuw bericht", "tag": "alpha:message",
        "url": read(push_service, entrepreneur_browser)["data"]["url"]}


def test_an_announcement_reaches_the_parents(world, browser_subscription, push_service):
    from tenants.messages.services import publish_announcement

    browser_subscription(world.a.parent)
    browser_subscription(world.b.parent)
    with in_schema(world.a):
        publish_announcement(by=world.a.entrepreneur, title="Studiedag", body="Vrijdag gesloten")
    deliver_outbox()
    assert len(push_service.calls) == 1
    assert f"/device-{world.a.parent.pk}-" in push_service.calls[0].url


def test_a_new_invoice_reaches_the_paying_parent(world, browser_subscription, push_service, dutch):
    from billing.invoices import notify
    from tests.portal.conftest import make_invoice

    _device, browser = browser_subscription(world.a.parent)
    invoice = make_invoice(world.a, world.a.child_id, world.a.parent)
    with in_schema(world.a):
        notify.invoice_sent(invoice.pk)
    deliver_outbox()
    data = read(push_service, browser)["data"]
    assert data["body"] == "Nieuwe factuur" and "812" not in str(data)


def test_the_invoices_of_a_monthly_run_reach_the_paying_parent_as_one_by_one(world, browser_subscription,
                                                                             push_service, dutch):
    """The run writes its invoices' e-mails and push messages together (notify.invoices_sent): the rows
    `invoice_sent` writes for each invoice, with the devices read once."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from billing.invoices import notify
    from tests.portal.conftest import make_invoice

    _device, browser = browser_subscription(world.a.parent)
    invoices = [make_invoice(world.a, world.a.child_id, world.a.parent) for _i in range(2)]

    earlier = set(Delivery.objects.values_list("pk", flat=True))  # what other tests committed is not ours

    def rows():
        return sorted((row.kind, row.ref, str(sorted(row.payload.items())))
                      for row in Delivery.objects.exclude(pk__in=earlier))

    with in_schema(world.a):
        for invoice in invoices:
            notify.invoice_sent(invoice.pk, invoice)
        one_by_one = rows()
        Delivery.objects.exclude(pk__in=earlier).delete()
        with CaptureQueriesContext(connection) as queries:
            notify.invoices_sent(invoices)
        together = rows()
    assert len(together) == 4 and together == one_by_one
    assert len([q for q in queries.captured_queries if "push_pushsubscription" in q["sql"]]) == 1
    deliver_outbox()
    assert len(push_service.calls) == 2
    assert [read(push_service, browser, i)["data"]["body"] for i in (0, 1)] == ["Nieuwe factuur"] * 2


def test_a_contract_to_sign_reaches_the_parent(world, setup, browser_subscription, push_service, dutch):  # noqa: F811
    _device, browser = browser_subscription(world.a.parent)
    make_contract(world, signed=False)
    deliver_outbox()
    data = read(push_service, browser)["data"]
    assert data["body"] == "Contract om te ondertekenen"
    assert data["url"].endswith("/contracts/")


def test_each_kind_only_where_it_is_wanted(world, browser_subscription, push_service):
    browser_subscription(world.a.parent, kinds=["message"])
    write_handover(world.a)
    assert push_rows() == []
    message_from_the_location(world.a)
    assert len(push_rows()) == 1


def test_unsubscribed_gets_nothing(world, browser_subscription, push_service):
    from push import services

    device, _browser = browser_subscription(world.a.parent)
    services.unsubscribe(device)
    write_handover(world.a)
    assert push_rows() == []
    deliver_outbox()
    assert push_service.calls == []


def test_unsubscribed_or_turned_off_after_the_news_gets_nothing(world, browser_subscription, push_service):
    from push import services

    phone, _browser = browser_subscription(world.a.parent)
    laptop, _browser = browser_subscription(world.a.parent)
    write_handover(world.a)
    services.unsubscribe(phone)
    services.set_kinds(laptop, kinds=["invoice"])
    assert deliver_outbox()["sent"] == 2
    assert push_service.calls == []


def test_a_removed_guardian_gets_nothing(world, browser_subscription, push_service):
    """Removed between the news and its sending: the parent tie is asked again when it is sent."""
    browser_subscription(world.a.parent)
    write_handover(world.a)
    with in_schema(world.a):
        child_of(world.a).guardians.remove(world.a.parent)
    deliver_outbox()
    assert push_service.calls == []


def test_a_guardian_whose_parent_role_ended_gets_nothing(world, browser_subscription, push_service):
    from accounts.models import Membership

    browser_subscription(world.a.parent)
    Membership.objects.filter(user=world.a.parent, location=world.a.location).update(is_active=False)
    write_handover(world.a)
    assert push_rows() == []


def test_another_locations_parent_gets_nothing(world, browser_subscription, push_service):
    browser_subscription(world.b.parent)
    browser_subscription(world.a.staff)  # news for parents is not for the location's staff either
    write_handover(world.a)
    message_from_the_location(world.a)
    assert push_rows() == []


def test_a_parent_of_two_locations_hears_each_locations_name(world, browser_subscription, push_service):
    from tenants.children.models import Child
    from tenants.messages.services import start_conversation

    _device, browser = browser_subscription(world.two_location_parent)
    for site in (world.a, world.b):
        with in_schema(site):
            child = Child.objects.get(guardians=world.two_location_parent)
            start_conversation(child, by=site.entrepreneur, roles={"entrepreneur"}, subject="Hoi", body="Hallo")
    deliver_outbox()
    titles = sorted(read(push_service, browser, i)["data"]["title"] for i in range(2))
    assert titles == sorted([world.a.location.name, world.b.location.name])


@pytest.mark.parametrize("status", [404, 410])
def test_a_device_the_push_service_no_longer_knows_is_removed(world, browser_subscription, push_service, status):
    browser_subscription(world.a.parent)
    push_service.answers = [status]
    write_handover(world.a)
    assert deliver_outbox()["sent"] == 1
    assert not PushSubscription.objects.exists()
    assert Delivery.objects.get(kind="push.send").status == "sent"


@pytest.mark.parametrize(("answer", "error"), [
    (503, "PushServiceUnavailable"),
    (500, "PushServiceUnavailable"),
    (429, "PushServiceUnavailable"),
    (requests.ConnectionError("push service unreachable"), "ConnectionError"),
    (requests.Timeout("push service too slow"), "Timeout"),
])
def test_a_push_service_that_is_down_is_tried_again(world, browser_subscription, push_service, answer, error):
    _device, browser = browser_subscription(world.a.parent)
    push_service.answers = [answer]
    write_handover(world.a)
    deliver_outbox()
    row = Delivery.objects.get(kind="push.send")
    assert (row.status, row.attempts, row.last_error) == ("pending", 1, error)
    assert PushSubscription.objects.exists()
    deliver_outbox(now=later(2))
    row.refresh_from_db()
    assert row.status == "sent"
    assert read(push_service, browser)["data"]["title"] == world.a.location.name


def test_given_up_after_the_last_attempt_and_shown(world, browser_subscription, push_service):
    from tests.outbox.helpers import give_up

    browser_subscription(world.a.parent)
    push_service.answers = [503] * 20
    write_handover(world.a)
    give_up()
    row = Delivery.objects.get(kind="push.send")
    assert row.status == "failed" and row.last_error == "PushServiceUnavailable"
    from outbox import selectors

    assert any(item["kind"] == "push.send" and item["failed"] for item in selectors.problems_by_location())


def test_a_refused_message_is_recorded(world, browser_subscription, push_service):
    browser_subscription(world.a.parent)
    push_service.answers = [400]
    write_handover(world.a)
    deliver_outbox()
    assert Delivery.objects.get(kind="push.send").last_error == "PushRefused"
    assert PushSubscription.objects.exists()
