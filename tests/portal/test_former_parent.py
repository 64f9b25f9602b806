"""A parent whose child has left a location (or who was removed from her last child there) in the portal on
the main domain: the overview shows only children whose place runs today and leaves out a location without
any; after a child has left, her own data stays hers to download and to ask to delete (deletion is only
possible once the care has ended); after a removal, nothing of that location is hers any more."""
import io
import json
import zipfile
from datetime import date, timedelta

from django.utils import timezone

from tests.tenants.conftest import in_schema


def mila(world):
    from tenants.children.models import Child

    with in_schema(world.a):
        return Child.objects.get(first_name="Mila")


def contract(site, child, end):
    from tenants.contracts.models import Contract

    with in_schema(site):
        Contract.objects.create(child=child, care_type="kdv", start_date=date(2025, 1, 6), end_date=end,
                                status=Contract.Status.ACTIVE)


def overview(client) -> dict[str, list[str]]:
    response = client.get("/api/v1/portal/overview/")
    assert response.status_code == 200
    return {item["location"]["name"]: [c["full_name"] for c in item["children"]] for item in response.json()}


def archive_locations(client) -> dict[str, list[str]]:
    response = client.get("/privacy/download/")
    assert response.status_code == 200
    data = json.loads(zipfile.ZipFile(io.BytesIO(response.content)).read("data.json"))
    return {loc["location"]["name"]: [c["first_name"] for c in loc["children"]] for loc in data["locations"]}


def test_the_overview_leaves_out_a_child_that_left_and_then_its_location(world, client_for):
    from tests.tenants.conftest import make_child

    parent = world.two_location_parent
    today = timezone.localdate()
    client = client_for(parent)
    sister = make_child(world.a, first_name="Sara", last_name="Jansen", guardians=[parent])
    contract(world.a, sister, today - timedelta(days=1))
    assert overview(client)[world.a.location.name] == ["Mila Jansen"]
    contract(world.a, mila(world), today)
    assert overview(client)[world.a.location.name] == ["Mila Jansen"], "today is Mila's last day of care"
    child = mila(world)
    with in_schema(world.a):
        from tenants.contracts.models import Contract

        Contract.objects.filter(child=child).update(end_date=today - timedelta(days=1))
    assert overview(client) == {world.b.location.name: ["Finn Jansen"]}
    home = client.get("/").content.decode()
    assert "Finn Jansen" in home and "Mila Jansen" not in home and world.a.location.name not in home


def test_after_leaving_her_own_data_stays_hers(world, client_for):
    parent = world.two_location_parent
    contract(world.a, mila(world), timezone.localdate() - timedelta(days=10))
    client = client_for(parent)
    assert archive_locations(client)[world.a.location.name] == ["Mila"]
    form = client.get("/privacy/deletion/").content.decode()
    assert world.a.location.name in form
    response = client.post("/privacy/deletion/", {"location": world.a.location.pk, "reason": "Verhuisd"})
    assert response.status_code == 302


def test_after_the_removal_nothing_of_that_location_is_hers(world, client_for):
    from tenants.children import services

    parent = world.two_location_parent
    child = mila(world)
    with in_schema(world.a):
        services.remove_guardian(child, parent, actor=world.a.entrepreneur)
    client = client_for(parent)
    assert archive_locations(client) == {world.b.location.name: ["Finn"]}
    assert world.a.location.name not in client.get("/privacy/deletion/").content.decode()
    assert overview(client) == {world.b.location.name: ["Finn Jansen"]}
