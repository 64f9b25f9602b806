"""Routing: the pedagogue always, the entrepreneur for routes 1 and 3 and for route 2 about a staff member only;
notifications carry no content."""
import pytest
from django.core import mail

from safeguarding import rules, selectors

from .conftest import DESCRIPTION, PLACE

RECEIVES = [
    # route, subject kind, entrepreneur receives
    (1, None, True),
    (3, None, True),
    (2, "staff", True),
    (2, "entrepreneur", False),
    (2, "housemate", False),
    (2, None, False),
    (4, None, False),
]


@pytest.mark.parametrize(("route", "subject", "expected"), RECEIVES)
def test_entrepreneur_receives_table(route, subject, expected):
    assert rules.entrepreneur_receives(route, subject) is expected


SUBJECT_KIND = [
    # is_entrepreneur, is_staff, is_housemate -> kind
    (False, True, False, "staff"),
    (True, False, False, "entrepreneur"),
    (True, True, False, "entrepreneur"),  # an entrepreneur who also works as staff is the entrepreneur
    (False, False, True, "housemate"),
    (False, False, False, None),
]


@pytest.mark.parametrize(("entrepreneur", "staff", "housemate", "kind"), SUBJECT_KIND)
def test_subject_kind_table(entrepreneur, staff, housemate, kind):
    assert rules.subject_kind_for(entrepreneur, staff, housemate) == kind


def test_entrepreneur_never_sees_a_case_about_herself_even_if_it_were_routed():
    assert rules.entrepreneur_may_see(2, "staff", subject_user_id=7, viewer_id=7) is False
    assert rules.entrepreneur_may_see(2, "staff", subject_user_id=8, viewer_id=7) is True
    assert rules.entrepreneur_may_see(1, None, subject_user_id=None, viewer_id=7) is True


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


@pytest.mark.parametrize("route", [1, 3])
def test_routes_1_and_3_go_to_the_pedagogue_and_the_entrepreneur(world, report, route):
    case = report(route=route)
    assert case.routed_to_entrepreneur
    assert recipients() == sorted([world.pedagogue.email, world.a.entrepreneur.email])
    assert list(selectors.cases_for_entrepreneur(world.a.entrepreneur, world.a.location)) == [case]


def test_route_2_about_a_staff_member_goes_to_the_entrepreneur_too(world, report, second_staff):
    case = report(route=2, subject_user=second_staff)
    assert case.subject_kind == "staff" and case.subject_user == second_staff
    assert case.routed_to_entrepreneur
    assert recipients() == sorted([world.pedagogue.email, world.a.entrepreneur.email])
    assert second_staff.email not in recipients()


def test_route_2_about_the_entrepreneur_goes_to_the_pedagogue_only(world, report):
    case = report(route=2, subject_user=world.a.entrepreneur)
    assert case.subject_kind == "entrepreneur" and not case.routed_to_entrepreneur
    assert recipients() == [world.pedagogue.email]
    assert not selectors.cases_for_entrepreneur(world.a.entrepreneur, world.a.location).exists()


def test_route_2_about_her_housemate_goes_to_the_pedagogue_only(world, report, housemate_name):
    case = report(route=2, housemate=housemate_name, relation="partner")
    assert case.subject_kind == "housemate" and not case.routed_to_entrepreneur
    assert recipients() == [world.pedagogue.email]
    assert not selectors.cases_for_entrepreneur(world.a.entrepreneur, world.a.location).exists()


def test_the_pedagogue_sees_every_case_and_other_entrepreneurs_none(world, report):
    a = report()
    b = report(site=world.b, reporter=world.b.staff)
    assert set(selectors.cases_for_pedagogue(world.pedagogue)) == {a, b}
    assert list(selectors.cases_for_entrepreneur(world.b.entrepreneur, world.b.location)) == [b]
    assert not selectors.cases_for_entrepreneur(world.b.entrepreneur, world.a.location).exists()
    for user in (world.coop_admin, world.adviser, world.lead_adviser, world.a.staff, world.a.parent):
        assert not selectors.cases_for_pedagogue(user).exists()


def test_notifications_say_only_that_there_is_something_to_look_at(world, report):
    case = report(route=1)
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        text = message.subject + message.body + "".join(str(a) for a in message.alternatives)
        for secret in (DESCRIPTION[:25], "Zeppelinvlek", PLACE, "Saartje", "Verbeek", case.reference,
                       world.a.location.name, world.a.staff.full_name, "meldcode", "route"):
            assert secret.lower() not in text.lower(), f"{secret!r} in an e-mail"
        assert not message.attachments
    pedagogue_mail = next(m for m in mail.outbox if m.to == [world.pedagogue.email])
    assert f"http://localhost:8000/look/{case.pk}/" in pedagogue_mail.body
    owner_mail = next(m for m in mail.outbox if m.to == [world.a.entrepreneur.email])
    assert f"http://{world.a.location.host}:8000/look/{case.pk}/" in owner_mail.body


def test_the_neutral_link_leads_each_reader_to_the_case_and_nobody_else(world, report, client_for):
    case = report(route=1)
    assert client_for(world.pedagogue).get(f"/look/{case.pk}/")["Location"] == f"/meldcode/{case.pk}/"
    owner = client_for(world.a.entrepreneur, world.a).get(f"/look/{case.pk}/")
    assert owner["Location"] == f"/meldcode/cases/{case.pk}/"
    assert client_for(world.coop_admin).get(f"/look/{case.pk}/").status_code == 404
    assert client_for(world.b.entrepreneur, world.b).get(f"/look/{case.pk}/").status_code == 404
    assert client_for(world.a.staff, world.a).get(f"/look/{case.pk}/").status_code == 404
    about_her = report(route=2, subject_user=world.a.entrepreneur)
    assert client_for(world.a.entrepreneur, world.a).get(f"/look/{about_her.pk}/").status_code == 404
