"""A meldcode case about the entrepreneur's own family or her housemate never reaches her; the pedagogue has it.

The situation of the demo's childminder: the entrepreneur of location A is also a guardian of a child at A (with
a co-guardian), and her partner works at A as a staff member. A staff member reports a route 1 concern about her
child, or a route 2 concern about her partner. For each path — list and case pages, API list and case file, the
neutral link, home pages, e-mails (new case and deadline reminders), the location's export and her own-data
archive, the audit trail, and a crawl of every route — nothing of the case (reference, description, reporter's
e-mail) reaches her, while the pedagogue reads it and is told that the entrepreneur is left out.
"""
import json
from datetime import date, timedelta

import pytest
from django.core import mail
from django_tenants.utils import schema_context

from accounts.models import Membership, User
from portal.export import collect
from safeguarding import selectors, services
from safeguarding.models import Case, CaseAuditEntry, Housemate
from tenants.children.models import Child
from tenants.children.services import create_child
from tenants.exports.services import location_data
from tests.conftest import make_user

from .conftest import DESCRIPTION, PLACE
from .crawling import assert_nowhere

LEFT_OUT = "The entrepreneur is involved and does not see this case"
CONTROL_WORD = "Regenboogkwal"


@pytest.fixture
def own_child(world):
    """Lotte, the entrepreneur's daughter, at her mother's location A; her father is the other guardian."""
    site = world.a
    father = make_user("vader.lotte@alpha.test", "Joost Eigenaar")
    Membership.objects.get_or_create(user=father, location=site.location, role="parent")
    Membership.objects.get_or_create(user=site.entrepreneur, location=site.location, role="parent")
    with schema_context(site.location.schema_name):
        return create_child(first_name="Lotte", last_name="Eigenaar", birth_date=date(2023, 3, 14),
                            guardians=[site.entrepreneur, father])


@pytest.fixture
def partner(world):
    """A staff member of A who lives with its entrepreneur, recorded by her."""
    user = make_user("partner@alpha.test", "Ruud Partnerman")
    Membership.objects.get_or_create(user=user, location=world.a.location, role="staff")
    services.add_housemate(location=world.a.location, entrepreneur=world.a.entrepreneur, user_id=user.pk)
    return user


@pytest.fixture
def control(report):
    """A route 1 case at A about another family: the entrepreneur sees this one."""
    return report(route=1, description=f"Controlegeval met het woord {CONTROL_WORD}.", place="Speelplaats")


def page_in(language, client_for, user, url) -> str:
    User.objects.filter(pk=user.pk).update(language=language)
    user.refresh_from_db()
    response = client_for(user).get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def assert_hidden_from_owner(world, client_for, hidden, control, secrets):
    """Every path the entrepreneur has, for a case she may not see."""
    site, owner = world.a, world.a.entrepreneur
    client = client_for(owner, site)

    # Pages and API: the list leaves it out; the case file, the API's case file and the neutral link say 404.
    # The reporter (a staff member, whose address the staff pages rightly show) is named on none of them.
    listing = client.get("/meldcode/cases/")
    assert listing.status_code == 200
    assert hidden.reference not in listing.content.decode() and control.reference in listing.content.decode()
    for url in (f"/meldcode/cases/{hidden.pk}/", f"/api/v1/meldcode/cases/{hidden.pk}/", f"/look/{hidden.pk}/"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert hidden.reporter.email not in response.content.decode()
    api_list = client.get("/api/v1/meldcode/cases/")
    assert [c["reference"] for c in api_list.json()] == [control.reference]
    for response in (listing, api_list):
        assert hidden.reporter.email not in response.content.decode()
    assert not selectors.cases_for_entrepreneur(owner, site.location).filter(pk=hidden.pk).exists()

    # Her home pages (the location's dashboard, the main domain's) show nothing of it.
    for page in (client.get("/"), client_for(owner).get("/")):
        assert page.status_code == 200
        for secret in secrets:
            assert secret not in page.content.decode()

    # The audit trail: not hers to read (main domain: the pedagogue's only; at the location: no such page).
    assert client_for(owner).get(f"/meldcode/{hidden.pk}/audit/").status_code == 403
    assert client_for(owner).get(f"/api/v1/meldcode/cases/{hidden.pk}/audit/").status_code == 403
    assert client.get(f"/meldcode/{hidden.pk}/audit/").status_code == 404

    # Her attempts are in the audit trail, as refusals; she never "viewed" or "listed" it.
    mine = list(CaseAuditEntry.objects.filter(case=hidden, actor_id=owner.pk).values_list("action", flat=True))
    assert mine and set(mine) == {"refused"}

    # The location's export and her own-data archive carry no case at all.
    exported = json.dumps(location_data(site.location), ensure_ascii=False, default=str)
    archive = json.dumps(collect(owner)[0], ensure_ascii=False, default=str)
    for secret in [*secrets, control.reference]:
        assert secret not in exported and secret not in archive

    # Deadline reminders (all steps overdue) go to the pedagogue only, and never to her.
    mail.outbox.clear()
    services.send_deadline_reminders(today=hidden.reported_on + timedelta(days=40))
    assert [m.to for m in mail.outbox] == [[world.pedagogue.email]]

    # A crawl of every route of her host and of the main domain.
    assert_nowhere(client_for, owner, site, hidden, control, secrets)


def assert_pedagogue_has_it(world, client_for, hidden):
    client = client_for(world.pedagogue)
    html = page_in("en", client_for, world.pedagogue, f"/meldcode/{hidden.pk}/")
    assert "Zeppelinvlek" in html and hidden.reference in html
    assert LEFT_OUT in html
    assert world.a.staff.email in html and world.a.staff.full_name in html  # who reported it
    case = client.get(f"/api/v1/meldcode/cases/{hidden.pk}/").json()
    assert case["entrepreneur_left_out"] is True
    assert case["reporter"] == {"full_name": world.a.staff.full_name, "email": world.a.staff.email, "role": "staff"}
    dutch = page_in("nl", client_for, world.pedagogue, f"/meldcode/{hidden.pk}/")
    assert "De houder is betrokken en ziet deze melding niet" in dutch


def test_a_route_1_case_about_her_own_child_never_reaches_the_entrepreneur(world, report, client_for, own_child,
                                                                            control):
    mail.outbox.clear()
    hidden = report(route=1, child_ids=[own_child.pk])
    assert hidden.routed_to_entrepreneur  # routing gives route 1 to the entrepreneur; involvement takes it away
    father = User.objects.get(email="vader.lotte@alpha.test")
    assert set(hidden.guardian_ids) == {world.a.entrepreneur.pk, father.pk}
    # Only the pedagogue was told.
    assert [m.to for m in mail.outbox] == [[world.pedagogue.email]]

    secrets = [hidden.reference, "Zeppelinvlek", DESCRIPTION[:30], PLACE]
    assert_hidden_from_owner(world, client_for, hidden, control, secrets)
    assert_pedagogue_has_it(world, client_for, hidden)


def test_a_case_about_several_children_one_of_them_hers_never_reaches_her(world, report, client_for, own_child):
    hidden = report(route=1, child_ids=[world.a.child_id, own_child.pk])
    client = client_for(world.a.entrepreneur, world.a)
    assert client.get(f"/meldcode/cases/{hidden.pk}/").status_code == 404
    assert client.get("/api/v1/meldcode/cases/").json() == []
    assert selectors.entrepreneurs_to_notify(hidden) == []


def test_a_route_3_case_involving_her_child_goes_to_the_pedagogue_only(world, report, client_for, own_child):
    mail.outbox.clear()
    hidden = report(route=3, child_ids=[world.a.child_id, own_child.pk])
    assert [m.to for m in mail.outbox] == [[world.pedagogue.email]]
    assert client_for(world.a.entrepreneur, world.a).get(f"/meldcode/cases/{hidden.pk}/").status_code == 404
    assert selectors.entrepreneur_left_out(hidden)


def test_a_route_2_case_about_her_housemate_on_the_staff_never_reaches_her(world, report, client_for, partner,
                                                                           control):
    mail.outbox.clear()
    hidden = report(route=2, subject_user=partner)
    assert hidden.subject_kind == "housemate" and not hidden.routed_to_entrepreneur
    assert hidden.housemate_ids == [world.a.entrepreneur.pk]
    assert [m.to for m in mail.outbox] == [[world.pedagogue.email]]

    secrets = [hidden.reference, "Zeppelinvlek", DESCRIPTION[:30], PLACE]
    assert_hidden_from_owner(world, client_for, hidden, control, secrets)
    assert_pedagogue_has_it(world, client_for, hidden)


def test_a_guardian_added_after_the_report_no_longer_sees_the_case(world, report, client_for):
    site, owner = world.a, world.a.entrepreneur
    case = report(route=1)  # about Saartje, whose guardian is A's parent
    client = client_for(owner, site)
    assert client.get(f"/meldcode/cases/{case.pk}/").status_code == 200
    assert not selectors.entrepreneur_left_out(case)
    with schema_context(site.location.schema_name):
        Child.objects.get(pk=site.child_id).guardians.add(owner)  # e.g. she becomes Saartje's foster parent
    assert client.get(f"/meldcode/cases/{case.pk}/").status_code == 404
    assert client.get("/api/v1/meldcode/cases/").json() == []
    assert selectors.entrepreneurs_to_notify(case) == []
    assert selectors.entrepreneur_left_out(case)


def test_a_guardian_removed_after_the_report_still_never_sees_it(world, report, client_for, own_child):
    site, owner = world.a, world.a.entrepreneur
    case = report(route=1, child_ids=[own_child.pk])
    with schema_context(site.location.schema_name):
        Child.objects.get(pk=own_child.pk).guardians.remove(owner)
    assert client_for(owner, site).get(f"/meldcode/cases/{case.pk}/").status_code == 404
    assert selectors.entrepreneurs_to_notify(case) == []


def test_a_staff_member_marked_as_housemate_after_the_report_is_hidden_from_then_on(world, report, client_for,
                                                                                     second_staff):
    site, owner = world.a, world.a.entrepreneur
    case = report(route=2, subject_user=second_staff)
    assert case.subject_kind == "staff" and case.routed_to_entrepreneur
    client = client_for(owner, site)
    assert client.get(f"/meldcode/cases/{case.pk}/").status_code == 200
    services.add_housemate(location=site.location, entrepreneur=owner, user_id=second_staff.pk)
    assert client.get(f"/meldcode/cases/{case.pk}/").status_code == 404
    assert selectors.entrepreneur_left_out(case)


def test_unmarking_a_housemate_does_not_reveal_a_case_reported_meanwhile(world, report, client_for, partner):
    site, owner = world.a, world.a.entrepreneur
    case = report(route=2, subject_user=partner)
    services.remove_housemate(location=site.location, entrepreneur=owner, user_id=partner.pk)
    assert client_for(owner, site).get(f"/meldcode/cases/{case.pk}/").status_code == 404
    assert not selectors.cases_for_entrepreneur(owner, site.location).exists()


def test_the_reporter_can_say_the_staff_member_lives_with_the_entrepreneur(world, client_for, second_staff,
                                                                           django_capture_on_commit_callbacks):
    data = {"route": "2", "children": [str(world.a.child_id)], "observed_on": date.today().isoformat(),
            "observed_place": PLACE, "description": DESCRIPTION, "subject": str(second_staff.pk),
            "subject_is_housemate": "on"}
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(world.a.staff, world.a).post("/meldcode/report/", data)
    assert response.status_code == 302
    case = Case.objects.get(reporter=world.a.staff)
    assert case.subject_kind == "housemate" and case.subject_user == second_staff
    assert not case.routed_to_entrepreneur
    assert [m.to for m in mail.outbox] == [[world.pedagogue.email]]
    assert not Housemate.objects.exists()  # the reporter's word holds for her report; the fact is the owner's
    api = client_for(world.a.staff, world.a).post("/api/v1/meldcode/reports/", {
        **data, "children": [world.a.child_id], "subject": second_staff.pk, "subject_is_housemate": True,
        "route": 2}, content_type="application/json")
    assert api.status_code == 201
    assert Case.objects.get(pk=api.json()["id"]).subject_kind == "housemate"


def test_the_entrepreneur_records_her_housemates_on_a_page_and_through_the_api(world, client_for, second_staff):
    site, owner = world.a, world.a.entrepreneur
    client = client_for(owner, site)
    page = client.get("/meldcode/housemates/")
    assert page.status_code == 200 and second_staff.full_name in page.content.decode()
    assert client.post("/meldcode/housemates/", {"housemates": [str(second_staff.pk)]}).status_code == 302
    assert list(Housemate.objects.values_list("housemate_id", flat=True)) == [second_staff.pk]
    assert client.post("/meldcode/housemates/", {"housemates": [str(world.a.parent.pk)]}).status_code == 400
    assert client.post("/meldcode/housemates/", {}).status_code == 302
    assert not Housemate.objects.exists()

    assert client.post("/api/v1/meldcode/housemates/", {"user": second_staff.pk},
                       content_type="application/json").status_code == 201
    assert client.get("/api/v1/meldcode/housemates/").json() == [
        {"user": second_staff.pk, "full_name": second_staff.full_name}]
    refused = client.post("/api/v1/meldcode/housemates/", {"user": world.a.parent.pk},
                          content_type="application/json")
    assert refused.status_code == 400 and "user" in refused.json()
    assert client.post("/api/v1/meldcode/housemates/", {"user": "x"},
                       content_type="application/json").status_code == 400
    assert client.delete(f"/api/v1/meldcode/housemates/{second_staff.pk}/").status_code == 204
    assert client.delete(f"/api/v1/meldcode/housemates/{second_staff.pk}/").status_code == 404
    assert not Housemate.objects.exists()


@pytest.mark.parametrize("who", ["staff", "parent"])
def test_only_the_entrepreneur_records_housemates(world, client_for, who):
    client = client_for(getattr(world.a, who), world.a)
    assert client.get("/meldcode/housemates/").status_code == 403
    assert client.get("/api/v1/meldcode/housemates/").status_code == 403
    assert client_for(world.b.entrepreneur, world.a).get("/api/v1/meldcode/housemates/").status_code in (403, 404)


def test_what_the_entrepreneur_sees_of_a_case_she_may_see_is_minimal(world, report, client_for):
    """She does not need the reporter's identity to act (she can ask the pedagogue): her pages show neither the
    reporter's name nor e-mail; the pedagogue's do."""
    case = report(route=1)
    client = client_for(world.a.entrepreneur, world.a)
    for url in (f"/meldcode/cases/{case.pk}/", f"/api/v1/meldcode/cases/{case.pk}/", "/meldcode/cases/",
                "/api/v1/meldcode/cases/"):
        text = client.get(url).content.decode()
        assert world.a.staff.email not in text and world.a.staff.full_name not in text, url
    assert "reporter" not in client.get(f"/api/v1/meldcode/cases/{case.pk}/").json()
    pedagogue = page_in("en", client_for, world.pedagogue, f"/meldcode/{case.pk}/")
    assert world.a.staff.email in pedagogue and LEFT_OUT not in pedagogue
