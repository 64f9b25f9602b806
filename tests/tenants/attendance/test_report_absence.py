"""Parents report an absence (sick, holiday, other) with a reason; the moment of the report is kept and in
Flanders a report after 08:00 on the day carries the EUR 10 fine."""
from datetime import datetime, time, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tenants.attendance import services
from tenants.attendance.models import Absence
from tenants.children.models import Child
from tests.tenants.attendance.conftest import at


def saartje():
    return Child.objects.get(first_name="Saartje")


def local(day, hour, minute, tz):
    return datetime.combine(day, time(hour, minute), tzinfo=tz)


def test_a_flemish_parent_reporting_after_eight_gets_the_fine(world, flemish_a):
    from tenants.attendance.selectors import local_today, location_zone

    with at(world.a):
        tz = location_zone()
        assert str(tz) == "Europe/Brussels"
        today = local_today()
        early = services.report_absence(saartje(), kind="sick", start_date=today, reason="Koorts", by=world.a.parent,
                                        now=local(today, 7, 45, tz))
        Absence.objects.all().delete()
        late = services.report_absence(saartje(), kind="sick", start_date=today, reason="Koorts", by=world.a.parent,
                                       now=local(today, 8, 5, tz))
    assert (early.reported_late, early.fine) == (False, Decimal("0.00"))
    assert (late.reported_late, late.fine) == (True, Decimal("10.00"))
    assert late.reported_at == local(today, 8, 5, tz)


def test_a_dutch_location_keeps_the_moment_but_charges_no_fine(world):
    from tenants.attendance.selectors import local_today, location_zone

    with at(world.a):
        tz = location_zone()
        today = local_today()
        absence = services.report_absence(saartje(), kind="holiday", start_date=today,
                                          end_date=today + timedelta(days=4), reason="Vakantie", by=world.a.parent,
                                          now=local(today, 10, 0, tz))
    assert absence.reported_late is True and absence.fine == Decimal("0.00")
    assert absence.reported_at == local(today, 10, 0, tz)


def test_a_parent_reports_through_the_api_and_the_report_time_is_kept(world, client_for):
    before = timezone.now()
    tomorrow = (timezone.now() + timedelta(days=1)).date().isoformat()
    c = client_for(world.a.parent, world.a)
    response = c.post("/api/v1/attendance/absences/", {"child": world.a.child_id, "kind": "sick",
                                                      "start_date": tomorrow, "reason": "Waterpokken"})
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["kind"] == "sick" and data["end_date"] == tomorrow and data["fine"] == "0.00"
    with at(world.a):
        absence = Absence.objects.get(pk=data["id"])
    assert before <= absence.reported_at <= timezone.now()
    assert absence.reported_by_id == world.a.parent.pk
    listed = c.get("/api/v1/attendance/absences/").json()["results"]
    assert [item["id"] for item in listed] == [data["id"]]


def test_a_parent_reports_through_the_portal_page(world, client_for):
    tomorrow = (timezone.now() + timedelta(days=1)).date().isoformat()
    c = client_for(world.a.parent, world.a)
    page = c.get("/attendance/absences/new/")
    assert page.status_code == 200 and "Saartje Verbeek" in page.content.decode()
    response = c.post("/attendance/absences/new/", {"child": world.a.child_id, "kind": "other",
                                                   "start_date": tomorrow, "reason": "Bij oma"})
    assert response.status_code == 302 and response["Location"] == "/attendance/mine/"
    portal = c.get("/attendance/mine/").content.decode()
    assert "Saartje Verbeek" in portal
    with at(world.a):
        assert Absence.objects.get().reason == "Bij oma"


def test_the_flemish_form_says_the_deadline(world, client_for, flemish_a, english):
    html = client_for(world.a.parent, world.a).get("/attendance/absences/new/").content.decode()
    assert "before 08:00 on the day" in html and "10.00" in html
    dutch = client_for(world.b.parent, world.b).get("/attendance/absences/new/").content.decode()
    assert "08:00" not in dutch


@pytest.mark.parametrize("body, field", [
    ({"kind": "bored"}, "kind"),
    ({"reason": ""}, "reason"),
    ({"start_date": "yesterday"}, "start_date"),
    ({"start_date": "PAST"}, "start_date"),
    ({"end_date": "BEFORE"}, "end_date"),
    ({"child": 999999}, "child"),
    ({"child": "OTHER"}, "child"),
])
def test_bad_input_is_a_400_naming_the_field_and_stores_nothing(world, client_for, body, field):
    with at(world.a):
        from tenants.children.services import create_child

        other = create_child(first_name="Ander", last_name="Kind", birth_date=timezone.now().date() - timedelta(
            days=400), guardians=[])
    today = timezone.now().date()
    values = {"PAST": (today - timedelta(days=3)).isoformat(), "BEFORE": (today - timedelta(days=1)).isoformat(),
              "OTHER": other.pk}
    data = {"child": world.a.child_id, "kind": "sick", "start_date": (today + timedelta(days=1)).isoformat(),
            "reason": "Ziek"}
    data.update({key: values.get(value, value) for key, value in body.items()})
    response = client_for(world.a.parent, world.a).post("/api/v1/attendance/absences/", data)
    assert response.status_code == 400, response.content
    assert field in response.json()
    with at(world.a):
        assert not Absence.objects.exists()


def test_overlapping_reports_are_refused(world):
    from tenants.attendance.selectors import local_today

    with at(world.a):
        today = local_today()
        services.report_absence(saartje(), kind="holiday", start_date=today + timedelta(days=2),
                                end_date=today + timedelta(days=6), reason="Vakantie", by=world.a.parent)
        with pytest.raises(ValidationError) as error:
            services.report_absence(saartje(), kind="sick", start_date=today + timedelta(days=5), reason="Ziek",
                                    by=world.a.parent)
        assert "start_date" in error.value.message_dict
        assert Absence.objects.count() == 1


def test_staff_record_an_absence_phoned_in_and_the_register_shows_it(world, client_for, kdv):
    from tenants.attendance.selectors import local_today

    with at(world.a):
        today = local_today()
    c = client_for(world.a.staff, world.a)
    response = c.post("/api/v1/attendance/absences/", {"child": world.a.child_id, "kind": "sick",
                                                      "start_date": today.isoformat(), "reason": "Belde om 7u"})
    assert response.status_code == 201
    row = next(r for r in c.get("/api/v1/attendance/register/").json() if r["child"] == world.a.child_id)
    assert row["absence"] == "sick"
    assert "Belde om 7u" in c.get("/attendance/register/").content.decode()


def test_a_parent_only_reports_for_their_own_children(world, client_for):
    """The two-location parent is a parent at A but not of Saartje: refused like an unknown child."""
    tomorrow = (timezone.now() + timedelta(days=1)).date().isoformat()
    response = client_for(world.two_location_parent, world.a).post("/api/v1/attendance/absences/", {
        "child": world.a.child_id, "kind": "sick", "start_date": tomorrow, "reason": "x"})
    assert response.status_code == 400 and "child" in response.json()
    assert "Saartje" not in response.content.decode()


def test_the_page_form_shows_field_errors_keeps_the_input_and_stores_nothing(world, client_for):
    with at(world.a):
        from tenants.children.services import create_child

        other = create_child(first_name="Vreemd", last_name="Kind", birth_date=timezone.now().date() - timedelta(
            days=400), guardians=[])
    c = client_for(world.a.parent, world.a)
    yesterday = (timezone.now() - timedelta(days=2)).date().isoformat()
    response = c.post("/attendance/absences/new/", {"child": world.a.child_id, "kind": "sick",
                                                   "start_date": yesterday, "reason": "Griep"})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_start_date_error"' in html and "Griep" in html
    response = c.post("/attendance/absences/new/", {"child": other.pk, "kind": "sick",
                                                   "start_date": timezone.now().date().isoformat(), "reason": "x"})
    assert response.status_code == 400 and 'id="id_child_error"' in response.content.decode()
    assert "Vreemd" not in response.content.decode()
    with at(world.a):
        assert not Absence.objects.exists()


def test_an_unknown_kind_names_every_kind_the_service_accepts(world):
    """The service's own field error (the API's choice field stops it earlier) lists the five kinds."""
    from django.utils import translation

    from tenants.attendance.selectors import local_today

    with at(world.a), translation.override("en"), pytest.raises(ValidationError) as refused:
        services.report_absence(saartje(), kind="bored", start_date=local_today(), reason="x", by=world.a.parent)
    text = refused.value.message_dict["kind"][0]
    for label in ("sick", "holiday", "other", "hospitalisation", "quarantine"):
        assert label in text
