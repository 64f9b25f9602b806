"""Every read and write of a case leaves an audit entry; the pedagogue can show the trail; nobody can change it."""
import pytest
from django.db import connection, transaction
from django.db.utils import DatabaseError

from safeguarding.models import CaseAuditEntry


def actions(case):
    return list(CaseAuditEntry.objects.filter(case=case).values_list("action", "actor_name"))


def test_reporting_is_audited(world, report):
    case = report()
    assert actions(case) == [("reported", world.a.staff.full_name)]


def test_every_read_of_a_case_by_the_pedagogue_adds_an_audit_entry(world, report, client_for):
    case = report()
    client = client_for(world.pedagogue)
    count = CaseAuditEntry.objects.filter(case=case).count()
    for url in (f"/meldcode/{case.pk}/", f"/api/v1/meldcode/cases/{case.pk}/", f"/meldcode/{case.pk}/",
                "/meldcode/", "/api/v1/meldcode/cases/"):
        assert client.get(url).status_code == 200
        now = CaseAuditEntry.objects.filter(case=case).count()
        assert now == count + 1, url
        count = now
    entries = CaseAuditEntry.objects.filter(case=case, actor_id=world.pedagogue.pk)
    assert [e.action for e in entries] == ["viewed", "viewed", "viewed", "listed", "listed"]
    assert all(e.actor_role == "pedagogue" for e in entries)


def test_writes_and_the_entrepreneurs_reads_are_audited(world, report, client_for):
    case = report()
    client_for(world.pedagogue).post(f"/meldcode/{case.pk}/steps/", {
        "step": "map_signs", "done_on": case.observed_on.isoformat(), "who": "Pedagoog"})
    client_for(world.a.entrepreneur, world.a).get(f"/meldcode/cases/{case.pk}/")
    client_for(world.a.entrepreneur, world.a).get(f"/api/v1/meldcode/cases/{case.pk}/")
    client_for(world.a.staff, world.a).get("/meldcode/my-reports/")
    trail = list(CaseAuditEntry.objects.filter(case=case).values_list("action", "actor_role", "detail"))
    assert trail == [("reported", "staff", ""), ("step_recorded", "pedagogue", "map_signs"),
                     ("viewed", "entrepreneur", ""), ("viewed", "entrepreneur", ""), ("status_viewed", "staff", "")]


def test_the_pedagogue_can_show_the_audit_trail_and_showing_it_is_audited(world, report, client_for):
    case = report()
    client = client_for(world.pedagogue)
    client.get(f"/meldcode/{case.pk}/")
    page = client.get(f"/meldcode/{case.pk}/audit/")
    assert page.status_code == 200
    html = page.content.decode()
    assert world.a.staff.full_name in html and world.pedagogue.full_name in html
    api = client.get(f"/api/v1/meldcode/cases/{case.pk}/audit/").json()
    assert [e["action"] for e in api] == ["reported", "viewed", "audit_viewed", "audit_viewed"]


@pytest.mark.parametrize("who", ["coop_admin", "adviser", "lead_adviser"])
def test_nobody_else_sees_the_audit_trail(world, report, client_for, who):
    case = report()
    client = client_for(getattr(world, who))
    assert client.get(f"/meldcode/{case.pk}/audit/").status_code == 403
    assert client.get(f"/api/v1/meldcode/cases/{case.pk}/audit/").status_code == 403
    entrepreneur = client_for(world.a.entrepreneur, world.a)
    assert entrepreneur.get(f"/meldcode/{case.pk}/audit/").status_code == 404
    assert entrepreneur.get(f"/api/v1/meldcode/cases/{case.pk}/audit/").status_code == 404


def test_an_audit_entry_cannot_be_changed_or_deleted_through_the_application(world, report):
    case = report()
    entry = CaseAuditEntry.objects.get(case=case)
    entry.actor_name = "Someone else"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        CaseAuditEntry.objects.filter(case=case).update(action="viewed")
    with pytest.raises(PermissionError):
        CaseAuditEntry.objects.filter(case=case).delete()
    with pytest.raises(PermissionError):
        CaseAuditEntry.objects.bulk_update([entry], ["actor_name"])
    fresh = CaseAuditEntry.objects.get(pk=entry.pk)
    assert (fresh.actor_name, fresh.action) == (world.a.staff.full_name, "reported")


@pytest.mark.parametrize("sql", ["UPDATE safeguarding_caseauditentry SET actor_name = 'x'",
                                 "DELETE FROM safeguarding_caseauditentry"])
def test_the_database_refuses_changes_to_the_audit_trail(world, report, sql):
    case = report()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)
    assert CaseAuditEntry.objects.filter(case=case, action="reported").exists()


def test_a_case_cannot_be_deleted_while_it_has_an_audit_trail(world, report):
    from django.db.models import ProtectedError

    case = report()
    with pytest.raises(ProtectedError):
        case.delete()
