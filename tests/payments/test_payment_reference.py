"""The payment reference on an invoice, chosen by the jurisdiction policy: the Belgian structured communication
(Febelfin's standard "gestructureerde mededeling": ten digits and the remainder mod 97, 97 for 0, written
+++ddd/dddd/ddddd+++) for Flemish locations, the invoice number for Dutch ones."""
from types import SimpleNamespace

import pytest
from jurisdictions import POLICIES

from billing.payments import rules, selectors


@pytest.mark.parametrize("invoice_number, reference", [
    (1, "+++000/0000/00101+++"),          # 0000000001 mod 97 = 1
    (97, "+++000/0000/09797+++"),         # 0000000097 mod 97 = 0 → 97, not 00 (Febelfin)
    (4201, "+++000/0004/20130+++"),       # 4201 = 43 × 97 + 30
    (123456, "+++000/0123/45672+++"),     # 123456 = 1272 × 97 + 72
    (9_999_999_999, "+++999/9999/99948+++"),
])
def test_structured_communication(invoice_number, reference):
    assert rules.structured_communication(invoice_number) == reference
    assert rules.structured_digits(reference) == reference.strip("+").replace("/", "")


@pytest.mark.parametrize("text, digits", [
    ("+++090/9337/55493+++", "090933755493"),           # a published example of a valid communication
    ("***090/9337/55493***", "090933755493"),           # asterisks instead of plusses
    ("betaling 090933755493 dank je", "090933755493"),  # the twelve digits alone
    ("090/9337/55493", "090933755493"),
    ("+++090/9337/55494+++", None),                     # wrong check digits
    ("BE68539007547034", None),                         # an IBAN's digits are no communication
    ("factuur 4201", None),
    ("", None),
])
def test_structured_communication_found_in_a_description(text, digits):
    assert rules.structured_digits(text) == digits


@pytest.mark.parametrize("bad", [0, -1, None, 10**10])
def test_an_invoice_without_a_number_has_no_reference(bad):
    with pytest.raises(ValueError):
        rules.structured_communication(bad)


@pytest.mark.parametrize("code, number, reference", [
    ("NL", 123, "000123"),                   # the invoice number as printed on the invoice
    ("BE-VLG", 123, "+++000/0000/12326+++"),  # 123 mod 97 = 26
])
def test_each_jurisdiction_gets_the_reference_its_policy_names(code, number, reference):
    invoice = SimpleNamespace(number=number, jurisdiction=code)
    assert selectors.payment_reference(invoice) == reference


def test_every_jurisdiction_names_a_kind_of_reference_we_can_make():
    assert {entry.payment_reference for entry in POLICIES.values()} <= set(rules.REFERENCE_MAKERS)


def test_a_draft_has_no_reference():
    assert selectors.payment_reference(SimpleNamespace(number=None, jurisdiction="NL")) == ""


@pytest.mark.parametrize("text, numbers", [
    ("Factuur 004101 Saartje", {4101}),
    ("fact. 4101 en 4102", {4101, 4102}),
    ("geen nummer", set()),
    ("0000", set()),
])
def test_invoice_numbers_in_a_description(text, numbers):
    assert rules.invoice_numbers_in(text) == numbers
