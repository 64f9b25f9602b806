"""Who reads an accident report: the location's staff and entrepreneur, and the guardians of that child only. Staff
of another location, another parent, a removed guardian and the cooperative's adviser read nothing; the adviser
sees the numbers per month and kind on the safety and health visit, never a name or a text (issue 19)."""
from datetime import date

from accounts.models import Membership
from tests.tenants.accidents.conftest import record
from tests.tenants.conftest import in_schema


def test_the_childs_parent_and_the_location_read_it(world, client_for):
    accident = record(world.a)
    for user in (world.a.parent, world.a.staff, world.a.entrepreneur):
        page = client_for(user, world.a).get(f"/accidents/{accident.pk}/")
        assert page.status_code == 200 and "Kanarievalpartij" in page.content.decode()
    listing = client_for(world.a.parent, world.a).get("/accidents/").content.decode()
    assert world.a.child_name in listing


def test_another_parent_at_the_same_location_reads_nothing(world, client_for, api):
    accident = record(world.a)
    other = world.two_location_parent
    assert client_for(other, world.a).get(f"/accidents/{accident.pk}/").status_code == 404
    assert world.a.child_name not in client_for(other, world.a).get("/accidents/").content.decode()
    assert api(other, world.a).get(f"/api/v1/accidents/{accident.pk}/").status_code == 404
    listed = api(other, world.a).get("/api/v1/accidents/").json()
    assert (listed.get("results") if isinstance(listed, dict) else listed) == []


def test_a_removed_guardian_reads_nothing(world, client_for):
    accident = record(world.a)
    with in_schema(world.a):
        from tenants.children.models import Child

        Child.objects.get(pk=world.a.child_id).guardians.remove(world.a.parent)
    page = client_for(world.a.parent, world.a).get(f"/accidents/{accident.pk}/")
    assert page.status_code in (403, 404) and "Kanarievalpartij" not in page.content.decode()


def test_staff_of_another_location_read_nothing(world, client_for, api):
    accident = record(world.a)
    assert client_for(world.b.staff, world.a).get(f"/accidents/{accident.pk}/").status_code == 403
    assert api(world.b.staff, world.a).get(f"/api/v1/accidents/{accident.pk}/").status_code == 403
    # On their own host the id means nothing of A's.
    assert client_for(world.b.staff, world.b).get(f"/accidents/{accident.pk}/").status_code == 404
    assert api(world.b.staff, world.b).get(f"/api/v1/accidents/{accident.pk}/").status_code == 404


def test_a_parent_cannot_record_one(world, client_for, api):
    assert client_for(world.a.parent, world.a).get("/accidents/new/").status_code == 403
    assert api(world.a.parent, world.a).post("/api/v1/accidents/", {"child": world.a.child_id}).status_code == 403


def test_the_adviser_sees_counts_on_the_safety_visit_and_nothing_else(world, client_for):
    from advisory import services as advisory

    accident = record(world.a)
    record(world.a, kind="bite", what_happened="Kanariebeet")
    adviser = client_for(world.adviser)
    assert client_for(world.adviser, world.a).get(f"/accidents/{accident.pk}/").status_code in (302, 403)
    assert client_for(world.adviser, world.a).get("/api/v1/accidents/").status_code in (401, 403)
    with in_schema(world.a):
        from tenants.attendance.selectors import local_today

        year = local_today().year
    visit = advisory.plan_visit(world.a.location, year=year, visit_type="business", adviser=world.adviser,
                                user=world.adviser)
    page = adviser.get(f"/advisory/visits/{visit.pk}/")
    text = page.content.decode()
    assert page.status_code == 200 and 'id="accident-counts"' in text
    for secret in ("Kanarievalpartij", "Kanariebeet", world.a.child_name.split()[0], "glijbaan", "Juf Ans"):
        assert secret not in text
    from tenants.accidents.selectors import counts_for_location

    rows = counts_for_location(world.a.location, date(year, 1, 1), date(year, 12, 31))
    assert sorted((row["kind"], row["count"]) for row in rows) == [("bite", 1), ("fall", 1)]
    assert not Membership.objects.filter(user=world.adviser).exists()
