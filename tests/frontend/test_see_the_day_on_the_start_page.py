"""Each role's start page shows its day (issue 16, point 1): staff and the entrepreneur who is in and since when,
the ratio now and this afternoon, the handovers to write; the entrepreneur what needs attention; a parent when
the child was checked in; an adviser this week's visits and the overdue actions; the pedagogue the cases waiting
for a step, and nobody else a case. Times as 8:12, dates as 4 december 2026 in Dutch."""
import re
from datetime import datetime, time, timedelta

import pytest
from django.utils import timezone

from safeguarding.models import CaseAuditEntry
from tests.portal.conftest import make_invoice
from tests.safeguarding.conftest import report  # noqa: F401, F811 (fixture)
from tests.tenants.conftest import in_schema


def page(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def check_in_at_8_12(site):
    """The fixture child of `site` checked in today at 8:12, the location's time."""
    from tenants.attendance import selectors
    from tenants.attendance.models import AttendanceRecord

    with in_schema(site):
        zone = selectors.location_zone()
        today = selectors.local_today()
        AttendanceRecord.objects.create(child_id=site.child_id, date=today,
                                        check_in=datetime.combine(today, time(8, 12), tzinfo=zone),
                                        registered_at=timezone.now())
        return today


def test_staff_see_who_is_in_since_when_and_whose_handover_is_still_to_write(client_for, world, english):
    check_in_at_8_12(world.a)
    html = page(client_for(world.a.staff, world.a).get("/"))
    body = text(html)
    assert f"{world.a.child_name} in since 8:12" in body
    assert 'data-fact="present"><span class="stat-value">1</span>' in html
    handovers = html[html.index('id="handover-heading"'):]
    assert f'href="/handover/children/{world.a.child_id}/"' in handovers
    assert "Ratio" in body and ("Now:" in body or "Closed today" in body or "not open" in body)
    assert 'id="attention-heading"' not in html, "staff see no contracts, invoices or complaints"


def test_a_written_handover_is_no_longer_to_write(client_for, world, english):
    from tenants.children.models import Child
    from tenants.handover.services import write_handover

    today = check_in_at_8_12(world.a)
    with in_schema(world.a):
        write_handover(Child.objects.get(pk=world.a.child_id), day=today, by=world.a.staff, eating="Alles op")
    html = page(client_for(world.a.staff, world.a).get("/"))
    assert "Every child who came today has a handover." in html


def test_the_entrepreneur_sees_what_needs_attention(client_for, world, english):
    from tenants.complaints.models import Complaint

    make_invoice(world.a, world.a.child_id, world.a.parent, total="812.50", status="overdue")
    with in_schema(world.a):
        today = timezone.localdate()
        Complaint.objects.create(reference="K-TEST-1", subject="care", description="Te koud in de slaapkamer",
                                 received_on=today - timedelta(days=50), deadline=today - timedelta(days=1))
    body = text(page(client_for(world.a.entrepreneur, world.a).get("/")))
    assert "Needs your attention" in body
    assert "1 invoice not paid yet (€ 812.50 in all)" in body and "1 past its due date" in body
    assert "Complaint K-TEST-1: judgement due" in body and "too late" in body
    assert "K-TEST-1" not in text(page(client_for(world.b.entrepreneur, world.b).get("/"))), "another location's"


def test_dutch_start_page_writes_time_and_date_the_dutch_way(client_for, world):
    today = check_in_at_8_12(world.a)
    body = text(page(client_for(world.a.staff, world.a).get("/")))
    assert "binnen sinds 8:12" in body
    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
              "november", "december"]
    assert f"{today.day} {months[today.month - 1]} {today.year}" in body


def test_a_parent_sees_when_the_child_was_checked_in(client_for, world, english):
    check_in_at_8_12(world.a)
    body = text(page(client_for(world.a.parent).get("/")))
    assert f"{world.a.child_name} checked in at 8:12" in body
    location_body = text(page(client_for(world.a.parent, world.a).get("/")))
    assert "checked in at 8:12" in location_body
    assert "checked in" not in text(page(client_for(world.b.parent).get("/"))), "another family's child"


def test_the_adviser_sees_this_weeks_visits_and_overdue_actions_of_her_locations_only(client_for, world, english):
    from advisory.models import FollowUpAction, Visit
    from advisory.services import current_checklist

    today = timezone.localdate()
    when = timezone.make_aware(datetime.combine(today, time(10, 30)))
    visit = Visit.objects.create(location=world.a.location, year=today.year, visit_type="pedagogical",
                                 adviser=world.adviser, deadline=today + timedelta(days=30), scheduled_at=when,
                                 checklist=current_checklist("pedagogical"))
    FollowUpAction.objects.create(location=world.a.location, visit=visit, description="Veiligheidsplan bijwerken",
                                  owner="entrepreneur", due_date=today - timedelta(days=3))
    FollowUpAction.objects.create(location=world.b.location, description="Niet van deze adviseur",
                                  owner="entrepreneur", due_date=today - timedelta(days=3))
    body = text(page(client_for(world.adviser).get("/")))
    assert f"10:30 · {world.a.location.name}" in body
    assert "Veiligheidsplan bijwerken" in body
    assert "Niet van deze adviseur" not in body


def test_the_pedagogue_sees_cases_waiting_and_the_listing_is_recorded(client_for, world, english, report):  # noqa: F811
    case = report()
    body = text(page(client_for(world.pedagogue).get("/")))
    assert "Cases waiting for a step" in body and case.reference in body
    assert CaseAuditEntry.objects.filter(case=case, actor_id=world.pedagogue.pk,
                                         action=CaseAuditEntry.Action.LISTED).exists()
    for user, site in ((world.a.entrepreneur, world.a), (world.a.staff, world.a), (world.adviser, None),
                       (world.coop_admin, None)):
        assert case.reference not in page(client_for(user, site).get("/")), user


@pytest.mark.parametrize("role", ["staff", "entrepreneur"])
def test_the_location_day_takes_a_bounded_number_of_queries(client_for, world, english, role,
                                                           django_assert_max_num_queries):
    from tenants.children.services import create_child

    check_in_at_8_12(world.a)
    client = client_for(getattr(world.a, role), world.a)
    page(client.get("/"))
    with django_assert_max_num_queries(60):
        page(client.get("/"))
    with in_schema(world.a):  # more children do not mean more queries
        for n in range(5):
            create_child(first_name=f"Extra{n}", last_name="Kind", birth_date=world_birth())
    with django_assert_max_num_queries(60):
        page(client.get("/"))


def world_birth():
    return timezone.localdate() - timedelta(days=700)


def test_the_parent_overview_takes_a_bounded_number_of_queries(client_for, world, english,
                                                              django_assert_max_num_queries):
    check_in_at_8_12(world.a)
    client = client_for(world.two_location_parent)
    page(client.get("/"))
    with django_assert_max_num_queries(30):
        page(client.get("/"))
