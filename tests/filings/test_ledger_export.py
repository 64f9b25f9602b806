"""The accounting export of a month: invoices, credit notes, payments and direct-debit batches as a balanced
general-ledger journal (VAT exempt), as XAF 3.2 for a Dutch location and as CSV with ledger accounts.

Every XAF file is validated against the published schema, XmlAuditfileFinancieel3.2.xsd (namespace
http://www.auditfiles.nl/XAF/3.2), kept in tests/filings/schemas/ with its source named in the README there;
on top of that the element order of the standard's example file, the required elements and the totals are
checked here."""
import csv
import io
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pytest
from django.utils import timezone
from lxml import etree

from tests.billing.conftest import at, closing_weeks, location_of, make_contract

NS = "{http://www.auditfiles.nl/XAF/3.2}"
XSD = Path(__file__).parent / "schemas" / "XmlAuditfileFinancieel3.2.xsd"


@lru_cache(maxsize=1)
def xaf_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD)))


def validate_xaf(content: bytes) -> None:
    """The file against the XAF 3.2 schema; the schema's own messages when it fails."""
    schema = xaf_schema()
    document = etree.fromstring(content)
    assert schema.validate(document), "\n".join(str(error) for error in schema.error_log)

#: Children of each element, in the order of XmlAuditfileFinancieel3.2_test.xml (the ones this export uses
#: among them); REQUIRED: those the standard's header and transaction structure cannot do without.
ORDER = {
    "auditfile": ["header", "company"],
    "header": ["fiscalYear", "startDate", "endDate", "curCode", "dateCreated", "softwareDesc", "softwareVersion"],
    "company": ["companyIdent", "companyName", "taxRegistrationCountry", "taxRegIdent", "streetAddress",
                "postalAddress", "customersSuppliers", "generalLedger", "vatCodes", "periods", "openingBalance",
                "transactions"],
    "streetAddress": ["streetname", "number", "numberExtension", "property", "city", "postalCode", "region",
                      "country"],
    "customersSuppliers": ["customerSupplier"],
    "customerSupplier": ["custSupID", "custSupName", "contact", "telephone", "fax", "eMail", "website",
                         "commerceNr", "taxRegistrationCountry", "taxRegIdent", "relationshipID", "custSupTp"],
    "generalLedger": ["ledgerAccount", "basics"],
    "ledgerAccount": ["accID", "accDesc", "accTp"],
    "vatCodes": ["vatCode"],
    "vatCode": ["vatID", "vatDesc", "vatToPayAccID", "vatToClaimAccID"],
    "periods": ["period"],
    "period": ["periodNumber", "periodDesc", "startDatePeriod", "startTimePeriod", "endDatePeriod", "endTimePeriod"],
    "transactions": ["linesCount", "totalDebit", "totalCredit", "journal", "subledgers"],
    "journal": ["jrnID", "desc", "jrnTp", "offsetAccID", "bankAccNr", "transaction"],
    "transaction": ["nr", "desc", "periodNumber", "trDt", "amnt", "amntTp", "sourceID", "userID", "trLine"],
    "trLine": ["nr", "accID", "docRef", "effDate", "desc", "amnt", "amntTp", "recRef", "matchKeyID", "custSupID",
               "invRef", "orderRef", "receivingDocRef", "shipDocRef", "costID", "prodID", "projID", "artGrpID",
               "workCostArrRef", "qntityID", "qntity", "bankAccNr", "bankIdCd", "vat", "currency"],
    "vat": ["vatID", "vatPerc", "vatAmnt", "vatAmntTp"],
}
REQUIRED = {
    "header": ["fiscalYear", "startDate", "endDate", "curCode", "dateCreated", "softwareDesc", "softwareVersion"],
    "company": ["companyName", "taxRegistrationCountry", "generalLedger", "transactions"],
    "transaction": ["nr", "trDt", "amnt", "amntTp", "trLine"],
    "trLine": ["nr", "accID", "docRef", "effDate", "amnt", "amntTp"],
}


def check_xaf(content: bytes) -> etree._Element:
    validate_xaf(content)
    root = etree.fromstring(content)
    assert root.tag == NS + "auditfile"
    for element in root.iter():
        name = element.tag.replace(NS, "")
        children = [child.tag.replace(NS, "") for child in element]
        if not children:
            continue
        order = ORDER[name]
        positions = [order.index(child) for child in children]  # an unknown element fails here
        assert positions == sorted(positions), f"{name}: {children}"
        for required in REQUIRED.get(name, []):
            assert required in children, f"{name} lacks {required}"
    transactions = root.find(f"{NS}company/{NS}transactions")
    lines = transactions.findall(f".//{NS}trLine")
    debit = sum(Decimal(line.findtext(f"{NS}amnt")) for line in lines if line.findtext(f"{NS}amntTp") == "D")
    credit = sum(Decimal(line.findtext(f"{NS}amnt")) for line in lines if line.findtext(f"{NS}amntTp") == "C")
    assert int(transactions.findtext(f"{NS}linesCount")) == len(lines)
    assert Decimal(transactions.findtext(f"{NS}totalDebit")) == debit == credit
    assert Decimal(transactions.findtext(f"{NS}totalCredit")) == credit
    for transaction in transactions.iter(f"{NS}transaction"):
        side = {"D": Decimal("0"), "C": Decimal("0")}
        for line in transaction.findall(f"{NS}trLine"):
            side[line.findtext(f"{NS}amntTp")] += Decimal(line.findtext(f"{NS}amnt"))
        assert side["D"] == side["C"] == Decimal(transaction.findtext(f"{NS}amnt"))
    return root


@pytest.fixture
def march(billing):
    """A month of location A: an invoice, a credit note on it and its payment."""
    from billing.invoices import services
    from billing.invoices.models import Invoice
    from billing.payments.models import Payment

    world = billing
    closing_weeks(world.a)
    make_contract(world)
    with at(world.a):
        services.run_month(location_of(world.a), 2026, 3, today=date(2026, 3, 1))
        invoice = Invoice.objects.get(period_start=date(2026, 3, 1))
        services.create_credit_note(invoice, amount=Decimal("20.50"), reason="2 uur minder",
                                    issue_date=date(2026, 3, 10))
        Payment.objects.create(invoice=invoice, method="bank_transfer", amount=invoice.total - Decimal("20.50"),
                               status="succeeded", paid_on=date(2026, 3, 20))
        services.mark_paid(invoice, paid_at=timezone.now(), reference="x")
    return world


def test_the_xaf_of_a_month_follows_the_standard_and_balances(march):
    from billing.filings.formats import ledger_xaf

    with at(march.a):
        built = ledger_xaf.build(date(2026, 3, 1), date(2026, 3, 31), location_of(march.a))
    assert not built.problems
    root = check_xaf(built.content)
    accounts = [line.findtext(f"{NS}accID") for line in root.iter(f"{NS}trLine")]
    assert accounts == ["1300", "8000", "8000", "1300", "1100", "1300"]
    assert root.findtext(f".//{NS}vatCode/{NS}vatID") == "VRIJ"
    assert {v.findtext(f"{NS}vatPerc") for v in root.iter(f"{NS}vat")} == {"0"}


def test_the_schema_refuses_what_the_standard_does_not_allow():
    """The schema is really applied: an audit file without its header, or with a debit/credit sign the standard
    does not know, is refused."""
    good = (b'<auditfile xmlns="http://www.auditfiles.nl/XAF/3.2"><header><fiscalYear>2026</fiscalYear>'
            b"<startDate>2026-03-01</startDate><endDate>2026-03-31</endDate><curCode>EUR</curCode>"
            b"<dateCreated>2026-04-01</dateCreated></header><company><companyName>X</companyName>"
            b"<taxRegistrationCountry>NL</taxRegistrationCountry><taxRegIdent></taxRegIdent></company></auditfile>")
    validate_xaf(good)
    for bad in (good.replace(b"<curCode>EUR</curCode>", b"<curCode>EURO</curCode>"),
                good.replace(b"<taxRegistrationCountry>NL</taxRegistrationCountry>", b"")):
        with pytest.raises(AssertionError):
            validate_xaf(bad)


def test_the_csv_journal_has_the_ledger_accounts(march):
    from billing.filings.formats import ledger_csv

    with at(march.a):
        built = ledger_csv.build(date(2026, 3, 1), date(2026, 3, 31), location_of(march.a))
    rows = list(csv.DictReader(io.StringIO(built.content.decode()), delimiter=";"))
    assert [(r["journal"], r["account"], r["debit"], r["credit"]) for r in rows] == [
        ("sales", "1300", "869.97", ""), ("sales", "8000", "", "869.97"),
        ("sales", "8000", "20.50", ""), ("sales", "1300", "", "20.50"),
        ("bank", "1100", "849.47", ""), ("bank", "1300", "", "849.47")]
    assert {r["vat"] for r in rows} == {"exempt"}
    assert built.summary == {"entries": 3, "debit": "1739.94", "credit": "1739.94"}


def test_booking_rules_balance():
    from billing.filings import rules

    entry = rules.invoice_entry("000001", date(2026, 3, 1), "D000001",
                                [("care", Decimal("100.00")), ("fee", Decimal("4.37")), ("fine", Decimal("10.00"))])
    assert entry.lines == (("1300", Decimal("114.37"), "D"), ("8000", Decimal("100.00"), "C"),
                           ("8010", Decimal("14.37"), "C"))
    assert entry.balanced
    debit = rules.payment_entry("P1", "000001", date(2026, 3, 2), "D1", Decimal("5"), "direct_debit")
    assert debit.lines[0][0] == "1110"
    assert rules.payment_entry("P1", "000001", date(2026, 3, 2), "D1", Decimal("5"), "cash").lines[0][0] == "1000"
    assert rules.batch_entry("B1", date(2026, 3, 5), Decimal("9")).lines == (("1100", Decimal("9"), "D"),
                                                                             ("1110", Decimal("9"), "C"))
