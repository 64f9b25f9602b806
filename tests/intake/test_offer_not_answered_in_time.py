"""An offer not answered by its date goes to the next on the list: a daily job over every location, each on its
own; one location's failure is reported and the others go on (cooperative.jobs)."""
from datetime import timedelta

from django.utils import timezone

from intake import services, tasks
from intake.models import CareRequest, ListEntry
from tests.cooperative.conftest import break_table, open_failures, ours
from tests.intake.conftest import file, ready_to_place


def offered_then_expired(site, group_id, request):
    entry = request.entries.get(location=site.location)
    services.offer_place(entry, group_id=group_id, start_date=request.start_date, days=request.days)
    ListEntry.objects.filter(pk=entry.pk).update(offer_deadline=timezone.localdate() - timedelta(days=1))
    return entry


def test_the_place_goes_to_the_next_on_the_list(world):
    group_id = ready_to_place(world.a)
    first = file(world.a, email="first@example.test", created_at=timezone.now() - timedelta(days=9))
    second = file(world.a, email="second@example.test")
    entry = offered_then_expired(world.a, group_id, first)
    result = tasks.lapse_offers.run()
    assert result["done"]["alpha"] == 1
    entry.refresh_from_db()
    assert entry.status == ListEntry.Status.LAPSED
    first.refresh_from_db()
    assert first.status == CareRequest.Status.ENDED
    nxt = second.entries.get()
    assert nxt.status == ListEntry.Status.OFFERED and nxt.offer_group_id == group_id
    # answering a lapsed offer is refused
    assert tasks.lapse_offers.run()["done"]["alpha"] == 0


def test_one_broken_location_is_reported_and_the_others_go_on(world):
    a_group = ready_to_place(world.a)
    b_group = ready_to_place(world.b)
    at_a = file(world.a, email="a@example.test")
    file(world.a, email="a2@example.test")
    at_b = file(world.b, email="b@example.test", care_kind="gastouder")
    offered_then_expired(world.a, a_group, at_a)
    b_entry = offered_then_expired(world.b, b_group, at_b)
    repair = break_table(world.a, "groups_group")
    try:
        result = tasks.lapse_offers.run()
    finally:
        repair()
    assert ours(result["failed"]) == {"alpha"}
    assert result["done"]["beta"] == 1
    b_entry.refresh_from_db()
    assert b_entry.status == ListEntry.Status.LAPSED
    assert "alpha" in open_failures("intake-offers")
    again = tasks.lapse_offers.run(only_failed=True)
    assert set(again["done"]) == {"alpha"}
    assert open_failures("intake-offers") == {}
