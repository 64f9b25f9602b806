"""The overview and the parent's requests: a contract day swapped away is no care today, a day swapped to is
care for the times asked, and an open contract change request is listed with a link to its page — read in
the same statement as the rest of the location's part (no query added), nothing of another family."""
from datetime import time, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.portal.test_overview import child_of, open_weekdays, sign_weekly
from tests.tenants.conftest import in_schema, make_child


def reads(client) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get("/").status_code == 200
    return sum(1 for q in ctx.captured_queries if not q["sql"].startswith("SET search_path"))


def swap(child, give_up, day, start=time(9), end=time(12, 30)):
    from tenants.attendance.models import SwapRequest

    return SwapRequest.objects.create(child=child, give_up_date=give_up, date=day, start_time=start, end_time=end,
                                      requested_at=timezone.now(), status="accepted")


def test_swaps_today_and_open_change_requests_show_without_an_extra_query(world, api, client_for):
    from tenants.children.models import Child
    from tenants.contracts.models import ChangeRequest

    parent, site, today = world.two_location_parent, world.a, timezone.localdate()
    noor = make_child(site, first_name="Noor", last_name="Jansen", guardians=[parent])
    page = client_for(parent)
    page.get("/")
    with in_schema(site):
        open_weekdays()
        mila = Child.objects.get(pk=child_of(site, "Mila"))
        contract = sign_weekly(site, mila.pk, today, parent)
        other_contract = sign_weekly(site, site.child_id, today, site.parent)
    page.get("/")  # the calendar changed: fill the closing-days cache first
    before = reads(page)
    with in_schema(site):
        swap(mila, today, today + timedelta(days=364))
        swap(noor, today + timedelta(days=364), today)
        request = ChangeRequest.objects.create(contract=contract, kind="other", message="Andere groep?",
                                               requested_at=timezone.now(), requested_on=today)
        ChangeRequest.objects.create(contract=other_contract, kind="other", message="Niet van ons",
                                     requested_at=timezone.now(), requested_on=today)
    assert reads(page) == before, "the requests come with the location's one statement"

    overview = api(parent, None).get("/api/v1/portal/overview/").json()
    here = next(part for part in overview if part["location"]["id"] == site.location.pk)
    plans = {child["full_name"]: (child["plan"], child["start"]) for child in here["children"]}
    assert plans["Mila Jansen"] == ("none", None), "the contract day was swapped away"
    assert plans["Noor Jansen"] == ("care", "09:00:00"), "the swapped-to day is care for the times asked"
    tasks = [task for task in here["tasks"] if task["kind"] == "change_request"]
    assert [task["label"] for task in tasks] == ["Mila Jansen"]
    assert tasks[0]["url"].endswith(f"/contracts/change-requests/{request.pk}/")
    html = page.get("/").content.decode()
    assert "waiting for the location" in html and f"/contracts/change-requests/{request.pk}/" in html
    assert "Niet van ons" not in html and "Saartje" not in html
