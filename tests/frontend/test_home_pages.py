"""Each role's home page shows its own panels and nothing of another role's (server-rendered HTML)."""
import json

import pytest

from cooperative.models import Location
from cooperative.selectors import locations_by_kind
from frontend.templatetags.ui import bar_chart


def html(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_coop_admin_home_lists_locations_with_kind_status_entrepreneur_chart_and_form(client_for, world):
    page = html(client_for(world.coop_admin).get("/"))
    assert world.a.location.name in page and world.b.location.name in page
    assert world.a.location.get_kind_display() in page
    assert world.a.entrepreneur.full_name in page
    assert "<svg" in page and 'role="img"' in page
    assert 'action="/locations/new/"' in page and 'name="slug"' in page
    assert world.a.child_name not in page


def test_adviser_home_lists_only_assigned_locations_without_children(client_for, world):
    page = html(client_for(world.adviser).get("/"))
    assert world.a.location.name in page
    assert world.b.location.name not in page
    assert world.a.child_name not in page
    assert 'action="/locations/new/"' not in page


def test_pedagogue_home_shows_no_locations_or_children(client_for, world):
    page = html(client_for(world.pedagogue).get("/"))
    assert world.pedagogue.full_name in page
    assert world.a.location.name not in page and world.a.child_name not in page


def test_entrepreneur_home_shows_children_and_staff_of_own_location(client_for, world):
    page = html(client_for(world.a.entrepreneur, world.a).get("/"))
    assert world.a.child_name in page
    assert world.a.staff.full_name in page
    assert world.b.child_name not in page


def test_staff_home_shows_children_but_not_staff_panel(client_for, world):
    page = html(client_for(world.a.staff, world.a).get("/"))
    assert world.a.child_name in page
    assert 'id="staff-heading"' not in page


def test_parent_portal_shows_children_at_both_locations(client_for, world):
    page = html(client_for(world.two_location_parent).get("/"))
    assert "Mila Jansen" in page and "Finn Jansen" in page
    assert world.a.location.name in page and world.b.location.name in page
    assert world.a.child_name not in page and world.b.child_name not in page
    assert 'id="work-heading"' not in page, "a parent does not work at the locations of their children"


def test_worker_sees_where_they_work_but_no_children_panel(client_for, world):
    page = html(client_for(world.a.staff).get("/"))
    assert 'id="work-heading"' in page and world.a.location.name in page
    assert 'id="children-heading"' not in page


def test_parent_portal_opens_only_the_parents_own_schemas(client_for, world, monkeypatch):
    """Both ways into a location's data watched: the schema entered (for closing days not yet cached) and the
    schema whose tables the overview's statement names."""
    from django.core.cache import cache

    import portal.overview_query as query
    import portal.selectors as views

    cache.clear()
    opened, read = [], []
    real_context, real_read = views.schema_context, query.read

    def spy(name):
        opened.append(name)
        return real_context(name)

    def spy_read(user_id, today, schema):
        read.append(schema)
        return real_read(user_id, today, schema)

    monkeypatch.setattr(views, "schema_context", spy)
    monkeypatch.setattr(query, "read", spy_read)
    html(client_for(world.a.parent).get("/"))
    assert opened == [world.a.location.schema_name]
    assert read == [world.a.location.schema_name]


def test_navigation_shows_each_role_only_its_links(client_for, world):
    assert 'href="/locations/"' in html(client_for(world.coop_admin).get("/"))
    assert 'href="/locations/"' not in html(client_for(world.two_location_parent).get("/"))
    assert 'href="/children/"' in html(client_for(world.a.staff, world.a).get("/"))
    assert 'href="/children/"' not in html(client_for(world.a.parent, world.a).get("/"))


def test_a_menu_entry_for_one_kind_of_location_shows_only_there(client_for, world):
    """Registered hours to approve are a childminder's (location B); not on the day-care centre's menu."""
    assert (world.a.location.kind, world.b.location.kind) == ("kdv", "gastouder")
    assert 'href="/billing/hours/"' not in html(client_for(world.a.parent, world.a).get("/"))
    assert 'href="/billing/hours/"' in html(client_for(world.b.parent, world.b).get("/"))


def test_bad_location_form_shows_field_error_and_keeps_input(client_for, world):
    response = client_for(world.coop_admin).post("/locations/new/", {
        "name": "Kinderopvang Typfout", "slug": "Not A Slug!", "kind": "kdv", "jurisdiction": "NL",
        "licensed_places": "12", "play_space_m2": "40", "entrepreneur_name": "Iemand",
        "entrepreneur_email": "iemand@example.org",
    })
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="id_slug_error"' in page and 'aria-invalid="true"' in page
    assert 'value="Kinderopvang Typfout"' in page and 'value="iemand@example.org"' in page


def test_pages_are_dutch_by_default_and_english_after_switch(client_for, world):
    client = client_for(world.pedagogue)
    assert 'lang="nl"' in html(client.get("/"))
    client.post("/account/language/", {"language": "en", "next": "/"})
    assert 'lang="en"' in html(client.get("/"))
    world.pedagogue.refresh_from_db()
    assert world.pedagogue.language == "en"


def test_manifest_service_worker_and_offline_page_on_main_domain(client_for, world):
    anonymous = client_for()
    manifest = json.loads(html(anonymous.get("/manifest.webmanifest")))
    assert manifest["start_url"] == "/" and manifest["scope"] == "/" and manifest["display"] == "standalone"
    assert {icon["sizes"] for icon in manifest["icons"]} >= {"192x192", "512x512"}
    sw = anonymous.get("/sw.js")
    assert sw["Content-Type"].startswith("text/javascript")
    body = html(sw)
    assert '"/offline/"' in body and "caches.match(OFFLINE_URL)" in body
    assert "offline" in html(anonymous.get("/offline/")).lower()


def test_location_hosts_do_not_serve_the_parent_portal_worker(client_for, world):
    response = client_for(world.a.entrepreneur, world.a).get("/sw.js")
    assert response.status_code == 404
    assert 'rel="manifest"' not in html(client_for(world.a.entrepreneur, world.a).get("/"))


@pytest.mark.parametrize("data", [[], [("KDV", 0)], [("KDV", 3), ("BSO", 1)]])
def test_bar_chart_has_a_text_alternative_for_every_bar(data):
    svg = str(bar_chart(data, "Locaties"))
    assert svg.count("<rect") == len(data)
    for label, value in data:
        assert f"{label}: {value}" in svg


def test_locations_by_kind_counts_every_kind_and_skips_offboarded():
    locations = [Location(kind="kdv", status="active"), Location(kind="kdv", status="offboarded"),
                 Location(kind="bso", status="suspended")]
    counts = dict(locations_by_kind(locations))
    assert len(counts) == len(Location.Kind.choices)
    assert counts[Location.Kind.KDV.label] == 1 and counts[Location.Kind.BSO.label] == 1


def test_destructive_action_asks_before_it_posts_and_empty_state_says_what_next():
    from django.template import Context, Template

    html_ = Template(
        "{% load ui %}{% confirm_action '/x/delete/' 'Verwijderen' 'Weet je het zeker?' 'Ja, verwijderen' %}"
        "{% empty_state 'Nog niets.' '/new/' 'Toevoegen' %}"
    ).render(Context({"csrf_token": "tok"}))
    assert '<details class="confirm">' in html_ and "<summary" in html_
    assert 'method="post" action="/x/delete/"' in html_ and 'value="tok"' in html_
    assert html_.index("Weet je het zeker?") < html_.index("Ja, verwijderen")
    assert 'href="/new/"' in html_ and "Nog niets." in html_
