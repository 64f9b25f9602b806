"""The EPC QR code ("GiroCode") of an invoice, by EPC069-12 ("Quick Response Code: guidelines to enable data
capture for the initiation of a SEPA credit transfer", version 002): service tag BCD, version 002, character
set, SCT, BIC (may be empty), name (≤ 70), IBAN, EUR amount, purpose, then either the structured reference
(≤ 35) or the unstructured text (≤ 140)."""
from decimal import Decimal

import pytest

from billing.payments import qr, rules


def details(**kwargs):
    values = {"name": "Kinderopvang Alpha", "iban": "NL91ABNA0417164300", "bic": "", "amount": Decimal("869.97"),
              "reference": "000123", "structured": False}
    return rules.TransferDetails(**{**values, **kwargs})


def test_dutch_invoice_number_goes_into_the_text():
    lines = qr.epc_payload(details()).split("\n")
    assert lines[:4] == ["BCD", "002", lines[2], "SCT"]
    assert lines[4:] == ["", "Kinderopvang Alpha", "NL91ABNA0417164300", "EUR869.97", "", "", "000123"]


def test_belgian_structured_communication_goes_into_the_structured_field_as_twelve_digits():
    lines = qr.epc_payload(details(iban="BE68539007547034", bic="GKCCBEBB", amount=Decimal("120.00"),
                                   reference="+++000/0004/20130+++", structured=True,
                                   name="Kinderopvang 't Pagadderke & Co")).split("\n")
    assert lines[4:] == ["GKCCBEBB", "Kinderopvang 't Pagadderke en Co", "BE68539007547034", "EUR120", "",
                         "000000420130"]


@pytest.mark.parametrize("name", ["Crèche Zoë", "A" * 90])
def test_the_name_is_in_the_basic_set_and_at_most_70_characters(name):
    payload_name = qr.epc_payload(details(name=name)).split("\n")[5]
    assert len(payload_name) <= 70 and payload_name.isascii()


def test_the_code_stays_within_version_13_with_error_correction_m():
    code = qr.epc_qr(details(name="N" * 70, reference="R" * 140))
    assert code.error == "M" and code.version <= 13


def test_the_image_is_a_data_uri_the_content_security_policy_allows():
    assert qr.svg_data_uri(details()).startswith("data:image/svg+xml")
