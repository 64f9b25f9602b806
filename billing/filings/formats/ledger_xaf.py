"""The month's general-ledger journal as an XML Auditfile Financieel 3.2 (XAF, the Dutch audit file of the
Belastingdienst's XML platform; namespace http://www.auditfiles.nl/XAF/3.2): header, company with its
customers (the paying parents), ledger accounts, the VAT code of exempt childcare, the month as the period,
and the transactions per journal (sales: invoices and credit notes; bank: payments and direct-debit batches).
Elements in the order of the standard's example file (XmlAuditfileFinancieel3.2_test.xml); see
tests/filings/test_ledger_export.py."""
from datetime import date

from django.utils import timezone
from jurisdictions import policy
from lxml import etree

from billing.filings import rules
from billing.filings.formats import journal
from billing.filings.formats.common import Built, month_key

NS = "http://www.auditfiles.nl/XAF/3.2"
VAT_EXEMPT = "VRIJ"
JOURNALS = {"sales": ("VRK", "Verkoopboek", "S"), "bank": ("BNK", "Bank", "B")}


def _add(parent, tag, text=None):
    element = etree.SubElement(parent, f"{{{NS}}}{tag}")
    if text is not None:
        element.text = str(text)
    return element


def build(start: date, end: date, location) -> Built:
    entries = journal.entries(start, end)
    count, debit, credit = journal.totals(entries)
    root = etree.Element(f"{{{NS}}}auditfile", nsmap={None: NS})
    header = _add(root, "header")
    for tag, value in (("fiscalYear", start.year), ("startDate", start.isoformat()), ("endDate", end.isoformat()),
                       ("curCode", "EUR"), ("dateCreated", timezone.localdate().isoformat()),
                       ("softwareDesc", "Opvangkring"), ("softwareVersion", "1.0")):
        _add(header, tag, value)
    company = _add(root, "company")
    _add(company, "companyIdent", location.slug)
    _add(company, "companyName", location.name)
    _add(company, "taxRegistrationCountry", policy(location.jurisdiction).country)
    _add(company, "taxRegIdent", "")
    address = _add(company, "streetAddress")
    _add(address, "streetname", location.street)
    _add(address, "city", location.city)
    _add(address, "postalCode", location.postal_code)
    customers = _add(company, "customersSuppliers")
    for ident, name in journal.customers(entries).items():
        customer = _add(customers, "customerSupplier")
        _add(customer, "custSupID", ident)
        _add(customer, "custSupName", name)
        _add(customer, "custSupTp", "C")
    ledger = _add(company, "generalLedger")
    for account, (name, kind) in rules.ACCOUNTS.items():
        row = _add(ledger, "ledgerAccount")
        _add(row, "accID", account)
        _add(row, "accDesc", name)
        _add(row, "accTp", kind)
    vat = _add(_add(company, "vatCodes"), "vatCode")
    _add(vat, "vatID", VAT_EXEMPT)
    _add(vat, "vatDesc", "Vrijgesteld: kinderopvang (art. 11 lid 1 sub f Wet OB 1968)")
    period = _add(_add(company, "periods"), "period")
    _add(period, "periodNumber", start.month)
    _add(period, "periodDesc", month_key(start))
    _add(period, "startDatePeriod", start.isoformat())
    _add(period, "endDatePeriod", end.isoformat())
    transactions = _add(company, "transactions")
    _add(transactions, "linesCount", count)
    _add(transactions, "totalDebit", f"{debit:.2f}")
    _add(transactions, "totalCredit", f"{credit:.2f}")
    for key, (ident, desc, kind) in JOURNALS.items():
        mine = [e for e in entries if e.journal == key]
        if not mine:
            continue
        book = _add(transactions, "journal")
        _add(book, "jrnID", ident)
        _add(book, "desc", desc)
        _add(book, "jrnTp", kind)
        for entry in mine:
            tr = _add(book, "transaction")
            _add(tr, "nr", entry.number)
            _add(tr, "desc", entry.description)
            _add(tr, "periodNumber", start.month)
            _add(tr, "trDt", entry.day.isoformat())
            _add(tr, "amnt", f"{sum(a for _acc, a, side in entry.lines if side == 'D'):.2f}")
            _add(tr, "amntTp", "D")
            for number, (account, amount, side) in enumerate(entry.lines, start=1):
                line = _add(tr, "trLine")
                _add(line, "nr", number)
                _add(line, "accID", account)
                _add(line, "docRef", entry.reference)
                _add(line, "effDate", entry.day.isoformat())
                _add(line, "desc", entry.description)
                _add(line, "amnt", f"{amount:.2f}")
                _add(line, "amntTp", side)
                if entry.customer:
                    _add(line, "custSupID", entry.customer)
                if account in ("8000", "8010"):
                    vat_line = _add(line, "vat")
                    _add(vat_line, "vatID", VAT_EXEMPT)
                    _add(vat_line, "vatPerc", "0")
                    _add(vat_line, "vatAmnt", "0.00")
                    _add(vat_line, "vatAmntTp", "C")
    content = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    records = [{"key": f"{e.number}", "period": month_key(start), "lines": [[a, f"{x:.2f}", s] for a, x, s in e.lines]}
               for e in entries]
    return Built(content=content, filename=f"auditfile-{month_key(start)}.xaf", content_type="application/xml",
                 records=records, problems=journal.problems(entries),
                 summary={"entries": len(entries), "debit": f"{debit:.2f}", "credit": f"{credit:.2f}"})
