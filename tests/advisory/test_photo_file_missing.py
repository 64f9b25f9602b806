"""A visit photo whose row exists but whose file is gone (storage lost it, a restore without media), or a
checklist answer without a photo: 404 for the adviser and the entrepreneur, never a server error."""
from django.utils import timezone

from advisory import services
from advisory.models import VisitAnswer


def finished_visit_with_answer(world, photo_name):
    visit = services.plan_visit(world.a.location, year=2025, visit_type="pedagogical", adviser=world.adviser,
                                user=world.adviser)
    item = visit.checklist.items.first()
    answer = VisitAnswer.objects.create(visit=visit, item=item, answer="yes", photo=photo_name)
    visit.completed_at = timezone.now()
    visit.save(update_fields=["completed_at"])
    return answer


def test_photo_missing_on_disk_is_not_found(client_for, world, media):
    answer = finished_visit_with_answer(world, "advisory/gone/photo.png")
    assert not (media / "advisory/gone/photo.png").exists()
    assert client_for(world.adviser).get(f"/advisory/files/photo/{answer.pk}/").status_code == 404
    entrepreneur = client_for(world.a.entrepreneur, world.a)
    assert entrepreneur.get(f"/advisory/files/photo/{answer.pk}/").status_code == 404


def test_answer_without_a_photo_is_not_found(client_for, world):
    answer = finished_visit_with_answer(world, "")
    assert client_for(world.adviser).get(f"/advisory/files/photo/{answer.pk}/").status_code == 404
    entrepreneur = client_for(world.a.entrepreneur, world.a)
    assert entrepreneur.get(f"/advisory/files/photo/{answer.pk}/").status_code == 404
