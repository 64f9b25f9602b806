"""The parent's overview on the main domain: every child with its location, today's plan, the next closing
days and open tasks, gathered from the parent's own locations only."""
from datetime import date, timedelta

from django.utils import timezone

from tests.tenants.conftest import in_schema


def sign_weekly(site, child_id, day, parent, sign=True):
    from tenants.children.models import Child
    from tenants.contracts import services
    from tenants.groups.models import Group

    child = Child.objects.get(pk=child_id)
    kind = "stamgroep" if site.location.kind == "kdv" else "gastouder"
    group, _created = Group.objects.get_or_create(name="Portaalgroep", defaults={"kind": kind})
    contract = services.create_contract(
        child=child, care_type="kdv" if site.location.kind == "kdv" else "gastouder", group=group,
        start_date=day - timedelta(days=day.weekday()), end_date=None, schedule_type="weekly",
        schedule=[[{"weekday": day.weekday(), "start": "08:00", "end": "17:30"}]], user=site.entrepreneur)
    if sign:
        services.sign_version(contract.current_version, user=parent, typed_name=parent.full_name, ip="192.0.2.1")
    return contract


def open_weekdays():
    from datetime import time

    from tenants.calendar import services as calendar

    calendar.set_week_hours({d: (time(7, 0), time(18, 30)) for d in range(7)})


def child_of(site, first):
    from tenants.children.models import Child

    return Child.objects.get(first_name=first).pk


def test_a_parent_sees_both_children_with_location_plan_and_tasks(world, client_for):
    parent = world.two_location_parent
    today = timezone.localdate()
    with in_schema(world.a):
        open_weekdays()
        sign_weekly(world.a, child_of(world.a, "Mila"), today, parent)
    with in_schema(world.b):
        open_weekdays()
        sign_weekly(world.b, child_of(world.b, "Finn"), today, parent, sign=False)
    page = client_for(parent).get("/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Mila Jansen" in html and "Finn Jansen" in html
    assert world.a.location.name in html and world.b.location.name in html
    assert "today 8:00–17:30" in html, "Mila's signed plan for today"
    assert "Sign the contract of Finn Jansen" in html, "Finn's contract still awaits the signature"
    assert world.a.child_name not in html and world.b.child_name not in html


def test_the_overview_shows_the_next_closing_days(world, client_for):
    from tenants.calendar import services as calendar

    today = timezone.localdate()
    monday_next = today + timedelta(days=7 - today.weekday())
    with in_schema(world.a):
        open_weekdays()
        week = monday_next.isocalendar()
        calendar.add_closing_week(year=week.year, week=week.week, note="Zomer")
    html = client_for(world.two_location_parent).get("/").content.decode()
    assert 'class="muted closing-days"' in html
    assert monday_next.strftime("%-d") in html.split('class="muted closing-days"')[1][:200]


def test_the_api_gives_the_same_overview(world, api):
    data = api(world.two_location_parent, None).get("/api/v1/portal/overview/").json()
    names = {child["full_name"] for loc in data for child in loc["children"]}
    assert names == {"Mila Jansen", "Finn Jansen"}
    assert {loc["location"]["name"] for loc in data} == {world.a.location.name, world.b.location.name}


def test_an_open_survey_is_a_task(world, client_for):
    from portal.models import CoopSurvey

    CoopSurvey.objects.create(title="Hoe tevreden bent u?", questions=[{"text": "Overall", "kind": "scale"}],
                              opens_on=date(2020, 1, 1))
    html = client_for(world.two_location_parent).get("/").content.decode()
    assert html.count("Answer the survey") == 2, "one per location: results are per location"
