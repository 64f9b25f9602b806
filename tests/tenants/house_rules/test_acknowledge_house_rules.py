"""A parent acknowledges the version of the house rules she received ("getekend voor ontvangst en kennisneming",
seed 003 §4.5.3): one record per parent and version with its moment; the entrepreneur sees who did."""
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from tests.tenants.conftest import in_schema
from tests.tenants.house_rules.conftest import announce


def test_a_parent_acknowledges_on_the_page_once(world, client_for, first_version):
    from tenants.house_rules.models import Acknowledgement

    client = client_for(world.a.parent, world.a)
    page = client.get("/house-rules/")
    assert page.status_code == 200 and f"/house-rules/{first_version.pk}/acknowledge/" in page.content.decode()
    assert client.post(f"/house-rules/{first_version.pk}/acknowledge/").status_code == 302
    assert client.post(f"/house-rules/{first_version.pk}/acknowledge/").status_code == 302
    with in_schema(world.a):
        records = list(Acknowledgement.objects.filter(version=first_version).select_related("version"))
    assert [(r.user_id, r.version.number) for r in records] == [(world.a.parent.pk, 1)]
    assert records[0].acknowledged_at is not None
    assert "You confirmed you received this version." in client.get("/house-rules/").content.decode()


def test_the_entrepreneur_sees_who_acknowledged(world, client_for, api, first_version):
    assert api(world.a.parent, world.a).post(f"/api/v1/house-rules/{first_version.pk}/acknowledge/").status_code == 201
    page = client_for(world.a.entrepreneur, world.a).get(f"/house-rules/{first_version.pk}/").content.decode()
    assert world.a.parent.full_name in page
    listed = api(world.a.parent, world.a).get("/api/v1/house-rules/").json()["results"]
    assert [row["acknowledged_by_me"] for row in listed] == [True]


def test_an_announced_version_can_be_acknowledged_before_it_takes_effect(world, api, first_version):
    version = announce(world.a, summary="Duurder", disadvantageous=True,
                       effective_on=date.today() + timedelta(days=70))
    assert api(world.a.parent, world.a).post(f"/api/v1/house-rules/{version.pk}/acknowledge/").status_code == 201


def test_a_replaced_version_cannot_be_acknowledged(world, first_version):
    from tenants.house_rules import services

    announce(world.a, summary="Nieuw", effective_on=date(2025, 1, 1), today=date(2025, 1, 1))
    with in_schema(world.a), pytest.raises(ValidationError):
        services.acknowledge(first_version, user=world.a.parent, roles={"parent"})


def test_staff_do_not_acknowledge(world, api, client_for, first_version):
    assert api(world.a.staff, world.a).post(f"/api/v1/house-rules/{first_version.pk}/acknowledge/").status_code == 403
    assert client_for(world.a.staff, world.a).post(f"/house-rules/{first_version.pk}/acknowledge/").status_code == 403
