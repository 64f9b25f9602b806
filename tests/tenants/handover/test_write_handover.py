"""Staff write the day's handover of a child on the tablet page; bad input names the field and stores
nothing; writing again completes the same handover."""
from tenants.attendance.selectors import local_today
from tenants.handover.models import Handover
from tests.tenants.conftest import in_schema
from tests.tenants.handover.conftest import png_upload


def test_staff_write_a_handover_with_a_photo(world, client_for, private_media):
    c = client_for(world.a.staff, world.a)
    response = c.post(f"/handover/children/{world.a.child_id}/", {
        "eating": "Brood en fruit", "sleep": "12:30-14:00", "mood": "cheerful", "nappies": "2x nat",
        "activities": "Buiten gespeeld", "message": "Ze heeft veel gelachen", "photo": png_upload()})
    assert response.status_code == 302, response.content.decode()[:2000]
    with in_schema(world.a):
        handover = Handover.objects.get(child_id=world.a.child_id, date=local_today())
        assert handover.naps == [{"start": "12:30", "end": "14:00"}]
        assert handover.written_by == world.a.staff
        photo = handover.photos.get()
        assert photo.content_type == "image/png"
        assert "private" in photo.file.path and photo.file.name.startswith("handover/alpha/")


def test_writing_again_completes_the_same_handover(world, api):
    c = api(world.a.staff, world.a)
    assert c.post("/api/v1/handovers/", {"child": world.a.child_id, "eating": "Pap"}).status_code == 201
    response = c.post("/api/v1/handovers/", {"child": world.a.child_id, "eating": "Pap", "sleep": "13:00-14:30"})
    assert response.status_code == 201
    with in_schema(world.a):
        assert Handover.objects.filter(child_id=world.a.child_id).count() == 1
        assert Handover.objects.get(child_id=world.a.child_id).naps == [{"start": "13:00", "end": "14:30"}]


def test_bad_sleep_times_name_the_field_and_store_nothing(world, client_for, api):
    response = api(world.a.staff, world.a).post("/api/v1/handovers/", {"child": world.a.child_id,
                                                                        "eating": "Pap", "sleep": "14:00-12:00"})
    assert response.status_code == 400
    assert "sleep" in response.json()
    page = client_for(world.a.staff, world.a).post(f"/handover/children/{world.a.child_id}/",
                                                   {"sleep": "lang", "eating": "x"})
    assert page.status_code == 400 and "Write sleep times as 12:30-14:00" in page.content.decode()
    with in_schema(world.a):
        assert not Handover.objects.exists()


def test_an_empty_handover_is_refused(world, api):
    response = api(world.a.staff, world.a).post("/api/v1/handovers/", {"child": world.a.child_id})
    assert response.status_code == 400 and "eating" in response.json()


def test_a_text_file_posing_as_a_photo_is_refused(world, client_for, private_media):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("x.png", b"<script>alert(1)</script>", content_type="image/png")
    page = client_for(world.a.staff, world.a).post(f"/handover/children/{world.a.child_id}/",
                                                   {"eating": "Pap", "photo": fake})
    assert page.status_code == 400 and "Only JPEG, PNG or WebP photos." in page.content.decode()
    with in_schema(world.a):
        assert not Handover.objects.exists(), "the handover and the photo are saved together or not at all"
