"""Figures for the pedagogue: counts per route, kind of location and year, without names."""
from datetime import date

from safeguarding import selectors
from safeguarding.models import Case


def test_counts_per_year_route_and_kind(world, report, second_staff):
    report(route=1)
    report(route=1)
    report(route=2, subject_user=second_staff)
    old = report(route=3, site=world.b, reporter=world.b.staff)
    Case.objects.filter(pk=old.pk).update(reported_on=date(2024, 6, 1))
    year = report(route=1).reported_on.year
    rows = selectors.figures()
    assert rows == [
        {"year": year, "route": 1, "location_kind": "kdv", "count": 3},
        {"year": year, "route": 2, "location_kind": "kdv", "count": 1},
        {"year": 2024, "route": 3, "location_kind": "gastouder", "count": 1},
    ]


def test_the_pedagogue_sees_the_figures_on_a_page_and_the_api_without_names(world, report, client_for):
    case = report(route=1)
    client = client_for(world.pedagogue)
    page = client.get("/meldcode/figures/")
    assert page.status_code == 200
    html = page.content.decode()
    for secret in ("Saartje", "Zeppelinvlek", case.reference, world.a.location.name, world.a.staff.full_name):
        assert secret not in html
    api = client.get("/api/v1/meldcode/figures/").json()
    assert api == [{"year": case.reported_on.year, "route": 1, "location_kind": "kdv", "count": 1}]


def test_nobody_else_sees_the_figures(world, client_for):
    for user in (world.coop_admin, world.adviser, world.lead_adviser, world.a.entrepreneur):
        client = client_for(user)
        assert client.get("/meldcode/figures/").status_code == 403
        assert client.get("/api/v1/meldcode/figures/").status_code == 403
    assert client_for(world.a.entrepreneur, world.a).get("/api/v1/meldcode/figures/").status_code == 404
