"""The entrepreneur announces a new version of the house rules; a change to the family's disadvantage cannot take
effect earlier than two months after it was announced (seed 003 §4.5.3, issue 19 acceptance), and the parents
are told by announcement, e-mail notice and push (tenants.messages)."""
from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from tenants.house_rules import rules
from tests.tenants.conftest import in_schema
from tests.tenants.house_rules.conftest import announce


def test_a_disadvantageous_change_cannot_take_effect_within_two_months(world, first_version):
    today = date(2026, 12, 31)
    with pytest.raises(ValidationError) as error:
        announce(world.a, today=today, summary="Hogere boete bij te laat ophalen", disadvantageous=True,
                 effective_on=date(2027, 2, 27))
    assert "effective_on" in error.value.message_dict
    version = announce(world.a, today=today, summary="Hogere boete bij te laat ophalen", disadvantageous=True,
                       effective_on=date(2027, 2, 28))
    assert (version.number, version.announced_on, version.effective_on) == (2, today, date(2027, 2, 28))


def test_a_change_needs_a_summary_and_a_text_or_pdf(world, first_version):
    with pytest.raises(ValidationError) as error:
        announce(world.a, text="", summary="")
    assert set(error.value.message_dict) == {"text", "summary"}


def test_the_first_version_cannot_be_disadvantageous(world):
    with pytest.raises(ValidationError) as error:
        announce(world.a, disadvantageous=True, effective_on=date(2024, 1, 1))
    assert "disadvantageous" in error.value.message_dict


def test_the_parents_are_told_by_announcement_and_email(world, first_version):
    from outbox.models import Delivery
    from tenants.messages.models import Announcement

    version = announce(world.a, summary="De sluitingstijd wordt 18.00 uur", disadvantageous=True,
                       effective_on=date.today() + timedelta(days=70))
    with in_schema(world.a):
        announcement = Announcement.objects.get(pk=version.announcement_id)
        assert "De sluitingstijd wordt 18.00 uur" in announcement.body
        assert "/house-rules/" in announcement.body
    notified = set(Delivery.objects.filter(kind="messages.notice", ref=f"announcement:{announcement.pk}")
                   .values_list("payload__user", flat=True))
    assert world.a.parent.pk in notified and world.two_location_parent.pk in notified
    assert world.b.parent.pk not in notified and world.a.staff.pk not in notified


def test_a_pdf_is_checked_on_its_bytes(world, first_version, tmp_path, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils.functional import empty

    from tenants.handover.models import private_storage

    settings.MEDIA_ROOT = str(tmp_path)
    private_storage._wrapped = empty
    try:
        fake = SimpleUploadedFile("hr.pdf", b"<html>not a pdf</html>", content_type="application/pdf")
        with pytest.raises(ValidationError) as error:
            announce(world.a, text="", summary="Nieuwe versie", document=fake)
        assert "document" in error.value.message_dict
        real = SimpleUploadedFile("hr.pdf", b"%PDF-1.4\n%...\n", content_type="application/pdf")
        version = announce(world.a, text="", summary="Nieuwe versie", document=real)
        assert version.document.name.endswith(".pdf")
    finally:
        private_storage._wrapped = empty


def test_announcing_on_the_page(world, client_for, first_version):
    from tenants.calendar.selectors import location_today

    with in_schema(world.a):
        today = location_today()
    client = client_for(world.a.entrepreneur, world.a)
    too_early = rules.earliest_effective_date(today) - timedelta(days=1)
    response = client.post("/house-rules/new/", {"effective_on": too_early.isoformat(), "summary": "Duurder",
                                                 "disadvantageous": "on", "text": "Nieuwe regels"})
    assert response.status_code == 400
    assert "two months ahead" in response.content.decode()
    response = client.post("/house-rules/new/", {"effective_on": "not a date", "summary": "x", "text": "y"})
    assert response.status_code == 400
    response = client.post("/house-rules/new/", {"effective_on": rules.earliest_effective_date(today).isoformat(),
                                                 "summary": "Duurder", "disadvantageous": "on",
                                                 "text": "Nieuwe regels"})
    assert response.status_code == 302


def test_announcing_through_the_api(world, api, first_version):
    client = api(world.a.entrepreneur, world.a)
    response = client.post("/api/v1/house-rules/", {"effective_on": "2020-01-01", "summary": "Duurder",
                                                    "disadvantageous": True, "text": "Nieuwe regels"})
    assert response.status_code == 400 and "effective_on" in response.json()
    assert api(world.a.parent, world.a).post("/api/v1/house-rules/", {"effective_on": "2030-01-01",
                                                                     "text": "x"}).status_code == 403


def test_the_pages_open_for_the_entrepreneur(world, client_for, first_version):
    client = client_for(world.a.entrepreneur, world.a)
    assert "Announce a new version of the house rules" in client.get("/house-rules/new/").content.decode()
    page = client.get("/house-rules/").content.decode()
    assert "Acknowledged by 0 of" in page and "Appendices" in page


def test_another_app_links_its_page_from_the_house_rules(world, client_for, first_version):
    from tenants.house_rules import appendices

    appendices.register("calendar", "Sluitingsdagen", roles=("parent",))
    appendices.register("no-such-page", "Bestaat niet")
    try:
        parent = client_for(world.a.parent, world.a).get("/house-rules/").content.decode()
        staff = client_for(world.a.staff, world.a).get("/house-rules/").content.decode()
    finally:
        appendices.unregister("calendar")
        appendices.unregister("no-such-page")
    assert "Sluitingsdagen" in parent and "Sluitingsdagen" not in staff and "Bestaat niet" not in parent
