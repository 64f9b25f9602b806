"""The entrepreneur imports a bank statement (CAMT.053 or MT940, the examples in files/): a payment whose
reference (structured communication or invoice number) and amount fit one unpaid invoice marks it paid;
the rest waits for a person; money going out is left alone; the same file imported again books nothing
twice. A file that is empty, too large, not a statement or of another account is refused with the reason on
`file`, and nothing of it is stored."""
from decimal import Decimal

import pytest

from billing.payments import rules
from billing.payments.models import BankStatement, Payment, StatementEntry
from tests.billing.conftest import flemish_a  # noqa: F401 (fixture)
from tests.payments.conftest import (
    FLEMISH_IBAN,
    give_bank_account,
    in_schema,
    invoice_status,
    numbered_invoice,
    upload,
)


@pytest.fixture
def alpha_invoices(world):
    give_bank_account(world.a)
    return {
        4101: numbered_invoice(world.a, 4101, "120.50"),
        4102: numbered_invoice(world.a, 4102, "869.97", parent=world.two_location_parent),
        4103: numbered_invoice(world.a, 4103, "80.00"),  # the statement has 75.00 for it: left to decide
    }


def entries(site):
    with in_schema(site):
        return list(StatementEntry.objects.order_by("booking_date", "pk")
                    .values_list("amount", "status", "invoice_id"))


def stored(site):
    with in_schema(site):
        return (BankStatement.objects.count(), StatementEntry.objects.count(),
                Payment.objects.filter(method="bank_transfer").count())


@pytest.mark.parametrize("name", ["camt053_alpha.xml", "mt940_alpha.sta"])
def test_two_invoices_paid_and_the_rest_left_to_decide(world, client_for, alpha_invoices, name):
    client = client_for(world.a.entrepreneur, world.a)
    response = client.post("/payments/statements/", {"file": upload(name)})
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert invoice_status(world.a, alpha_invoices[4101].pk) == "paid"
    assert invoice_status(world.a, alpha_invoices[4102].pk) == "paid"
    assert invoice_status(world.a, alpha_invoices[4103].pk) == "sent"
    found = [(str(a), s, i) for a, s, i in entries(world.a)]
    assert ("120.50", "matched", alpha_invoices[4101].pk) in found
    assert ("869.97", "matched", alpha_invoices[4102].pk) in found
    assert ("50.00", "open", None) in found
    assert all(amount != "12.10" for amount, _s, _i in found)  # bank costs went out: no payment
    page = client.get("/payments/statements/").content.decode()
    assert "Voor het zomerfeest" in page and "Link to invoice" in page and "Not an invoice" in page


def test_the_same_file_imported_again_books_nothing_twice(world, api, alpha_invoices):
    client = api(world.a.entrepreneur, world.a)
    first = client.client.post("/api/v1/payments/statements/", {"file": upload("camt053_alpha.xml")})
    assert first.status_code == 201
    assert first.json() | {"statement": None} == {
        "statement": None, "new": 4, "already": 0, "matched": 2, "open": 2, "money_out": 1,
        "paid_invoices": [alpha_invoices[4101].pk, alpha_invoices[4102].pk]}
    before = stored(world.a)
    again = client.client.post("/api/v1/payments/statements/", {"file": upload("camt053_alpha.xml")})
    assert again.status_code == 200
    assert again.json()["new"] == 0 and again.json()["already"] == 4 and again.json()["statement"] is None
    assert stored(world.a) == before == (1, 4, 2)


def test_reimport_after_a_payment_was_reopened_does_not_book_it_again(world, client_for, alpha_invoices):
    from billing.invoices.services import reopen_after_failed_payment

    client = client_for(world.a.entrepreneur, world.a)
    client.post("/payments/statements/", {"file": upload("camt053_alpha.xml")})
    with in_schema(world.a):
        reopen_after_failed_payment(alpha_invoices[4101], reason="bank returned it")
    client.post("/payments/statements/", {"file": upload("camt053_alpha.xml")})
    assert invoice_status(world.a, alpha_invoices[4101].pk) == "open"
    assert stored(world.a)[2] == 2


def test_flemish_structured_communication_matches(world, client_for, flemish_a):  # noqa: F811
    give_bank_account(world.a, iban=FLEMISH_IBAN)
    by_strd = numbered_invoice(world.a, 4201, "412.35", jurisdiction="BE-VLG")
    by_text = numbered_invoice(world.a, 4202, "98.40", jurisdiction="BE-VLG")
    typo = numbered_invoice(world.a, 4203, "60.00", jurisdiction="BE-VLG")
    response = client_for(world.a.entrepreneur, world.a).post("/payments/statements/",
                                                              {"file": upload("camt053_flemish.xml")})
    assert response.status_code == 302
    assert invoice_status(world.a, by_strd.pk) == "paid"      # in CAMT's structured field (SCOR, BBA)
    assert invoice_status(world.a, by_text.pk) == "paid"      # +++…+++ typed in the description
    assert invoice_status(world.a, typo.pk) == "sent"         # wrong check digits: a person decides
    assert [s for _a, s, _i in entries(world.a)] == ["matched", "matched", "open"]


def test_a_payment_that_fits_two_invoices_is_never_guessed():
    """The reference must name one invoice: numbers that fit two open invoices' amounts are left to a person."""
    candidates = [rules.Candidate(1, 4101, "x", Decimal("120.50")), rules.Candidate(2, 4102, "y", Decimal("120.50"))]
    assert rules.match_entry(text="4101 4102", structured="", amount=Decimal("120.50"), candidates=candidates) is None
    found = rules.match_entry(text="4101", structured="", amount=Decimal("120.50"), candidates=candidates)
    assert found.invoice_id == 1


@pytest.mark.parametrize("name, content, message", [
    ("empty.xml", b"", "this one is empty"),
    ("huge.xml", b"<" + b"x" * (5 * 1024 * 1024), "larger than 5 MB"),
    ("not_a_statement.csv", None, "not a bank statement in CAMT.053 or MT940 format"),
    ("camt054_notification.xml", None, "not a CAMT.053 bank statement"),
    ("broken.xml", b"<Document><Stmt>", "not valid XML"),
    ("picture.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a bank statement"),
    ("mt940_broken.sta", b":20:X\r\n:25:NL91ABNA0417164300\r\n:61:garbage\r\n", ""),
])
def test_a_file_that_is_no_statement_is_refused_and_nothing_is_stored(world, api, alpha_invoices, name, content,
                                                                       message):
    response = api(world.a.entrepreneur, world.a).client.post("/api/v1/payments/statements/",
                                                              {"file": upload(name, content)})
    assert response.status_code == 400 and "file" in response.json(), response.json()
    assert message in " ".join(response.json()["file"])
    assert stored(world.a) == (0, 0, 0)


def test_no_file_at_all_is_an_error_on_file(world, api, alpha_invoices):
    response = api(world.a.entrepreneur, world.a).client.post("/api/v1/payments/statements/", {})
    assert response.status_code == 400 and "file" in response.json()


def test_a_statement_of_another_account_is_refused(world, api, alpha_invoices):
    give_bank_account(world.a, iban=FLEMISH_IBAN)
    response = api(world.a.entrepreneur, world.a).client.post("/api/v1/payments/statements/",
                                                              {"file": upload("camt053_alpha.xml")})
    assert response.status_code == 400
    assert "NL91ABNA0417164300" in response.json()["file"][0]
    assert stored(world.a) == (0, 0, 0)


def test_without_the_locations_iban_the_import_says_what_to_do(world, api):
    numbered_invoice(world.a, 4101, "120.50")
    response = api(world.a.entrepreneur, world.a).client.post("/api/v1/payments/statements/",
                                                              {"file": upload("camt053_alpha.xml")})
    assert response.status_code == 400 and "IBAN" in response.json()["non_field_errors"][0]


def test_entities_in_the_xml_are_not_resolved(world, api, alpha_invoices):
    response = api(world.a.entrepreneur, world.a).client.post("/api/v1/payments/statements/",
                                                              {"file": upload("camt053_entity.xml")})
    assert response.status_code == 201
    with in_schema(world.a):
        assert "root:" not in StatementEntry.objects.get().text


def test_the_page_refuses_in_dutch_at_the_field(world, client_for, alpha_invoices):
    from accounts.models import User

    User.objects.filter(pk=world.a.entrepreneur.pk).update(language="nl")
    response = client_for(world.a.entrepreneur, world.a).post("/payments/statements/",
                                                              {"file": upload("not_a_statement.csv")})
    body = response.content.decode()
    assert response.status_code == 400 and 'id="id_file_error"' in body
    assert "Dit is geen bankafschrift in CAMT.053- of MT940-formaat." in body


def test_nobody_but_the_entrepreneur_imports(world, api, client_for, alpha_invoices):
    for user in (world.a.parent, world.a.staff, world.b.entrepreneur, world.coop_admin, world.two_location_parent):
        response = api(user, world.a).client.post("/api/v1/payments/statements/",
                                                  {"file": upload("camt053_alpha.xml")})
        assert response.status_code in (403, 404), user
        assert client_for(user, world.a).post("/payments/statements/",
                                              {"file": upload("camt053_alpha.xml")}).status_code in (403, 404)
        assert client_for(user, world.a).get("/payments/statements/").status_code in (403, 404)
    assert stored(world.a) == (0, 0, 0)
