"""The entrepreneur sees her list in the order of her rules, with why each child stands where it stands, and
reorders the rules; she sees nothing of a request that went only to another location."""
from datetime import timedelta

from django.utils import timezone

from intake import selectors
from tests.conftest import make_user
from tests.intake.conftest import file


def test_the_list_in_order_with_the_reasons(world, client_for):
    early = timezone.now() - timedelta(days=30)
    first = file(world.a, email="first@example.test", child_first_name="Anouk", created_at=early)
    special = file(world.a, email="special@example.test", child_first_name="Bente", special_care=True)
    page = client_for(world.a.entrepreneur, world.a).get("/waiting-list/").content.decode()
    assert page.index("Bente") < page.index("Anouk")
    assert "special care needs, request date" in page
    assert [row.entry.request for row in selectors.waiting_list(world.a.location)] == [special, first]


def test_the_entrepreneur_reorders_her_rules(world, client_for):
    special = file(world.a, email="special@example.test", child_first_name="Bente", special_care=True,
                   postal_code="9000", created_at=timezone.now() - timedelta(days=5))
    neighbour = file(world.a, email="near@example.test", child_first_name="Cas", postal_code="1012 CD")
    from cooperative.models import Location

    Location.objects.filter(pk=world.a.location.pk).update(postal_code="1013 AA")
    world.a.location.refresh_from_db()
    assert [row.entry.request for row in selectors.waiting_list(world.a.location)] == [special, neighbour]
    client = client_for(world.a.entrepreneur, world.a)
    response = client.post("/waiting-list/", {"use_nearby": "on", "place_nearby": "1",
                                              "use_special_care": "on", "place_special_care": "2"})
    assert response.status_code == 302
    assert selectors.rule_order(world.a.location) == ["nearby", "special_care"]
    assert [row.entry.request for row in selectors.waiting_list(world.a.location)] == [neighbour, special]


def test_a_bad_rule_order_in_the_api_is_a_field_error(world, api):
    response = api(world.a.entrepreneur, world.a).put("/api/v1/waiting-list-rules/", {"order": ["works", "works"]})
    assert response.status_code == 400 and "order" in response.json()
    response = api(world.a.entrepreneur, world.a).put("/api/v1/waiting-list-rules/", {"order": ["urgent", "works"]})
    assert response.status_code == 200 and response.json() == {"order": ["urgent", "works"]}


def test_an_entrepreneur_of_a_sees_nothing_of_a_request_only_to_b(world, client_for, api):
    only_b = file(world.b, email="onlyb@example.test", child_first_name="Kanarie", care_kind="gastouder",
                  parent_name="Familie Geheim")
    (entry,) = only_b.entries.all()
    client = client_for(world.a.entrepreneur, world.a)
    for path in ("/waiting-list/", f"/waiting-list/{entry.pk}/", "/api/v1/waiting-list/",
                 f"/api/v1/waiting-list/{entry.pk}/"):
        response = client.get(path)
        assert b"Kanarie" not in response.content and b"Geheim" not in response.content, path
        assert response.status_code in (200, 404), path
    assert client.get(f"/waiting-list/{entry.pk}/").status_code == 404
    assert api(world.a.entrepreneur, world.a).post(f"/api/v1/waiting-list/{entry.pk}/offer/", {
        "group": 1, "start_date": "2030-01-01", "days": [0, 1]}).status_code == 404
    # B's own entrepreneur does see it
    assert b"Kanarie" in client_for(world.b.entrepreneur, world.b).get("/waiting-list/").content


def test_staff_and_parents_do_not_see_the_list(world, client_for):
    file(world.a)
    for user in (world.a.staff, world.a.parent):
        client = client_for(user, world.a)
        assert client.get("/waiting-list/").status_code == 403
        assert client.get("/api/v1/waiting-list/").status_code == 403


def test_proofs_only_for_the_locations_of_the_request(world, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    request = file(world.a, works=True)
    owner = request.user
    response = client_for(owner).post(f"/care-requests/{request.pk}/proof/", {
        "kind": "employer", "file": SimpleUploadedFile("werkgever.pdf", b"%PDF-1.4 proof", "application/pdf")})
    assert response.status_code == 302
    proof = request.proofs.get()
    assert client_for(world.a.entrepreneur, world.a).get(f"/waiting-list/proofs/{proof.pk}/").content == \
        b"%PDF-1.4 proof"
    assert client_for(world.b.entrepreneur, world.b).get(f"/waiting-list/proofs/{proof.pk}/").status_code == 404
    stranger = make_user("stranger@example.test", "Stranger")
    assert client_for(stranger).get(f"/care-requests/proofs/{proof.pk}/").status_code == 404
    # withdrawn: the request ends and its proofs go
    client_for(owner).post(f"/care-requests/{request.pk}/withdraw/")
    assert not request.proofs.exists()
