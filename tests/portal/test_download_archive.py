"""Acceptance: the download archive (zip: data.json + a readable index.html + files) holds the parent's
and children's data from every location they belong to, and nothing of other families."""
import io
import json
import zipfile

from tenants.attendance.selectors import local_today
from tests.portal.conftest import make_invoice
from tests.tenants.conftest import in_schema


def child_id(site, first):
    from tenants.children.models import Child

    with in_schema(site):
        return Child.objects.get(first_name=first).pk


def write_handover(site, cid, by, text):
    from tenants.children.models import Child
    from tenants.handover import services

    with in_schema(site):
        return services.write_handover(Child.objects.get(pk=cid), day=local_today(), by=by, message=text)


def test_archive_has_every_location_and_nothing_of_other_families(world, client_for):
    parent = world.two_location_parent
    mila, finn = child_id(world.a, "Mila"), child_id(world.b, "Finn")
    write_handover(world.a, mila, world.a.staff, "Mila heeft geschilderd")
    write_handover(world.b, finn, world.b.staff, "Finn was in de tuin")
    write_handover(world.a, world.a.child_id, world.a.staff, "GEHEIM andere familie")
    make_invoice(world.a, mila, parent, total="123.45")
    make_invoice(world.a, world.a.child_id, world.a.parent, total="999.99")
    with in_schema(world.a):
        from tenants.children.models import Child

        Child.objects.filter(pk=world.a.child_id).update(allergies="GEHEIM pinda")

    response = client_for(parent).get("/privacy/download/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = set(archive.namelist())
    assert {"data.json", "index.html"} <= names
    data = json.loads(archive.read("data.json"))
    everything = archive.read("data.json").decode() + archive.read("index.html").decode()

    assert data["person"]["email"] == parent.email
    by_location = {loc["location"]["name"]: loc for loc in data["locations"]}
    assert set(by_location) == {world.a.location.name, world.b.location.name}
    assert [c["first_name"] for c in by_location[world.a.location.name]["children"]] == ["Mila"]
    assert [c["first_name"] for c in by_location[world.b.location.name]["children"]] == ["Finn"]
    assert "Mila heeft geschilderd" in everything and "Finn was in de tuin" in everything
    assert [i["total"] for i in by_location[world.a.location.name]["invoices"]] == ["123.45"]
    for other in ("GEHEIM", "Saartje", "Bram", "999.99", world.a.parent.email):
        assert other not in everything
    assert "<h2>" + world.a.location.name in archive.read("index.html").decode()


def test_photos_are_in_the_archive(world, client_for, tmp_path, settings):
    from django.utils.functional import empty

    from tenants.handover import services
    from tenants.handover.models import private_storage
    from tests.tenants.consents.helpers import give_consent
    from tests.tenants.handover.conftest import png_upload

    settings.MEDIA_ROOT = str(tmp_path)
    private_storage._wrapped = empty
    handover = write_handover(world.a, child_id(world.a, "Mila"), world.a.staff, "Foto!")
    give_consent(world.a, child_id=child_id(world.a, "Mila"), parent=world.two_location_parent)
    with in_schema(world.a):
        services.add_photo(handover, upload=png_upload())
    archive = zipfile.ZipFile(io.BytesIO(client_for(world.two_location_parent).get("/privacy/download/").content))
    photos = [n for n in archive.namelist() if "/photos/" in n]
    assert len(photos) == 1 and archive.read(photos[0]).startswith(b"\x89PNG")
    private_storage._wrapped = empty


def test_the_api_export_is_the_same_archive(world, api):
    response = api(world.two_location_parent, None).get("/api/v1/portal/export/")
    assert response.status_code == 200
    assert "data.json" in zipfile.ZipFile(io.BytesIO(response.content)).namelist()


def test_only_parents_on_the_main_domain_download(world, client_for, api):
    assert client_for(world.adviser).get("/privacy/download/").status_code == 403
    assert client_for(world.a.staff).get("/privacy/download/").status_code == 403
    assert api(world.a.entrepreneur, None).get("/api/v1/portal/export/").status_code == 403


def test_requests_hours_and_certificates_are_in_the_archive_and_only_the_parents_own(world, client_for):
    from datetime import date, time
    from decimal import Decimal

    from django.utils import timezone

    from billing.tariffs.models import IncomeCertificate
    from tenants.attendance.models import SwapRequest

    parent = world.two_location_parent
    mila = child_id(world.a, "Mila")
    with in_schema(world.a):
        for child, note, price in ((mila, "Oma past op", "31.50"), (world.a.child_id, "GEHEIM ruil", "77.77")):
            SwapRequest.objects.create(child_id=child, give_up_date=date(2026, 12, 7), date=date(2026, 12, 8),
                                       start_time=time(8), end_time=time(17), note=note,
                                       requested_at=timezone.now(), status="accepted")
            IncomeCertificate.objects.create(child_id=child, day_price=Decimal(price), valid_from=date(2026, 1, 1),
                                             valid_until=date(2026, 12, 31))
    archive = zipfile.ZipFile(io.BytesIO(client_for(parent).get("/privacy/download/").content))
    data = json.loads(archive.read("data.json"))
    here = next(loc for loc in data["locations"] if loc["location"]["name"] == world.a.location.name)
    assert [s["note"] for s in here["swaps"]] == ["Oma past op"]
    assert [c["day_price"] for c in here["income_certificates"]] == ["31.50"]
    assert {"contract_change_requests", "registered_hours", "direct_debit_mandates"} <= set(here)
    assert "GEHEIM" not in archive.read("data.json").decode() and "77.77" not in archive.read("data.json").decode()


def test_the_readable_page_of_the_archive_is_in_the_parents_language(world, client_for):
    """Issue 16, point 2: the data export is read in the parent's language like every other page."""
    parent = world.two_location_parent
    for language, words in (("nl", ("Je gegevens", "Kinderen", "Alles, volledig")),
                            ("en", ("Your data", "Children", "Everything, in full"))):
        parent.language = language
        parent.save(update_fields=["language"])
        archive = zipfile.ZipFile(io.BytesIO(client_for(parent).get("/privacy/download/").content))
        page = archive.read("index.html").decode()
        assert f'<html lang="{language}">' in page and all(word in page for word in words), language
