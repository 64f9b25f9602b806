"""The same extra day asked twice — a double click, or two requests at the very same moment — is stored once:
the second gets the first back (200 on the API, 201 for the first), never a server error; and a request that
is refused twice is stored as one refusal. Swaps the same."""
import threading
import time as clock
from datetime import date, time, timedelta
from unittest import mock

import pytest
from django.db import connections
from django_tenants.utils import schema_context

from tenants.attendance import services
from tenants.attendance.models import ExtraDayRequest, SwapRequest
from tests.tenants.attendance.conftest import at, plan_contract, roster
from tests.tenants.attendance.test_request_extra_day import ask, one_year_olds


def stored(world, model=ExtraDayRequest):
    with at(world.a):
        return list(model.objects.order_by("pk").values_list("status", flat=True))


def test_asked_twice_is_stored_once(world, client_for, kdv):
    with at(world.a):
        roster(kdv.staff, kdv.group, kdv.day)
    parent = client_for(world.a.parent, world.a)
    first, second = ask(parent, kdv), ask(parent, kdv)
    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json()["status"] == "accepted" and second.json()["id"] == first.json()["id"]
    assert stored(world) == ["accepted"]

    other_times = ask(parent, kdv, start_time="09:00")
    assert other_times.status_code == 400 and "date" in other_times.json()  # a different request on that day
    assert stored(world) == ["accepted"]


def test_refused_twice_is_stored_as_one_refusal(world, client_for, kdv):
    with at(world.a):
        one_year_olds(kdv, 5, planner="contract")
        roster(kdv.staff, kdv.group, kdv.day)
    parent = client_for(world.a.parent, world.a)
    first, second = ask(parent, kdv), ask(parent, kdv)
    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json()["status"] == "refused" and second.json()["id"] == first.json()["id"]
    assert stored(world) == ["refused"]

    page = parent.post("/attendance/extra-days/new/", {"child": kdv.child_id, "date": kdv.day.isoformat(),
                                                        "start_time": "08:30", "end_time": "16:00"})
    assert page.status_code == 302 and page["Location"].endswith(f"/{first.json()['id']}/")
    assert stored(world) == ["refused"]


def test_a_refusal_does_not_stop_an_accepted_request_later(world, client_for, kdv):
    """Asked again once a second staff member is on the roster: now accepted, stored beside the refusal."""
    from tenants.groups.models import StaffProfile
    from tests.conftest import make_user

    with at(world.a):
        one_year_olds(kdv, 5, planner="contract")
        roster(kdv.staff, kdv.group, kdv.day)
    parent = client_for(world.a.parent, world.a)
    assert ask(parent, kdv).json()["status"] == "refused"
    with at(world.a):
        roster(StaffProfile.objects.create(user=make_user("tweede@alpha.test", "Tweede")), kdv.group, kdv.day)
    again = ask(parent, kdv)
    assert again.status_code == 201 and again.json()["status"] == "accepted"
    assert stored(world) == ["refused", "accepted"]


def test_a_swap_asked_twice_is_stored_once(world, client_for, kdv):
    with at(world.a):
        from tenants.children.models import Child

        child = Child.objects.get(pk=kdv.child_id)
        contract_day = kdv.day + timedelta(days=7)
        plan_contract(kdv.site, child, contract_day)
        roster(kdv.staff, kdv.group, kdv.day)
    body = {"child": kdv.child_id, "give_up_date": contract_day.isoformat(), "date": kdv.day.isoformat(),
            "start_time": "08:00", "end_time": "17:00"}
    parent = client_for(world.a.parent, world.a)
    first = parent.post("/api/v1/attendance/swaps/", body, content_type="application/json")
    second = parent.post("/api/v1/attendance/swaps/", body, content_type="application/json")
    assert (first.status_code, second.status_code) == (201, 200), first.content
    assert second.json()["id"] == first.json()["id"]
    assert len(stored(world, SwapRequest)) == 1


# --- at the very same moment: two connections, committed data ------------------------------------------


@pytest.fixture(autouse=True)
def _english():
    """Languages stay as they are here: the tests assert statuses and field names, and the threads below must
    not wait for user rows that the folder's language fixture would hold locked."""


def in_thread(fn):
    """Run `fn` in a thread with its own database connection (autocommit): what it writes is committed."""
    outcome = {}

    def run():
        try:
            outcome["value"] = fn()
        except BaseException as exc:
            outcome["error"] = exc
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def finish(*started):
    results = []
    for thread, outcome in started:
        thread.join(60)
        assert not thread.is_alive()
        if "error" in outcome:
            raise outcome["error"]
        results.append(outcome["value"])
    return results


@pytest.fixture
def committed_child(world):
    """A group and a child in it at location A, committed (and removed afterwards), for requests from threads."""
    from tenants.children.models import Child
    from tenants.groups.models import Group

    def create():
        with schema_context(world.a.location.schema_name):
            group = Group.objects.create(name="Gelijktijdig", kind="stamgroep", play_space_m2=40)
            return Child.objects.create(first_name="Tweeling", last_name="Test", birth_date=date(2023, 1, 1),
                                        group=group)

    child = finish(in_thread(create))[0]
    yield child

    def remove():
        with schema_context(world.a.location.schema_name):
            ExtraDayRequest.objects.filter(child_id=child.pk).delete()
            Child.objects.filter(pk=child.pk).delete()
            Group.objects.filter(name="Gelijktijdig").delete()

    finish(in_thread(remove))


@pytest.mark.parametrize("decision", ["accepted", "refused"])
def test_two_identical_requests_at_the_same_moment_store_one(world, committed_child, decision):
    """Both pass the checks before either is stored; the decision (under the group's lock) takes a moment, so
    the second waits for the first to commit and then gets it back instead of a uniqueness error."""
    day = date.today() + timedelta(days=10)
    reasons = [] if decision == "accepted" else [
        services.Reason("not_enough_staff", "%(count)s children need at least %(staff)s staff; %(present)s present.",
                        {"count": 6, "staff": 2, "present": 1}, "08:30")]

    def slow_decision(*args, **kwargs):
        clock.sleep(0.5)
        return reasons

    start = threading.Barrier(2)

    def request():
        with schema_context(world.a.location.schema_name):
            from tenants.children.models import Child

            child = Child.objects.get(pk=committed_child.pk)
            start.wait()
            extra, created = services.request_extra_day_once(
                child, date=day, start_time=time(8, 30), end_time=time(16, 0), by=world.a.parent)
            return extra.pk, extra.status, created

    hours = ((time(7, 0), time(18, 30)), "")
    with mock.patch.object(services.selectors, "day_hours", return_value=hours), \
            mock.patch.object(services, "capacity_reasons", side_effect=slow_decision):
        results = finish(in_thread(request), in_thread(request))
    assert {pk for pk, _status, _created in results} == {results[0][0]}  # the same request for both
    assert sorted(created for _pk, _status, created in results) == [False, True]
    assert {status for _pk, status, _created in results} == {decision}
    with at(world.a):
        assert ExtraDayRequest.objects.filter(child_id=committed_child.pk).count() == 1
