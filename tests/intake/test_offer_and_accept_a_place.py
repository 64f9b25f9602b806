"""Placement (seed 001 §1.2, seed 003 §4.1): the entrepreneur checks the days against the group and offers a
place with a date to answer by; the parent accepts; the intake meeting and settling-in days are planned, a draft
contract carries the agreed days and start date and is signed as any contract; the other locations of the
request see it placed elsewhere and the parent is asked whether to keep those requests."""
from datetime import timedelta

from django.core import mail

from intake import rules, selectors, services
from intake.models import CareRequest, ListEntry
from tests.intake.conftest import MON, THU, TUE, file, ready_to_place, soon
from tests.outbox.helpers import deliver_outbox
from tests.tenants.conftest import in_schema


def offer(client, entry, group_id, **overrides):
    data = {"group": group_id, "start_date": entry.request.start_date.isoformat(), "days": entry.request.days,
            "deadline": soon(7).isoformat(), "note": "Welkom"}
    data.update(overrides)
    return client.post(f"/waiting-list/{entry.pk}/", data)


def test_offer_accept_contract_and_the_other_location_sees_it_placed_elsewhere(world, client_for):
    group_id = ready_to_place(world.a)
    ready_to_place(world.b)
    request = file(world.a, world.b, care_kind="kdv", days=[MON, TUE, THU], start_date=soon(90))
    a_entry = request.entries.get(location=world.a.location)
    b_entry = request.entries.get(location=world.b.location)
    entrepreneur = client_for(world.a.entrepreneur, world.a)
    page = entrepreneur.get(f"/waiting-list/{a_entry.pk}/?group={group_id}")
    assert page.status_code == 200 and len(page.context["fits"]) == 6 * 3
    assert all(line.fits for line in page.context["fits"]) is False or page.context["fits"]  # shown either way
    response = offer(entrepreneur, a_entry, group_id)
    assert response.status_code == 302, response.context["form"].errors if response.context else ""
    a_entry.refresh_from_db()
    assert a_entry.status == ListEntry.Status.OFFERED and a_entry.offer_days == [MON, TUE, THU]
    mail.outbox.clear()
    deliver_outbox()
    assert any("offers a place" in m.body for m in mail.outbox if request.email in m.to)

    parent = client_for(request.user)
    assert "Accept the place" in parent.get("/care-requests/").content.decode()
    assert parent.post(f"/care-requests/entries/{a_entry.pk}/accept/").status_code == 302
    a_entry.refresh_from_db()
    b_entry.refresh_from_db()
    request.refresh_from_db()
    assert a_entry.status == ListEntry.Status.PLACED and request.status == CareRequest.Status.PLACED
    assert a_entry.intake_on == rules.intake_moment(request.start_date, a_entry.updated_at.date())
    assert a_entry.settling_in and all(day < request.start_date for day in a_entry.settling_in)
    assert b_entry.status == ListEntry.Status.PLACED_ELSEWHERE
    b_page = client_for(world.b.entrepreneur, world.b).get("/waiting-list/").content.decode()
    assert "placed elsewhere" in b_page
    assert "Keep this request?" in parent.get("/care-requests/").content.decode()

    with in_schema(world.a):
        from tenants.contracts.models import Contract

        contract = Contract.objects.get(pk=a_entry.contract_id)
        version = contract.current_version
        assert contract.start_date == request.start_date and contract.status == "awaiting_signature"
        assert [day.weekday for day in version.weeks[0]] == [MON, TUE, THU]
        assert list(contract.child.guardians.all()) == [request.user]
    signer = client_for(request.user, world.a)
    response = signer.post(f"/contracts/{contract.pk}/sign/", {"typed_name": request.user.full_name})
    assert response.status_code == 302
    with in_schema(world.a):
        contract.refresh_from_db()
        assert contract.status == "active"


def test_the_parent_keeps_or_lets_go_the_other_requests(world, client_for):
    ready_to_place(world.b)
    group_id = ready_to_place(world.a)
    request = file(world.a, world.b)
    a_entry, b_entry = request.entries.get(location=world.a.location), request.entries.get(location=world.b.location)
    services.offer_place(a_entry, group_id=group_id, start_date=request.start_date, days=request.days)
    services.answer_offer(a_entry, user=request.user, accept=True)
    client_for(request.user).post(f"/care-requests/entries/{b_entry.pk}/keep/")
    b_entry.refresh_from_db()
    assert b_entry.status == ListEntry.Status.WAITING and b_entry.kept_after_placement is True
    assert [row.entry for row in selectors.waiting_list(world.b.location)] == [b_entry]


def test_offer_rules_are_field_errors(world, client_for):
    group_id = ready_to_place(world.a, weekdays=(MON, TUE))
    request = file(world.a, days=[MON, TUE], start_date=soon(400))
    entry = request.entries.get()
    client = client_for(world.a.entrepreneur, world.a)
    errors = offer(client, entry, group_id).context["form"].errors
    assert "start_date" in errors  # more than nine months ahead
    errors = offer(client, entry, group_id, start_date=soon(300).isoformat(), days=[MON, THU]).context["form"].errors
    assert "does not open" in " ".join(errors["days"])
    errors = offer(client, entry, group_id, start_date=(request.start_date - timedelta(days=1)).isoformat()
                   ).context["form"].errors
    assert "start_date" in errors
    entry.refresh_from_db()
    assert entry.status == ListEntry.Status.WAITING


def test_an_expected_childs_start_may_move_ten_days(world):
    group_id = ready_to_place(world.a)
    request = file(world.a, birth_date=None, due_date=soon(20), start_date=soon(120), child_first_name="")
    entry = request.entries.get()
    services.offer_place(entry, group_id=group_id, start_date=request.start_date - timedelta(days=10),
                         days=request.days)
    entry.refresh_from_db()
    assert entry.status == ListEntry.Status.OFFERED


def test_declining_ends_a_request_on_no_other_list(world, client_for):
    group_id = ready_to_place(world.a)
    request = file(world.a)
    entry = request.entries.get()
    services.offer_place(entry, group_id=group_id, start_date=request.start_date, days=request.days)
    client_for(request.user).post(f"/care-requests/entries/{entry.pk}/decline/")
    request.refresh_from_db()
    assert request.status == CareRequest.Status.ENDED


def test_another_parent_cannot_answer_the_offer(world, client_for):
    group_id = ready_to_place(world.a)
    request = file(world.a)
    other = file(world.a, email="other@example.test")
    entry = request.entries.get()
    services.offer_place(entry, group_id=group_id, start_date=request.start_date, days=request.days)
    assert client_for(other.user).post(f"/care-requests/entries/{entry.pk}/accept/").status_code == 404
    entry.refresh_from_db()
    assert entry.status == ListEntry.Status.OFFERED
