"""A location that collects through its own bank makes a pain.008 file per run (sepaxml, IBANs checked
with schwifty); an invoice goes into one file; a returned collection reopens the invoice. Every file made
here is validated against the pain.008.001.02 schema (ISO 20022, billing/payments/schemas/), and its names
and texts keep to the EPC's basic Latin character set (EPC217-08) that every bank accepts."""
import re
import xml.etree.ElementTree as ET
from datetime import timedelta
from functools import cache
from pathlib import Path

import pytest
from django.utils import timezone
from lxml import etree

from billing.payments import services
from billing.payments.models import SepaFile, SepaFileItem
from tests.payments.conftest import give_own_bank_settings, in_schema, invoice_status, make_invoice

NS = {"p": "urn:iso:std:iso:20022:tech:xsd:pain.008.001.02"}
SCHEMA = Path(services.__file__).parent / "schemas" / "pain.008.001.02.xsd"
EPC_BASIC = re.compile(r"[a-zA-Z0-9/\-?:().,'+ ]*")


@cache
def pain008_schema():
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def assert_bank_accepts(xml: str) -> None:
    """Valid by the schema, and every text a person wrote (names, descriptions) in the EPC's basic set."""
    document = etree.fromstring(xml.encode())
    schema = pain008_schema()
    assert schema.validate(document), schema.error_log
    texts = [e.text for e in document.iter() if etree.QName(e).localname in ("Nm", "Ustrd")]
    assert texts and all(EPC_BASIC.fullmatch(t) for t in texts), texts


@pytest.fixture(autouse=True)
def _every_file_validated(world):
    """After each test: every file stored by it passes the bank's checks."""
    yield
    for site in (world.a, world.b):
        with in_schema(site):
            xmls = list(SepaFile.objects.values_list("xml", flat=True))
        for xml in xmls:
            assert_bank_accepts(xml)


@pytest.fixture
def own_bank(world):
    give_own_bank_settings(world.a)
    with in_schema(world.a):
        services.give_mandate(parent=world.a.parent, account_holder="P. Alpha", iban="NL91ABNA0417164300",
                              location=world.a.location)
        services.give_mandate(parent=world.two_location_parent, account_holder="Parent of Two",
                              iban="BE68 5390 0754 7034", bic="GKCCBEBB", location=world.a.location)


def collection_day():
    return timezone.localdate() + timedelta(days=5)


def test_file_has_one_collection_per_unpaid_invoice(world, client_for, own_bank):
    first = make_invoice(world.a, total="869.97")
    second = make_invoice(world.a, parent=world.two_location_parent, total="120.50")
    make_invoice(world.a, status="paid")
    make_invoice(world.a, status="draft")
    response = client_for(world.a.entrepreneur, world.a).post("/payments/sepa-files/", {
        "collection_date": collection_day().isoformat()})
    assert response.status_code == 302
    with in_schema(world.a):
        sepa_file = SepaFile.objects.get()
        items = list(SepaFileItem.objects.order_by("pk"))
    assert (sepa_file.transaction_count, str(sepa_file.total)) == (2, "990.47")
    assert [i.invoice_id for i in items] == [first.pk, second.pk]
    root = ET.fromstring(sepa_file.xml.encode())
    assert root.findtext("p:CstmrDrctDbtInitn/p:GrpHdr/p:CtrlSum", namespaces=NS) == "990.47"
    assert root.findtext(".//p:Cdtr/p:Nm", namespaces=NS) == "Kinderopvang Alpha"
    assert root.findtext(".//p:CdtrAcct/p:Id/p:IBAN", namespaces=NS) == "NL91ABNA0417164300"
    assert root.findtext(".//p:CdtrSchmeId/p:Id/p:PrvtId/p:Othr/p:Id", namespaces=NS) == "NL57ZZZ999999999999"
    debtors = [e.text for e in root.findall(".//p:DbtrAcct/p:Id/p:IBAN", namespaces=NS)]
    assert sorted(debtors) == ["BE68539007547034", "NL91ABNA0417164300"]
    assert {e.text for e in root.findall(".//p:SeqTp", namespaces=NS)} == {"FRST"}
    assert root.findtext(".//p:ReqdColltnDt", namespaces=NS) == collection_day().isoformat()
    mandate_ids = {e.text for e in root.findall(".//p:MndtId", namespaces=NS)}
    assert all(m.startswith("ALPHA-M") for m in mandate_ids) and len(mandate_ids) == 2


def test_same_run_twice_makes_no_second_collection(world, api, own_bank):
    make_invoice(world.a)
    client = api(world.a.entrepreneur, world.a)
    assert client.post("/api/v1/payments/sepa-files/", {"collection_date": collection_day()}).status_code == 201
    again = client.post("/api/v1/payments/sepa-files/", {"collection_date": collection_day()})
    assert again.status_code == 400 and "non_field_errors" in again.json()
    make_invoice(world.a)
    third = client.post("/api/v1/payments/sepa-files/", {"collection_date": collection_day()})
    assert third.status_code == 201
    with in_schema(world.a):
        assert list(SepaFileItem.objects.values_list("sequence_type", flat=True).order_by("pk")) == ["FRST", "RCUR"]


def test_download_is_the_xml(world, api, own_bank):
    make_invoice(world.a)
    created = api(world.a.entrepreneur, world.a).post("/api/v1/payments/sepa-files/",
                                                      {"collection_date": collection_day()}).json()
    response = api(world.a.entrepreneur, world.a).get(f"/api/v1/payments/sepa-files/{created['id']}/")
    assert response.status_code == 200 and response["Content-Type"] == "application/xml"
    assert b"pain.008.001.02" in response.content


def test_returned_collection_reopens_the_invoice(world, own_bank):
    invoice = make_invoice(world.a)
    with in_schema(world.a):
        services.create_sepa_file(collection_date=collection_day(), location=world.a.location)
        item = SepaFileItem.objects.get()
        with pytest.raises(Exception) as refused:
            services.mark_sepa_item_returned(item, reason=" ")
        assert "reason" in refused.value.message_dict
        from billing.invoices.services import mark_paid

        mark_paid(invoice, paid_at=timezone.now(), reference="bank")
        services.mark_sepa_item_returned(item, reason="MD06 refund requested")
    assert invoice_status(world.a, invoice.pk) == "open"
    with in_schema(world.a):
        assert services.invoices_for_sepa_file().filter(pk=invoice.pk).exists()  # may go into the next file


@pytest.mark.parametrize("data, field", [
    ({"creditor_iban": "NL91ABNA0417164301"}, "creditor_iban"),
    ({"creditor_id": "NL58ZZZ999999999999"}, "creditor_id"),
    ({"creditor_name": ""}, "creditor_name"),
    ({"creditor_iban": "BE68539007547034", "creditor_bic": ""}, "creditor_bic"),
    ({"creditor_bic": "NOTABIC"}, "creditor_bic"),
])
def test_bad_creditor_details_are_field_errors(world, api, data, field):
    good = {"method": "own_bank", "creditor_name": "Alpha", "creditor_iban": "NL91ABNA0417164300",
            "creditor_bic": "", "creditor_id": "NL57ZZZ999999999999"}
    response = api(world.a.entrepreneur, world.a).put("/api/v1/payments/collection-settings/", {**good, **data})
    assert response.status_code == 400
    assert field in response.json()
    assert api(world.a.entrepreneur, world.a).get("/api/v1/payments/collection-settings/").json()["method"] == "stripe"


def test_collection_date_must_be_in_the_future(world, api, own_bank):
    make_invoice(world.a)
    response = api(world.a.entrepreneur, world.a).post("/api/v1/payments/sepa-files/",
                                                       {"collection_date": timezone.localdate()})
    assert response.status_code == 400 and "collection_date" in response.json()
    with in_schema(world.a):
        assert not SepaFile.objects.exists()


def test_stripe_location_makes_no_sepa_file(world, api):
    make_invoice(world.a)
    response = api(world.a.entrepreneur, world.a).post("/api/v1/payments/sepa-files/",
                                                       {"collection_date": collection_day()})
    assert response.status_code == 400


def test_names_and_texts_are_reduced_to_the_epc_character_set(world, client_for):
    from billing.payments.models import CollectionSettings

    give_own_bank_settings(world.a)
    with in_schema(world.a):
        CollectionSettings.objects.update(creditor_name="Crèche Zoë & <Söhne>")
        services.give_mandate(parent=world.a.parent, account_holder="Jürgen Groß & Ølaf <b>",
                              iban="NL91ABNA0417164300", location=world.a.location)
    make_invoice(world.a, total="10.00")
    assert client_for(world.a.entrepreneur, world.a).post("/payments/sepa-files/", {
        "collection_date": collection_day().isoformat()}).status_code == 302
    with in_schema(world.a):
        xml = SepaFile.objects.get().xml
    assert_bank_accepts(xml)
    root = ET.fromstring(xml.encode())
    assert root.findtext(".//p:Cdtr/p:Nm", namespaces=NS) == "Creche Zoe en Sohne"
    assert root.findtext(".//p:Dbtr/p:Nm", namespaces=NS) == "Jurgen Gross en Olaf b"
    assert "&amp;" not in xml and "&lt;" not in xml and "&gt;" not in xml
