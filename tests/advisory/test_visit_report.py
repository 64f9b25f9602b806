"""The visit report: a checklist answered per item, finished by the adviser, read and reacted to by the
entrepreneur."""
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from advisory import services
from tests.outbox.helpers import deliver_outbox


def visit_with_checklist(world, location):
    return services.plan_visit(location, year=2025, visit_type="pedagogical", adviser=world.adviser,
                               user=world.adviser)


def answers_for(visit, answer="yes"):
    data = {"summary": "Warm atmosphere; plan needs an update."}
    for item in visit.checklist.items.all():
        data[f"item_{item.pk}"] = answer
        data[f"remark_{item.pk}"] = ""
    return data


def test_report_needs_every_answer_before_it_is_finished(client_for, world):
    visit = visit_with_checklist(world, world.a.location)
    first = visit.checklist.items.first()
    response = client_for(world.adviser).post(f"/advisory/visits/{visit.pk}/checklist/", {
        f"item_{first.pk}": "partly", "summary": "x", "complete": "1"})
    assert response.status_code == 400
    visit.refresh_from_db()
    assert visit.completed_at is None
    assert visit.answers.get().answer == "partly"  # the saved answer stays


def test_adviser_finishes_entrepreneur_reads_and_reacts(client_for, world):
    visit = visit_with_checklist(world, world.a.location)
    owner = client_for(world.a.entrepreneur, world.a)
    assert "Warm atmosphere" not in owner.get(f"/advisory/visits/{visit.pk}/").content.decode()
    data = answers_for(visit) | {"complete": "1"}
    with_photo = visit.checklist.items.first()
    data[f"photo_{with_photo.pk}"] = SimpleUploadedFile("p.png", b"\x89PNG\r\n\x1a\n" + b"0" * 20, "image/png")
    with_answers = client_for(world.adviser)
    assert with_answers.post(f"/advisory/visits/{visit.pk}/checklist/", data).status_code == 302
    visit.refresh_from_db()
    assert visit.is_done and visit.answers.count() == visit.checklist.items.count()
    deliver_outbox()  # the e-mail goes out after the commit, through the outbox
    assert [m.to for m in mail.outbox] == [[world.a.entrepreneur.email]]
    assert "The report of your adviser's visit is ready" == mail.outbox[0].subject
    page = owner.get(f"/advisory/visits/{visit.pk}/").content.decode()
    assert "Warm atmosphere" in page and with_photo.text in page
    photo = visit.answers.get(item=with_photo)
    assert owner.get(f"/advisory/files/photo/{photo.pk}/").status_code == 200
    reaction = {"reaction": "Thank you, plan updated."}
    assert owner.post(f"/advisory/visits/{visit.pk}/react/", reaction).status_code == 302
    visit.refresh_from_db()
    assert visit.reaction == "Thank you, plan updated."
    assert "Thank you, plan updated." in with_answers.get(f"/advisory/visits/{visit.pk}/").content.decode()


def test_a_photo_that_is_not_an_image_is_refused(client_for, world):
    visit = visit_with_checklist(world, world.a.location)
    item = visit.checklist.items.first()
    data = {f"item_{item.pk}": "yes", f"photo_{item.pk}": SimpleUploadedFile("x.png", b"MZ\x90\x00exe", "image/png")}
    response = client_for(world.adviser).post(f"/advisory/visits/{visit.pk}/checklist/", data)
    assert response.status_code == 400 and f"photo_{item.pk}" in response.context["form"].errors
    assert not visit.answers.exists()


def test_reaction_before_the_report_is_finished_is_refused(client_for, world):
    visit = visit_with_checklist(world, world.a.location)
    response = client_for(world.a.entrepreneur, world.a).post(f"/advisory/visits/{visit.pk}/react/",
                                                               {"reaction": "?"})
    assert response.status_code == 400
    visit.refresh_from_db()
    assert visit.reaction == ""
