"""Helpers for the intake tests: a form's data, a request filed and confirmed, groups and opening hours at a
location, the link of the confirmation e-mail."""
import re
from datetime import date, time, timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from tests.conftest import make_user
from tests.outbox.helpers import deliver_outbox
from tests.tenants.conftest import in_schema

MON, TUE, WED, THU, FRI = range(5)


def anonymous(host: str) -> Client:
    """A visitor without an account, reading English (the language cookie), on `host`."""
    client = Client(HTTP_HOST=host)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def soon(days: int = 60) -> date:
    return timezone.localdate() + timedelta(days=days)


def form_data(*locations, **overrides) -> dict:
    data = {"care_kind": "kdv", "days": [MON, TUE, THU], "start_date": soon(90).isoformat(),
            "child_first_name": "Lotte", "birth_date": (timezone.localdate() - timedelta(days=120)).isoformat(),
            "due_date": "", "parent_name": "Eva de Vries", "email": "eva@example.test", "phone": "",
            "postal_code": "1012 AB", "city": "Amsterdam", "urgent_reason": "", "website": "",
            "locations": [location.pk for location in locations]}
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def file(*sites, email="eva@example.test", user=None, created_at=None, **facts):
    """A confirmed request of `email` to the sites' locations (through the service)."""
    from intake import services

    values = dict(email=email, parent_name="Eva de Vries", postal_code="1012 AB", city="Amsterdam",
                  care_kind="kdv", days=[MON, TUE], start_date=soon(90), birth_date=soon(-120),
                  child_first_name="Lotte")
    values.update(facts)
    request = services.file_request(locations=[site.location for site in sites], **values)
    owner = user or make_user(email, values["parent_name"])
    type(owner).objects.filter(pk=owner.pk).update(language="en")
    services.confirm_request(request, user=owner)
    if created_at is not None:
        type(request).objects.filter(pk=request.pk).update(created_at=created_at)
    request.refresh_from_db()
    return request


def confirmation_link() -> str:
    mail.outbox.clear()
    deliver_outbox()
    (message,) = [m for m in mail.outbox if "care-request/confirm/" in m.body]
    return re.search(r"https?://[^/\s]+(/care-request/confirm/[^\s]+/)", message.body).group(1)


def ready_to_place(site, *, weekdays=(MON, TUE, WED, THU, FRI)):
    """A group of the location's kind and opening hours on the weekdays; returns the group's id."""
    from tenants.calendar.models import OpeningHours
    from tenants.groups.models import Group

    kind = {"kdv": "stamgroep", "gastouder": "gastouder", "bso": "basisgroep"}[site.location.kind]
    with in_schema(site):
        for day in weekdays:
            OpeningHours.objects.update_or_create(weekday=day, defaults={"opens": time(7, 30),
                                                                         "closes": time(18, 0)})
        group, _created = Group.objects.get_or_create(name=f"Intake {kind}", defaults={"kind": kind})
        return group.pk


@pytest.fixture(autouse=True)
def _english(english):
    """Pages in English for the assertions on text."""


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    """Each test starts with an empty flood counter (the cache outlives the test's transaction)."""
    cache.clear()
    yield
    cache.clear()
