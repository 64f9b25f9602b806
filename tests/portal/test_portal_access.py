"""Acceptance: a parent who changes an id in a URL or API call to a child or invoice of location B or of
another family gets 403/404; the portal's own endpoints are for parents on the main domain only."""
from tests.portal.conftest import make_invoice


def test_another_familys_child_is_404(world, client_for, api):
    intruder = world.two_location_parent
    assert client_for(intruder, world.a).get(f"/children/{world.a.child_id}/").status_code == 404
    assert api(intruder, world.a).get(f"/api/v1/children/{world.a.child_id}/").status_code == 404


def test_a_child_of_location_b_is_refused_at_location_b_and_unknown_at_a(world, client_for, api):
    assert client_for(world.a.parent, world.b).get(f"/children/{world.b.child_id}/").status_code == 403
    assert api(world.a.parent, world.b).get(f"/api/v1/children/{world.b.child_id}/").status_code == 403
    assert client_for(world.a.parent, world.a).get(f"/children/{world.b.child_id + 1000}/").status_code == 404


def test_another_familys_invoice_is_404(world, client_for, api):
    other = make_invoice(world.a, world.a.child_id, world.a.parent)
    intruder = world.two_location_parent
    assert client_for(intruder, world.a).get(f"/billing/invoices/{other.pk}/").status_code == 404
    assert api(intruder, world.a).get(f"/api/v1/billing/invoices/{other.pk}/").status_code == 404
    assert client_for(world.b.parent, world.a).get(f"/billing/invoices/{other.pk}/").status_code == 403
    assert client_for(world.a.parent, world.a).get(f"/billing/invoices/{other.pk}/").status_code == 200


def test_portal_pages_are_for_parents_on_the_main_domain(world, client_for, api):
    for path in ("/privacy/", "/privacy/download/", "/privacy/correction/", "/privacy/deletion/"):
        assert client_for(world.two_location_parent).get(path).status_code == 200, path
        assert client_for(world.coop_admin).get(path).status_code == 403, path
    for path in ("/api/v1/portal/overview/", "/api/v1/portal/deletion-requests/"):
        assert api(world.two_location_parent, None).get(path).status_code == 200, path
        assert api(world.adviser, None).get(path).status_code == 403, path
        assert api(world.a.parent, world.a).get(path).status_code == 404, "not on a location host"


def test_the_overview_never_shows_another_familys_invoice(world, client_for):
    make_invoice(world.a, world.a.child_id, world.a.parent, total="777.77")
    html = client_for(world.two_location_parent).get("/").content.decode()
    assert "Pay the invoice" not in html
    assert "Pay the invoice" in client_for(world.a.parent).get("/").content.decode()
