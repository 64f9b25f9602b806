"""Everything the overview gathers at one location, for one parent, and nothing of another family: the plan
of each child today (care, absent, extra day), today's handover, the tasks (contract, invoice, mandate,
hours, survey) and the unread messages and announcements."""
from datetime import time, timedelta
from decimal import Decimal

from django.utils import timezone, translation

from accounts.roles import ENTREPRENEUR, PARENT
from tests.portal.conftest import make_invoice
from tests.portal.test_overview import child_of, open_weekdays, sign_weekly
from tests.tenants.conftest import in_schema, make_child


def busy_day(world):
    """Location A: Mila (planned today, handover, an unread message), Noor (sick today), Sam (extra day
    today, hours to approve); an invoice due and one paid; a survey open and one answered; announcements
    to all, to Mila's group, to another group and one already read. The other family has the same kinds
    of things, none of which may show."""
    from billing.tariffs import services as tariffs
    from tenants.attendance.models import Absence, ExtraDayRequest
    from tenants.children.models import Child
    from tenants.groups.models import Group
    from tenants.handover.services import write_handover
    from tenants.messages import services as messages
    from tenants.surveys import services as surveys

    parent, site, today = world.two_location_parent, world.a, timezone.localdate()
    noor = make_child(site, first_name="Noor", last_name="Jansen", guardians=[parent])
    sam = make_child(site, first_name="Sam", last_name="Jansen", guardians=[parent])
    now = timezone.now()
    with in_schema(site):
        open_weekdays()
        mila = Child.objects.get(pk=child_of(site, "Mila"))
        contract = sign_weekly(site, mila.pk, today, parent)
        other = Child.objects.get(pk=site.child_id)
        for child in (mila, other):
            write_handover(child, day=today, by=site.staff, eating="Alles op")
        Absence.objects.create(child=noor, kind="sick", start_date=today, end_date=today, reason="Koorts",
                               reported_at=now)
        Absence.objects.create(child=other, kind="holiday", start_date=today, end_date=today, reason="Weg",
                               reported_at=now)
        for child in (sam, other):
            ExtraDayRequest.objects.create(child=child, date=today, start_time=time(9), end_time=time(12, 30),
                                           requested_at=now, status="accepted")
        sam_contract = sign_weekly(site, sam.pk, today + timedelta(days=1), parent)
        tariffs.register_hours(sam_contract, day=today, hours=Decimal("8"))
        conversation = messages.start_conversation(mila, by=parent, roles={PARENT}, subject="Slapen",
                                                   body="Slaapt ze goed?")
        messages.send_message(conversation, by=site.entrepreneur, roles={ENTREPRENEUR}, body="Ja, prima.")
        own_group = Group.objects.get(name="Portaalgroep")
        Child.objects.filter(pk=mila.pk).update(group=own_group)
        other_group = Group.objects.create(name="Andere groep", kind="stamgroep")
        for group in (None, own_group, other_group):
            messages.publish_announcement(by=site.entrepreneur, title=f"Nieuws {group}", body="Tekst", group=group)
        read = messages.publish_announcement(by=site.entrepreneur, title="Gelezen", body="Tekst")
        messages.mark_announcement_read(read, parent)
        questions = [{"text": "Tevreden?", "kind": "scale"}]
        surveys.create_survey(by=site.entrepreneur, title="Open enquête", questions=questions, opens_on=today)
        done = surveys.create_survey(by=site.entrepreneur, title="Beantwoord", questions=questions, opens_on=today)
        surveys.answer(done, by=parent, answers={0: 4}, today=today)
    for child_id, status in ((mila.pk, "sent"), (mila.pk, "paid"), (site.child_id, "overdue")):
        make_invoice(site, child_id, parent if child_id == mila.pk else site.parent, status=status)
    return {"mila": mila.pk, "noor": noor.pk, "sam": sam.pk, "contract": contract.pk,
            "sam_contract": sam_contract.pk}


def overview_at(world, location):
    from portal.selectors import parent_overview

    with translation.override("en"):
        return next(o for o in parent_overview(world.two_location_parent) if o.location.pk == location.pk)


def test_each_child_has_todays_plan(world):
    ids = busy_day(world)
    plans = {item.child.pk: item for item in overview_at(world, world.a.location).children}
    assert set(plans) == {ids["mila"], ids["noor"], ids["sam"]}, "only the parent's own children"
    assert (plans[ids["mila"]].plan, plans[ids["mila"]].start, plans[ids["mila"]].end) == ("care", time(8),
                                                                                          time(17, 30))
    assert plans[ids["mila"]].handover_id is not None
    assert (plans[ids["noor"]].plan, plans[ids["noor"]].absence) == ("absent", "sick")
    assert plans[ids["noor"]].handover_id is None
    assert (plans[ids["sam"]].plan, plans[ids["sam"]].start, plans[ids["sam"]].end) == ("extra", time(9),
                                                                                       time(12, 30))
    assert [item.child.full_name for item in overview_at(world, world.a.location).children] == [
        "Mila Jansen", "Noor Jansen", "Sam Jansen"]


def test_the_tasks_are_the_parents_own(world):
    ids = busy_day(world)
    overview = overview_at(world, world.a.location)
    kinds = sorted((task.kind, task.label) for task in overview.tasks)
    assert kinds == [("hours", "Sam Jansen"), ("invoice", "Mila Jansen"), ("mandate", "Sam Jansen"),
                     ("survey", "Open enquête")]
    hours = next(task for task in overview.tasks if task.kind == "hours")
    assert hours.url.endswith(f"/billing/hours/?contract={ids['sam_contract']}")
    invoice = next(task for task in overview.tasks if task.kind == "invoice")
    assert invoice.url.startswith(world.a.location.url.rstrip("/")) and invoice.due is not None


def test_unread_messages_and_announcements_count_only_what_reaches_the_parent(world):
    busy_day(world)
    overview = overview_at(world, world.a.location)
    assert overview.unread_messages == 1, "the entrepreneur's answer; not the parent's own message"
    assert overview.unread_announcements == 2, "to all and to Mila's group; not another group's, not one read"


def test_a_contract_to_sign_is_a_task_with_its_date(world):
    today = timezone.localdate()
    with in_schema(world.b):
        open_weekdays()
        contract = sign_weekly(world.b, child_of(world.b, "Finn"), today, world.two_location_parent, sign=False)
    overview = overview_at(world, world.b.location)
    task = next(task for task in overview.tasks if task.kind == "contract")
    assert (task.label, task.due) == ("Finn Jansen", today - timedelta(days=today.weekday()))
    assert task.url.endswith(f"/contracts/{contract.pk}/")
    assert [item.plan for item in overview.children] == ["none"], "an unsigned contract plans nothing"
