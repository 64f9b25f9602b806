"""A parent's privacy rights reach the child-following file: her download archive holds her children's
observations, summaries, consents and her house-rules acknowledgements (and nothing of another family); a granted
deletion request deletes the observations and summaries."""
import io
import json
import zipfile
from datetime import date

from tests.tenants.conftest import in_schema


def _mila(world):
    from tenants.children.models import Child

    with in_schema(world.a):
        return Child.objects.get(first_name="Mila")


def _observe(world, child, text):
    from tenants.child_following import services

    with in_schema(world.a):
        return services.record_observation(child, by=world.a.entrepreneur, roles={"entrepreneur"}, area="motor",
                                           observed_on=date(2026, 11, 2), text=text, today=date(2026, 11, 3))


def test_the_archive_holds_the_childs_observations_only(world, client_for):
    from tenants.children.models import Child

    mila = _mila(world)
    _observe(world, mila, "Mila rent door de gang")
    with in_schema(world.a):
        _observe(world, Child.objects.get(pk=world.a.child_id), "GEHEIME observatie")
    archive = zipfile.ZipFile(io.BytesIO(client_for(world.two_location_parent).get("/privacy/download/").content))
    data = json.loads(archive.read("data.json"))
    here = next(loc for loc in data["locations"] if loc["location"]["name"] == world.a.location.name)
    assert [o["text"] for o in here["observations"]] == ["Mila rent door de gang"]
    assert {"following_summaries", "following_consents", "house_rules_acknowledged"} <= set(here)
    assert "GEHEIME" not in archive.read("data.json").decode()


def test_a_granted_deletion_erases_the_observations(world):
    from portal import services as portal
    from tenants.child_following.models import Observation

    mila = _mila(world)
    _observe(world, mila, "Mila rent door de gang")
    with in_schema(world.a):
        counts = portal._erase(world.two_location_parent, [mila.pk])
        assert counts["child_following"] == 1
        assert not Observation.objects.filter(child=mila).exists()
