"""Helpers for the handover tests: a small real image, and a handover with a photo at location A."""
import pytest

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
       b"\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82")


def png_upload(name="dag.png"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, PNG, content_type="image/png")


@pytest.fixture(autouse=True)
def photo_consent(world, db):
    """Saartje's parent gave consent to photos in the handover (tenants.consents; without it a photo is refused)."""
    from tests.tenants.consents.helpers import give_consent

    give_consent(world.a)


@pytest.fixture
def private_media(tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path)
    from django.utils.functional import empty

    from tenants.handover.models import private_storage

    private_storage._wrapped = empty
    yield tmp_path
    private_storage._wrapped = empty


@pytest.fixture
def handover_with_photo(world, private_media):
    from tenants.attendance.selectors import local_today
    from tenants.handover import services
    from tests.tenants.conftest import in_schema

    with in_schema(world.a):
        from tenants.children.models import Child

        child = Child.objects.get(pk=world.a.child_id)
        handover = services.write_handover(child, day=local_today(), by=world.a.staff, eating="Alles op",
                                           sleep="12:30-14:00", mood="cheerful", message="Fijne dag gehad")
        photo = services.add_photo(handover, upload=png_upload())
    return handover, photo


