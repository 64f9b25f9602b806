"""The cooperative sees whether a location's filing is done or late, never its content: an adviser (her own
locations) and the cooperative admin get the list without names, amounts or files; the location's people and
other advisers' locations are out."""
from datetime import date

from tests.billing.conftest import at, location_of, make_contract


def _filings(world):
    from billing.filings import services
    from billing.filings.models import Filing
    from billing.invoices import services as invoices

    make_contract(world)
    with at(world.a):
        invoices.run_month(location_of(world.a), 2026, 1, today=date(2026, 1, 1))
        invoices.run_month(location_of(world.a), 2026, 2, today=date(2026, 2, 1))
        services.plan(today=date(2026, 3, 2))
        january = Filing.objects.get(kind="nl_childcare_data", period_start=date(2026, 1, 1))
        services.mark_ready(january, user=world.a.entrepreneur, today=date(2026, 3, 2))
        services.mark_delivered(january, user=world.a.entrepreneur, today=date(2026, 3, 2))


def test_the_adviser_and_the_admin_see_done_or_late_only(billing, client_for):
    world = billing
    _filings(world)
    for user in (world.adviser, world.coop_admin):
        page = client_for(user).get("/advisory/filings/")
        assert page.status_code == 200
        text = page.content.decode()
        assert "Test alpha" in text and "done" in text and "late" in text  # January done; the 2025 months late
        assert world.a.child_name not in text and "869" not in text and "/file/" not in text
        assert world.a.parent.full_name not in text


def test_nobody_else_sees_the_list(billing, client_for):
    world = billing
    _filings(world)
    for user in (world.a.entrepreneur, world.a.parent, world.a.staff, world.pedagogue):
        assert client_for(user).get("/advisory/filings/").status_code == 403
    from accounts.models import AdviserAssignment

    AdviserAssignment.objects.filter(adviser=world.adviser).delete()
    assert "Test alpha" not in client_for(world.adviser).get("/advisory/filings/").content.decode()
