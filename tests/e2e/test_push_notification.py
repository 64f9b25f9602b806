"""A push notification reaches a subscribed browser, and not one that unsubscribed.

Chromium cannot reach its own push service here, so the test plays the push service: a local HTTP server
(tests/push/push_service.py) that accepts what the server's worker code posts (pywebpush), checks the VAPID
signature and decrypts the aes128gcm message with the browser's private key, as Google's or Mozilla's service and the
browser would. The browser's subscription is the only stand-in: `PushManager.subscribe` returns the keys the test
made (the page's own script then stores it on the server as it would a real one). The decrypted message is handed
to the page's real service worker (/sw.js) with CDP's `ServiceWorker.deliverPushMessage`, whose `push` handler then
shows the notification, read back through `registration.getNotifications()`.

The parent turns notifications on from the settings page on her phone (375 px, screenshot in var/screenshots/) and on
her laptop, then off on the phone; the location's next message reaches the laptop only."""
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from frontend.browser import axe_violations, horizontal_overflow, login
from tests.e2e.conftest import ROOT, _database
from tests.push.push_service import LocalPushService

DEMO = "@demo.opvangkring.nl"
PARENT = "ouder.smits" + DEMO  # Noah at De Boomhut; no other browser test uses her
SHOTS = Path(os.environ.get("SCREENSHOT_DIR") or ROOT / "var" / "screenshots")

#: The browser's side of subscribing, as Chromium would with a reachable push service: the subscription is the
#: one the test made; which application server key the page subscribed with is kept for the test to check.
FAKE_PUSH_MANAGER = """
(function (subscription) {
  if (!window.PushManager) return;
  var STORE = "e2e-push-subscription";
  function made() {
    return {
      endpoint: subscription.endpoint, expirationTime: null, options: { userVisibleOnly: true },
      toJSON: function () { return subscription; },
      unsubscribe: function () { localStorage.removeItem(STORE); return Promise.resolve(true); }
    };
  }
  PushManager.prototype.subscribe = function (options) {
    var key = new Uint8Array(options.applicationServerKey);
    var text = btoa(String.fromCharCode.apply(null, key)).replace(/\\+/g, "-").replace(/\\//g, "_").replace(/=+$/, "");
    localStorage.setItem(STORE, text);
    return Promise.resolve(made());
  };
  PushManager.prototype.getSubscription = function () {
    return Promise.resolve(localStorage.getItem(STORE) ? made() : null);
  };
})(%s);
"""

SEND_MESSAGE = """
from django_tenants.utils import tenant_context
from accounts.models import User
from cooperative.models import Location
from outbox import services as outbox
from outbox.models import Delivery
from tenants.children.models import Child
from tenants.messages.services import start_conversation

location = Location.objects.get(slug="boomhut")
with tenant_context(location):
    child = Child.objects.get(guardians__email="ouder.smits@demo.opvangkring.nl", first_name="Noah")
    start_conversation(child, by=User.objects.get(email="fatima@demo.opvangkring.nl"), roles={"entrepreneur"},
                       subject="Knuffel", body="Noah mag morgen zijn knuffel meenemen", recipient="entrepreneur")
# What the worker does after the commit (outbox.deliver), for the push notifications only.
rows = list(Delivery.objects.filter(kind="push.send", status="pending").values_list("pk", flat=True))
print(json.dumps({"location": location.name, "outcomes": [outbox.deliver_one(pk) for pk in rows]}))
"""


def in_server(server, code: str) -> dict:
    """Run `code` with the test server's settings and database (as its worker would) and read its JSON answer."""
    _admin, url, extra = _database()
    env = {**os.environ, **extra, "DJANGO_ENV": "test", "DATABASE_URL": url, "SITE_PORT": str(server.port),
           "SITE_SCHEME": "http", "EMAIL_URL": f"filemail:///{server.mail_dir}"}
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    done = subprocess.run([sys.executable, str(ROOT / "platform" / "manage.py"), "shell", "-c",
                           "import json\n" + code], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture
def push_service():
    service = LocalPushService()
    yield service
    service.stop()


class Device:
    """A browser of the parent's: its page, its subscription at the local push service, its service worker."""

    def __init__(self, new_page, server, push_service, width, height):
        self.token, self.keys = push_service.new_browser()
        self.push_service = push_service
        self.page = new_page(width=width, height=height)
        self.origin = server.url().rstrip("/")
        self.page.context.grant_permissions(["notifications"], origin=self.origin)
        self.page.context.add_init_script(FAKE_PUSH_MANAGER % json.dumps(
            self.keys.subscription(push_service.endpoint(self.token))))
        self.registrations: dict[str, dict] = {}
        self.cdp = self.page.context.new_cdp_session(self.page)
        self.cdp.on("ServiceWorker.workerRegistrationUpdated",
                    lambda event: self.registrations.update({r["registrationId"]: r for r in event["registrations"]}))
        self.cdp.send("ServiceWorker.enable")
        login(self.page, server.url(), PARENT)
        self.page.goto(server.url() + "notifications/")

    def state(self, text: str) -> None:
        self.page.get_by_text(text, exact=True).wait_for()

    def turn_on(self) -> None:
        self.state("Dit apparaat krijgt geen meldingen.")
        self.page.get_by_role("button", name="Meldingen aanzetten op dit apparaat").click()
        self.state("Dit apparaat krijgt meldingen.")
        key = self.page.evaluate("localStorage.getItem('e2e-push-subscription')")
        self.push_service.browsers[self.token] = (self.keys, key)  # VAPID must be signed with this key

    def turn_off(self) -> None:
        self.page.get_by_role("button", name="Meldingen uitzetten op dit apparaat").click()
        self.state("Dit apparaat krijgt geen meldingen.")

    def received(self) -> list[dict]:
        return self.push_service.received.get(self.token, [])

    def deliver_to_service_worker(self, message: dict) -> None:
        """What Chromium does with a message from its push service: hand it to the origin's service worker."""
        deadline = time.monotonic() + 10
        while True:
            live = [r for r in self.registrations.values()
                    if not r.get("isDeleted") and r["scopeURL"] == self.origin + "/"]
            if live or time.monotonic() > deadline:
                break
            time.sleep(0.1)
        assert live, self.registrations
        self.cdp.send("ServiceWorker.deliverPushMessage", {
            "origin": self.origin, "registrationId": live[0]["registrationId"], "data": message["plain"]})

    def notifications(self) -> list[dict]:
        deadline = time.monotonic() + 10
        while True:
            shown = self.page.evaluate("""navigator.serviceWorker.ready
                .then((registration) => registration.getNotifications())
                .then((list) => list.map((n) => ({title: n.title, body: n.body, url: n.data && n.data.url})))""")
            if shown or time.monotonic() > deadline:
                return shown
            time.sleep(0.2)


def test_a_push_notification_reaches_the_subscribed_browser_only(new_page, server, push_service):
    phone = Device(new_page, server, push_service, 375, 740)
    phone.turn_on()
    devices = phone.page.locator("[data-subscription]")
    assert devices.count() == 1
    assert devices.first.get_by_text("dit apparaat", exact=True).is_visible()
    assert not phone.page.get_by_role("button", name="Meldingen aanzetten op dit apparaat").is_visible()
    assert devices.first.get_by_label("Een nieuwe overdracht").is_checked()
    assert horizontal_overflow(phone.page) <= 0
    assert axe_violations(phone.page) == []
    SHOTS.mkdir(parents=True, exist_ok=True)
    phone.page.screenshot(path=str(SHOTS / "push-settings-375.png"), full_page=True)

    sent = in_server(server, SEND_MESSAGE)
    assert sent["outcomes"] == ["sent"]
    assert push_service.rejected == []
    [message] = phone.received()
    assert message["data"]["title"] == sent["location"] and message["data"]["body"] == "Nieuw bericht"
    for secret in ("Noah", "Smits", "knuffel", "Knuffel"):
        assert secret not in message["plain"]
    phone.deliver_to_service_worker(message)
    [shown] = phone.notifications()
    assert (shown["title"], shown["body"]) == (sent["location"], "Nieuw bericht")
    assert shown["url"].startswith(server.url("boomhut") + "messages/")

    laptop = Device(new_page, server, push_service, 1024, 768)
    laptop.turn_on()
    assert laptop.page.locator("[data-subscription]").count() == 2
    phone.page.reload()
    phone.turn_off()
    assert phone.page.locator("[data-subscription]").count() == 1

    sent = in_server(server, SEND_MESSAGE)
    assert sent["outcomes"] == ["sent"]  # the laptop's; nothing was even written for the phone
    assert len(phone.received()) == 1
    [message] = laptop.received()
    laptop.deliver_to_service_worker(message)
    assert [n["body"] for n in laptop.notifications()] == ["Nieuw bericht"]
