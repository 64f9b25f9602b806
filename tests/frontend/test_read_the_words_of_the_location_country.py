"""A Flemish location speaks Flemish and a Dutch one Dutch, to the same Dutch-reading person (issue 16, point 2): the
pages, the PDFs and the e-mails of 't Pagadderke (Flanders) say kinderbegeleider, schriftelijke overeenkomst and
opvangplan, fiscaal attest, organisator, and its public holidays by their Belgian names; those of Kikker and
De Zonnebloem (the Netherlands) say pedagogisch medewerker, plaatsingsovereenkomst, jaaropgave, ondernemer and the
Dutch holidays. The language comes from the jurisdiction's policy entry (`Policy.language`)."""
import io

import pytest
from django.core import mail
from django.test import Client
from django.utils import translation
from django_tenants.utils import schema_context
from jurisdictions import POLICIES

from config.languages import language_at, reader_language

pytestmark = pytest.mark.xdist_group("demo")


@pytest.fixture(scope="module")
def demo(world, django_db_blocker):
    """The demo cooperative, loaded once for this module in a transaction that is rolled back after it (each test
    runs in a savepoint inside it); every demo person reads Dutch."""
    from django.db import transaction

    from accounts.models import User
    from cooperative.demo import seed_demo

    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            seed_demo()
            User.objects.filter(email__endswith="@demo.opvangkring.nl").update(language="nl")
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def person(local: str):
    from accounts.models import User
    from cooperative.demo import email

    return User.objects.get(email=email(local))


def page(local: str, slug: str, path: str) -> str:
    client = Client(HTTP_HOST=f"{slug}.localhost")
    client.force_login(person(local))
    response = client.get(path)
    assert response.status_code == 200, (slug, path, response.status_code)
    return response.content.decode()


def pdf_text(local: str, slug: str, path: str) -> str:
    from pypdf import PdfReader

    client = Client(HTTP_HOST=f"{slug}.localhost")
    client.force_login(person(local))
    response = client.get(path)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)


def test_each_jurisdiction_names_its_language_in_its_policy_entry():
    assert {code: entry.language for code, entry in POLICIES.items()} == {"NL": "nl", "BE-VLG": "nl-BE"}


def test_a_location_speaks_its_own_variant_of_the_readers_language():
    assert language_at("nl-BE", "nl") == "nl-be"
    assert language_at("nl", "nl-be") == "nl"
    assert language_at("nl-BE", "en") == "en"
    assert language_at(None, "nl-be") == "nl-be"


def test_the_flemish_catalogue_holds_the_flemish_words_and_falls_back_to_dutch():
    with translation.override("nl-be"):
        assert translation.gettext("staff member") == "kinderbegeleider"
        assert translation.gettext("Schedules") == "Opvangplannen"
        assert translation.gettext("Log out") == "Uitloggen"  # not in the Flemish catalogue: the Dutch text
    with translation.override("nl"):
        assert translation.gettext("staff member") == "pedagogisch medewerker"
        assert translation.gettext("Contracts") == "Plaatsingsovereenkomsten"


def test_the_pages_of_a_flemish_location_say_the_flemish_words(demo):
    home = page("lieve", "pagadder", "/")
    assert '<html lang="nl-be">' in home and "organisator" in home
    staff = page("lieve", "pagadder", "/staff/")
    assert "Kinderbegeleiders" in staff and "kinderbegeleider" in staff and "medewerker" not in staff
    contracts = page("lieve", "pagadder", "/contracts/")
    assert "Nieuwe schriftelijke overeenkomst" in contracts and "Opvangplannen" in contracts
    assert "Plaatsingsovereenkomst" not in contracts
    invoices = page("ouder.peeters", "pagadder", "/billing/invoices/")
    assert "Fiscale attesten" in invoices and "jaaropgave" not in invoices.lower()
    calendar = page("lieve", "pagadder", "/calendar/")
    assert "Paasmaandag" in calendar and "Dag van de Arbeid" in calendar and "Easter" not in calendar


def test_the_pages_of_a_dutch_location_say_the_dutch_words(demo):
    home = page("marieke", "kikker", "/")
    assert '<html lang="nl">' in home and "ondernemer" in home
    staff = page("marieke", "kikker", "/staff/")
    assert "Een pedagogisch medewerker uitnodigen" in staff and "kinderbegeleider" not in staff
    contracts = page("marieke", "kikker", "/contracts/")
    assert "Plaatsingsovereenkomsten" in contracts and "Nieuwe plaatsingsovereenkomst" in contracts
    assert "opvangplan" not in contracts.lower()
    invoices = page("ouder.bakker", "zonnebloem", "/billing/invoices/")
    assert "Jaaropgaven" in invoices and "fiscaal attest" not in invoices.lower()
    calendar = page("marieke", "kikker", "/calendar/")
    assert "Tweede paasdag" in calendar and "Koningsdag" in calendar and "King" not in calendar


def test_a_flemish_contract_pdf_is_a_schriftelijke_overeenkomst_and_a_dutch_one_a_plaatsingsovereenkomst(demo):
    flemish = pdf_text("lieve", "pagadder", "/api/v1/contracts/1/pdf/?version=1")
    dutch = pdf_text("marieke", "kikker", "/api/v1/contracts/1/pdf/?version=1")
    assert "Schriftelijke overeenkomst" in flemish and "Plaatsingsovereenkomst" not in flemish
    assert "Plaatsingsovereenkomst" in dutch and "Schriftelijke overeenkomst" not in dutch


def test_the_statement_e_mail_says_fiscaal_attest_in_flanders_and_jaaropgave_in_the_netherlands(demo):
    from billing.invoices.deliveries import send_statement
    from billing.invoices.models import AnnualStatement
    from cooperative.models import Location

    subjects = {}
    for slug in ("pagadder", "zonnebloem"):
        location = Location.objects.get(slug=slug)
        with schema_context(location.schema_name):
            from django.db import connection

            connection.set_tenant(location)
            statement = AnnualStatement.objects.filter(version=1).first()
            mail.outbox.clear()
            send_statement({"statement": statement.pk})
            subjects[slug] = mail.outbox[-1].subject
    assert "fiscaal attest" in subjects["pagadder"] and "jaaropgave" in subjects["zonnebloem"]


def test_an_e_mail_about_a_location_is_in_its_variant_of_the_readers_language(demo):
    from cooperative.models import Location

    flemish, dutch = Location.objects.get(slug="pagadder"), Location.objects.get(slug="kikker")
    assert reader_language("nl", flemish) == "nl-be"
    assert reader_language("", flemish) == "nl-be"
    assert reader_language("en", flemish) == "en"
    assert reader_language("nl-be", dutch) == "nl"
    assert reader_language("nl-be") == "nl-be"
