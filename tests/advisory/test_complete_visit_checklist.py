"""Finishing a visit's checklist records when the report was finished and leaves the visit's agreed date
alone (it used to move a date still ahead to the moment of finishing, and to give an undated visit one)."""
from datetime import timedelta

from django.utils import timezone

from advisory import services
from advisory.models import Visit
from tests.advisory.test_visit_report import answers_for, visit_with_checklist


def test_finishing_before_the_agreed_date_keeps_that_date(client_for, world):
    visit = visit_with_checklist(world, world.a.location)
    agreed = (timezone.now() + timedelta(days=3)).replace(microsecond=0)
    Visit.objects.filter(pk=visit.pk).update(scheduled_at=agreed)
    response = client_for(world.adviser).post(f"/advisory/visits/{visit.pk}/checklist/",
                                              answers_for(visit) | {"complete": "1"})
    assert response.status_code == 302
    visit.refresh_from_db()
    assert visit.is_done and visit.completed_at is not None
    assert visit.scheduled_at == agreed


def test_finishing_an_undated_visit_gives_it_no_date(world):
    visit = visit_with_checklist(world, world.a.location)
    data = answers_for(visit)
    services.save_answers(visit, {item.pk: {"answer": "yes"} for item in visit.checklist.items.all()},
                          summary=data["summary"])
    services.complete_visit(visit, user=world.adviser)
    visit.refresh_from_db()
    assert visit.is_done and visit.scheduled_at is None


def test_finishing_after_the_agreed_date_keeps_that_date(world):
    visit = visit_with_checklist(world, world.a.location)
    agreed = (timezone.now() - timedelta(days=2)).replace(microsecond=0)
    Visit.objects.filter(pk=visit.pk).update(scheduled_at=agreed)
    services.save_answers(visit, {item.pk: {"answer": "no"} for item in visit.checklist.items.all()},
                          summary="Done.")
    services.complete_visit(visit, user=world.adviser)
    visit.refresh_from_db()
    assert visit.scheduled_at == agreed
