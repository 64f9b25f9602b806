"""A staff member records a case of a contagious disease in a group (seed 003 §4.6.2: the parents are warned,
always by e-mail and always anonymously). The parents of that group — and only they: not another group, not another
location, not a guardian removed from her child — get the notice with the disease's advice by e-mail and push; the
child's name is in neither. Delivered by the outbox after the commit (tests/outbox/helpers.py), the push through the
recorded push service (tests/push)."""
from datetime import date

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from tests.outbox.helpers import deliver_outbox
from tests.tenants.conftest import in_schema


def record(site, group, disease="chickenpox", **extra):
    from tenants.outbreaks import services

    with in_schema(site):
        return services.record_case(by=site.staff, group=group, disease=disease, noticed_on=date.today(), **extra)


def test_the_parents_of_the_group_get_the_anonymous_notice_by_e_mail(world, groups):
    case = record(world.a, groups.rupsen, note="Olivier Ziek had blisters on his belly")
    assert case.recipients == 3
    mail.outbox.clear()
    deliver_outbox()
    to = sorted(address for message in mail.outbox for address in message.to)
    assert to == sorted(p.email for p in groups.rupsen_parents)
    for message in mail.outbox:
        assert "Rupsen" in message.subject and "Chickenpox" in message.subject
        assert "Pregnant women who never had chickenpox" in message.body
        assert f"/outbreaks/notices/{case.pk}/" in message.body
        for secret in ("Olivier", "Fenna", "Guusje", "Ziek", "blisters on his belly", world.a.staff.full_name):
            assert secret not in message.subject + message.body


def test_not_another_group_not_another_location_not_a_removed_guardian(world, groups):
    record(world.a, groups.rupsen)
    mail.outbox.clear()
    deliver_outbox()
    to = {address for message in mail.outbox for address in message.to}
    assert groups.vlinders_parent.email not in to
    assert groups.b_parent.email not in to
    assert groups.removed_parent.email not in to
    assert world.a.parent.email not in to  # Saartje has no group
    record(world.b, groups.b_rupsen, disease="impetigo")
    mail.outbox.clear()
    deliver_outbox()
    assert [m.to for m in mail.outbox] == [[groups.b_parent.email]]


def test_the_push_reaches_the_groups_parents_only_with_the_locations_name(world, groups, browser_subscription,
                                                                          push_service):
    from tests.push.test_receive_push_notification import read

    _d1, first = browser_subscription(groups.rupsen_parents[0])
    browser_subscription(groups.vlinders_parent)
    browser_subscription(groups.removed_parent)
    browser_subscription(groups.b_parent)
    case = record(world.a, groups.rupsen)
    deliver_outbox()
    assert len(push_service.calls) == 1
    message = read(push_service, first)
    assert message["data"]["title"] == world.a.location.name
    assert message["data"]["url"].endswith(f"/outbreaks/notices/{case.pk}/")
    assert message["data"]["body"] == "Health news"
    for secret in ("Olivier", "Fenna", "Guusje", "Chickenpox"):
        assert secret not in str(message["data"])


def test_a_guardian_removed_after_the_case_was_recorded_gets_no_e_mail(world, groups):
    from tenants.children.models import Child
    from tenants.children.services import remove_guardian

    record(world.a, groups.rupsen)
    with in_schema(world.a):
        remove_guardian(Child.objects.get(first_name="Olivier"), groups.rupsen_parents[0], actor=world.a.entrepreneur)
    mail.outbox.clear()
    deliver_outbox()
    to = {address for message in mail.outbox for address in message.to}
    assert groups.rupsen_parents[0].email not in to and len(to) == 2


def test_a_parent_reads_the_notice_of_her_childs_group_and_nothing_more(world, groups, client_for):
    case = record(world.a, groups.rupsen, note="Olivier Ziek")
    page = client_for(groups.rupsen_parents[1], world.a).get(f"/outbreaks/notices/{case.pk}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Chickenpox" in text and "Rupsen" in text and "Olivier" not in text
    assert client_for(groups.vlinders_parent, world.a).get(f"/outbreaks/notices/{case.pk}/").status_code == 404
    assert client_for(groups.removed_parent, world.a).get(f"/outbreaks/notices/{case.pk}/").status_code == 403
    assert client_for(groups.rupsen_parents[1], world.a).get(f"/outbreaks/{case.pk}/").status_code == 403
    mine = client_for(groups.rupsen_parents[1], world.a).get("/outbreaks/notices/")
    assert "Chickenpox" in mine.content.decode()
    api = client_for(groups.rupsen_parents[1], world.a).get("/api/v1/outbreaks/").json()
    assert [item["disease"] for item in api["results"]] == ["chickenpox"]
    assert "note" not in api["results"][0] and "agency_must_tell" not in api["results"][0]


@pytest.mark.parametrize(("fields", "field"), [
    ({"disease": "plague"}, "disease"),
    ({"advice": "Fenna is ziek, let op."}, "advice"),
    ({"advice": "x" * 3001}, "advice"),
    ({"noticed_on": date(2030, 1, 1)}, "noticed_on"),
])
def test_bad_input_names_the_field_and_sends_nothing(world, groups, fields, field):
    from outbox.models import Delivery
    from tenants.outbreaks import services

    data = {"disease": "chickenpox", "noticed_on": date.today(), **fields}
    with in_schema(world.a), pytest.raises(ValidationError) as error:
        services.record_case(by=world.a.staff, group=groups.rupsen, **data)
    assert field in error.value.message_dict
    assert not Delivery.objects.filter(kind="outbreaks.notice").exists()
