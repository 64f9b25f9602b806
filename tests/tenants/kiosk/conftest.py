"""Fixtures for the kiosk tests: location A (a KDV, open Monday–Friday 07:00–18:30, group 'Dolfijnen' with
Saartje) with a kiosk tablet enrolled, the clock set to 10:00 on an open day, PINs for its people, and clients
that are that tablet (the device cookie, nobody logged in)."""
from dataclasses import dataclass
from datetime import datetime, time

import pytest
from django.test import Client
from django.utils import timezone

from tests.tenants.attendance.conftest import (  # noqa: F401 (fixture and helpers re-exported)
    add_child,
    age_on,
    at,
    kdv,  # noqa: F811
    plan_extra_day,
)

PIN = "2580"
OTHER_PIN = "1357"


@dataclass
class Kiosk:
    kdv: object
    device: object
    token: str
    now: datetime

    @property
    def site(self):
        return self.kdv.site

    def client(self) -> Client:
        """The kiosk tablet: its device cookie, nobody logged in."""
        client = Client(HTTP_HOST=self.site.host)
        client.cookies["kiosk_device"] = self.token
        client.cookies["django_language"] = "en"  # the tests read the English texts
        return client


def set_clock(monkeypatch, moment: datetime) -> None:
    """Every `timezone.now()` (views, services, sessions) answers `moment`."""
    monkeypatch.setattr(timezone, "now", lambda: moment)


@pytest.fixture
def kiosk(world, kdv, monkeypatch):  # noqa: F811
    from tenants.attendance.selectors import at_local, location_zone
    from tenants.kiosk import services

    with at(world.a):
        now = at_local(kdv.day, time(10, 0), location_zone())
        set_clock(monkeypatch, now)
        device, token = services.enrol_device(name="Tablet hal", by=world.a.entrepreneur)
        services.set_pin(world.a.staff, pin=PIN, pin_again=PIN)
        services.set_pin(world.a.parent, pin=OTHER_PIN, pin_again=OTHER_PIN)
    return Kiosk(kdv, device, token, now)


def unlock(client, user, pin=PIN):
    response = client.post(f"/kiosk/pin/{user.pk}/", {"pin": pin})
    assert response.status_code == 302, response.content.decode()[-2000:]
    return response


def allow_parents(site, allowed=True):
    from tenants.kiosk.models import KioskSettings

    with at(site):
        settings = KioskSettings.load()
        settings.parents_may_check = allowed
        settings.save()
