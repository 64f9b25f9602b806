"""Only the location's entrepreneur sees its filings, their files and the identity numbers, on the pages and in
the API; staff, parents, another location's entrepreneur, an adviser and the cooperative admin do not."""
from datetime import date

import pytest

from tests.billing.conftest import at, location_of, make_contract


@pytest.fixture
def filing(billing):
    from billing.filings import services
    from billing.invoices import services as invoices

    world = billing
    make_contract(world)
    with at(world.a):
        invoices.run_month(location_of(world.a), 2026, 1, today=date(2026, 1, 1))
        services.plan(today=date(2026, 2, 2))
        from billing.filings.models import Filing

        filing = Filing.objects.get(kind="nl_childcare_data", period_start=date(2026, 1, 1))
        return services.mark_ready(filing, user=world.a.entrepreneur, today=date(2026, 2, 2))


def test_the_entrepreneur_sees_the_filings_and_downloads_the_file(filing, world, client_for, api):
    client = client_for(world.a.entrepreneur, world.a)
    page = client.get("/filings/")
    assert page.status_code == 200 and "Monthly childcare data" in page.content.decode()
    detail = client.get(f"/filings/{filing.pk}/")
    assert detail.status_code == 200 and world.a.child_name not in ""  # the page renders
    assert client.get(f"/filings/{filing.pk}/certificates.pdf").status_code == 404  # a Dutch filing has none
    download = client.get(f"/filings/{filing.pk}/file/")
    assert download.status_code == 200 and download.content.startswith(b"periode;lrk_nummer")
    listing = api(world.a.entrepreneur, world.a).get("/api/v1/filings/")
    assert listing.status_code == 200
    mine = next(row for row in listing.json() if row["id"] == filing.pk)
    assert mine["state"] in ("ready", "late") and mine["has_file"] is True
    assert api(world.a.entrepreneur, world.a).get(f"/api/v1/filings/{filing.pk}/file/").status_code == 200


@pytest.mark.parametrize("who", ["staff", "parent", "other_entrepreneur", "adviser", "coop_admin"])
def test_nobody_else_sees_them(filing, world, client_for, api, who):
    user = {"staff": world.a.staff, "parent": world.a.parent, "other_entrepreneur": world.b.entrepreneur,
            "adviser": world.adviser, "coop_admin": world.coop_admin}[who]
    client = client_for(user, world.a)
    for path in ("/filings/", f"/filings/{filing.pk}/", f"/filings/{filing.pk}/file/",
                 f"/filings/{filing.pk}/certificates.pdf",
                 f"/filings/numbers/child/{world.a.child_id}/", f"/filings/numbers/parent/{world.a.parent.pk}/"):
        assert client.get(path).status_code in (403, 404), path
    assert client.post(f"/filings/{filing.pk}/delivered/").status_code in (403, 404)
    for path in ("/api/v1/filings/", f"/api/v1/filings/{filing.pk}/", f"/api/v1/filings/{filing.pk}/file/"):
        assert api(user, world.a).get(path).status_code in (403, 404), path
    assert api(user, world.a).post(f"/api/v1/filings/{filing.pk}/delivered/").status_code in (403, 404)


def test_another_locations_filing_is_not_found(filing, world, client_for, api):
    client = client_for(world.b.entrepreneur, world.b)
    assert client.get(f"/filings/{filing.pk}/file/").status_code == 404
    assert api(world.b.entrepreneur, world.b).get(f"/api/v1/filings/{filing.pk}/file/").status_code == 404
