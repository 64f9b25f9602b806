"""Locations whose visits are done, planned, overdue and missing each land in the right tile, and the tiles
link to the lists behind them; filters by adviser, region and kind."""
from datetime import date

from django.utils import timezone

from advisory import selectors, services
from tests.advisory.conftest import aware, bare_location

YEAR = timezone.localdate().year


def setup_world(world):
    done = bare_location("t-done", adviser=world.adviser, region="Noord")
    planned = bare_location("t-planned", adviser=world.adviser, region="Zuid", kind="bso")
    overdue = bare_location("t-overdue", adviser=world.adviser, region="Noord")
    missing = bare_location("t-missing", adviser=world.adviser, region="Zuid")
    for location in (done, planned, overdue):
        services.plan_visit(location, year=YEAR, visit_type="business", adviser=world.adviser, user=world.adviser)
        pedagogical = services.plan_visit(location, year=YEAR, visit_type="pedagogical", adviser=world.adviser,
                                          user=world.adviser)
        pedagogical.completed_at = timezone.now()
        pedagogical.save()
    visit = done.advisory_visits.get(visit_type="business")
    visit.completed_at = timezone.now()
    visit.save()
    planned_visit = planned.advisory_visits.get(visit_type="business")
    planned_visit.scheduled_at = aware(YEAR, 12, 30)
    planned_visit.save()
    late = overdue.advisory_visits.get(visit_type="business")
    late.scheduled_at = aware(YEAR, 1, 2)
    late.save()
    return done, planned, overdue, missing


def business_status(board, slug):
    return next(row.visits["business"] for row in board.rows if row.slug == slug)


def test_each_visit_lands_in_its_tile(world):
    done, planned, overdue, missing = setup_world(world)
    today = date(YEAR, 6, 1) if date.today() < date(YEAR, 6, 1) else date.today()
    today = min(today, date(YEAR, 12, 29))
    board = selectors.dashboard(world.adviser, selectors.Filters(year=YEAR), today)
    assert business_status(board, "t-done") == "done"
    assert business_status(board, "t-planned") == "planned"
    assert business_status(board, "t-overdue") == "overdue"
    assert business_status(board, "t-missing") == "due"
    assert {r.slug for r in board.rows_in("visits_done")} >= {"t-done"}
    assert "t-planned" in {r.slug for r in board.rows_in("visits_planned")}
    assert "t-overdue" in {r.slug for r in board.rows_in("visits_overdue")}
    assert "t-missing" in {r.slug for r in board.rows_in("visits_due")}
    assert "t-missing" not in {r.slug for r in board.rows_in("visits_planned")}


def test_tiles_on_the_page_link_to_their_lists(client_for, world):
    setup_world(world)
    client = client_for(world.adviser)
    page = client.get("/advisory/")
    tiles = {key: value for key, _label, value in page.context["tiles"]}
    assert tiles["visits_done"] >= 1 and tiles["visits_overdue"] >= 1
    html = page.content.decode()
    assert 'href="/advisory/list/visits_overdue/' in html
    listing = client.get("/advisory/list/visits_overdue/").content.decode()
    assert "Loc t-overdue" in listing and "Loc t-done" not in listing
    assert "Loc t-done" in client.get("/advisory/list/visits_done/").content.decode()
    assert client.get("/advisory/list/nonsense/").status_code == 404


def test_filters_by_region_kind_and_adviser(client_for, world):
    setup_world(world)
    client = client_for(world.lead_adviser)
    slugs = {r.slug for r in client.get("/advisory/list/all/?region=Zuid").context["board"].rows}
    assert slugs == {"t-planned", "t-missing"}
    assert {r.slug for r in client.get("/advisory/list/all/?kind=bso").context["board"].rows} == {"t-planned"}
    by_adviser = {r.slug for r in client.get(f"/advisory/list/all/?adviser={world.adviser.pk}").context["board"].rows}
    assert by_adviser == {"t-done", "t-planned", "t-overdue", "t-missing", world.a.location.slug}


def test_adviser_sees_only_her_locations_lead_all(client_for, world):
    setup_world(world)
    mine = {r.slug for r in client_for(world.adviser).get("/advisory/list/all/").context["board"].rows}
    assert world.b.location.slug not in mine and world.a.location.slug in mine
    everything = {r.slug for r in client_for(world.lead_adviser).get("/advisory/list/all/").context["board"].rows}
    assert world.b.location.slug in everything
    assert client_for(world.adviser).get(f"/advisory/locations/{world.b.location.slug}/").status_code == 404


def test_actions_and_documents_and_inspection_tiles(world):
    location = bare_location("t-act", adviser=world.adviser)
    services.create_action(location, description="x", owner="entrepreneur", due_date=date(2000, 1, 1),
                           user=world.adviser)
    services.record_inspection(location, inspected_on=date(2024, 5, 1), kind="annual", met_requirements=False,
                               user=world.adviser)
    board = selectors.dashboard(world.adviser, selectors.Filters(year=YEAR), date.today())
    row = next(r for r in board.rows if r.slug == "t-act")
    assert row.overdue_actions == 1 and row.inspection_met is False
    assert set(row.documents_attention) == {"pedagogical_plan", "safety_health"}
    assert "t-act" in {r.slug for r in board.rows_in("inspection_not_met")}
    assert board.tiles["actions_overdue"] >= 1


def test_csv_export_has_one_row_per_location(client_for, world):
    setup_world(world)
    response = client_for(world.adviser).get("/advisory/export.csv")
    body = b"".join(response.streaming_content).decode()
    lines = body.strip().splitlines()
    assert lines[0].startswith("location,slug,kind") and len(lines) == 1 + 5
    assert any(line.startswith("Loc t-overdue,t-overdue,kdv,Noord") and ",overdue," in line for line in lines)


def test_sql_summary_agrees_with_the_rules_per_location(world):
    """The page's tiles come from one SQL statement; they equal the counts of the rule-based rows."""
    setup_world(world)
    location = bare_location("t-docs", adviser=world.adviser)
    services.create_action(location, description="x", owner="entrepreneur", due_date=date(2000, 1, 1),
                           user=world.adviser)
    services.record_inspection(location, inspected_on=date(2024, 5, 1), kind="annual", met_requirements=False,
                               user=world.adviser)
    for user in (world.adviser, world.lead_adviser):
        for filters in (selectors.Filters(year=YEAR), selectors.Filters(year=YEAR, region="Zuid"),
                        selectors.Filters(year=YEAR - 1), selectors.Filters(year=YEAR, adviser=world.adviser.pk)):
            for today in (date(YEAR, 3, 1), date(YEAR, 8, 1), date.today()):
                board = selectors.dashboard(user, filters, today)
                summary = selectors.summary(user, filters, today, limit=1000)
                assert summary.tiles == board.tiles, (filters, today)
                assert (summary.children, summary.licensed_places) == (board.children, board.licensed_places)
                assert summary.attention_ids == [r.id for r in board.attention_rows(limit=1000)]


def test_each_tile_list_in_sql_has_the_locations_of_the_rules(client_for, world):
    """The lists behind the tiles are paged in SQL (selectors.tile_page); each holds the same locations, in the
    same order, as the Python rows of `advisory.rules` say."""
    setup_world(world)
    today = timezone.localdate()
    filters = selectors.Filters(year=YEAR)
    board = selectors.dashboard(world.lead_adviser, filters, today)
    for tile in selectors.TILES:
        count, ids = selectors.tile_page(world.lead_adviser, filters, today, tile, offset=0, limit=1000)
        expected = [row.id for row in board.rows_in(tile)]
        assert ids == expected and count == len(expected), tile


def test_a_tile_list_comes_a_page_at_a_time(client_for, world, monkeypatch):
    from advisory import views

    setup_world(world)
    monkeypatch.setattr(views, "TILE_PAGE_SIZE", 2)
    client = client_for(world.lead_adviser)
    names = [row.name for row in selectors.dashboard(world.lead_adviser, selectors.Filters(year=YEAR),
                                                     timezone.localdate()).rows]
    assert len(names) >= 5
    first = client.get("/advisory/list/all/")
    assert first.context["count"] == len(names)
    assert [row.name for row in first.context["page"].object_list] == names[:2]
    assert 'page=2"' in first.content.decode() or "page=2&" in first.content.decode()
    second = client.get("/advisory/list/all/?page=2")
    assert [row.name for row in second.context["page"].object_list] == names[2:4]
    last = (len(names) + 1) // 2
    beyond = client.get("/advisory/list/all/?page=999")
    assert beyond.context["page"].number == last
    assert [row.name for row in beyond.context["page"].object_list] == names[(last - 1) * 2:]
    assert client.get("/advisory/list/all/?page=abc").context["page"].number == 1
    # An adviser's list has her assigned locations only, on every page.
    mine = client_for(world.adviser).get("/advisory/list/all/?page=999")
    assert world.b.location.slug not in {row.slug for row in mine.context["page"].object_list}
    assert mine.context["count"] == 5  # t-done, t-planned, t-overdue, t-missing and A
