"""Reading bank statements: CAMT.053 (ISO 20022 XML, any version the banks send) and MT940 (SWIFT text, the
`mt-940` package), into one plain shape. No Django here: the service decides what to store and match.

Only what a parent paid in matters (credit entries); the rest is counted and left out. An uploaded file is
untrusted: the XML parser loads no DTD, resolves no entity and reaches no network, and a file that is neither
format is refused with a reason (StatementError) rather than read half.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

CAMT053 = "camt053"
MT940 = "mt940"


class StatementError(ValueError):
    """The file is not a statement we can read; `code` says why (the service words it for the user)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


@dataclass
class Entry:
    booking_date: date
    amount: Decimal               # positive: money in
    credit: bool
    bank_reference: str = ""      # the bank's own reference of the entry (or transaction), when it gives one
    counterparty: str = ""
    counterparty_iban: str = ""
    text: str = ""                # the unstructured description
    structured: str = ""          # a structured reference the bank gave separately (CAMT Strd/CdtrRefInf/Ref)


@dataclass
class Statement:
    format: str
    account: str                  # the IBAN (or account number) of the statement
    statement_id: str = ""
    entries: list[Entry] = field(default_factory=list)


def read(data: bytes) -> list[Statement]:
    """The statements in a file (a CAMT.053 file or an MT940 file may hold several)."""
    text = _decode(data)
    stripped = text.lstrip()
    if stripped.startswith("<"):
        return _camt(data)
    if re.search(r"^:20:", stripped, re.M) and re.search(r"^:25:", stripped, re.M):
        return _mt940(stripped)
    raise StatementError("not_statement")


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise StatementError("encoding")


def _amount(value: str | None) -> Decimal:
    try:
        amount = Decimal((value or "").strip().replace(",", "."))
    except InvalidOperation:
        raise StatementError("bad_amount") from None
    if not amount.is_finite():
        raise StatementError("bad_amount")
    return amount


# --- CAMT.053 -------------------------------------------------------------------------------------------------


def _camt(data: bytes) -> list[Statement]:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        raise StatementError("not_xml") from None
    namespace = etree.QName(root).namespace or ""
    if "camt.053" not in namespace:
        raise StatementError("not_camt")
    statements = []
    for stmt in root.iterfind(".//{*}BkToCstmrStmt/{*}Stmt"):
        account = _text(stmt, "{*}Acct/{*}Id/{*}IBAN") or _text(stmt, "{*}Acct/{*}Id/{*}Othr/{*}Id")
        if not account:
            raise StatementError("no_account")
        statement = Statement(CAMT053, account.replace(" ", "").upper(), _text(stmt, "{*}Id"))
        for entry in stmt.iterfind("{*}Ntry"):
            statement.entries.extend(_camt_entry(entry))
        statements.append(statement)
    if not statements:
        raise StatementError("empty")
    return statements


def _text(node, path: str) -> str:
    found = node.find(path)
    return " ".join((found.text or "").split()) if found is not None and found.text else ""


def _camt_entry(entry) -> list[Entry]:
    credit = _text(entry, "{*}CdtDbtInd") == "CRDT"
    booked = _text(entry, "{*}BookgDt/{*}Dt") or _text(entry, "{*}BookgDt/{*}DtTm")[:10] \
        or _text(entry, "{*}ValDt/{*}Dt")
    try:
        booking_date = date.fromisoformat(booked)
    except ValueError:
        raise StatementError("bad_date") from None
    entry_ref = _text(entry, "{*}AcctSvcrRef") or _text(entry, "{*}NtryRef")
    details = entry.findall("{*}NtryDtls/{*}TxDtls")
    if not details:
        return [Entry(booking_date, _amount(_text(entry, "{*}Amt")), credit, entry_ref,
                      text=_text(entry, "{*}AddtlNtryInf"))]
    out = []
    for index, tx in enumerate(details):
        amount = _text(tx, "{*}Amt") or _text(tx, "{*}AmtDtls/{*}TxAmt/{*}Amt")
        if not amount and len(details) == 1:
            amount = _text(entry, "{*}Amt")
        party = "{*}RltdPties/{*}Dbtr" if credit else "{*}RltdPties/{*}Cdtr"
        account = "{*}RltdPties/{*}DbtrAcct" if credit else "{*}RltdPties/{*}CdtrAcct"
        tx_ref = _text(tx, "{*}Refs/{*}AcctSvcrRef") or _text(tx, "{*}Refs/{*}EndToEndId").replace("NOTPROVIDED", "")
        reference = "/".join(part for part in (entry_ref, tx_ref or (str(index) if len(details) > 1 else "")) if part)
        out.append(Entry(
            booking_date, _amount(amount), credit, reference,
            counterparty=_text(tx, f"{party}/{{*}}Nm") or _text(tx, f"{party}/{{*}}Pty/{{*}}Nm"),
            counterparty_iban=_text(tx, f"{account}/{{*}}Id/{{*}}IBAN"),
            text=" ".join(u.text.strip() for u in tx.iterfind("{*}RmtInf/{*}Ustrd") if u.text)
            or _text(entry, "{*}AddtlNtryInf"),
            structured=_text(tx, "{*}RmtInf/{*}Strd/{*}CdtrRefInf/{*}Ref"),
        ))
    return out


# --- MT940 ----------------------------------------------------------------------------------------------------

_MT940_FIELD = re.compile(r"/(NAME|IBAN|REMI|EREF)/(.*?)(?=/(?:[A-Z]{4}|[A-Z]{3,4})/|$)", re.S)


def _mt940(text: str) -> list[Statement]:
    import mt940

    try:
        blocks = mt940.parse_statements(io.StringIO(text))
    except Exception as exc:  # noqa: BLE001 - the parser raises many kinds on a broken file
        raise StatementError("unreadable") from exc
    statements = []
    for block in blocks:
        account = (block.data.get("account_identification") or "").replace(" ", "").upper()
        if not account:
            continue
        account = account.split("/")[-1]  # "ABNANL2A/NL91ABNA..." names the bank first
        statement = Statement(MT940, account, str(block.data.get("transaction_reference") or ""))
        for tx in block:
            statement.entries.append(_mt940_entry(tx.data))
        statements.append(statement)
    if not statements:
        raise StatementError("empty")
    return statements


def _mt940_entry(data: dict) -> Entry:
    amount = data.get("amount")
    if amount is None or data.get("date") is None:
        raise StatementError("bad_amount")
    value = Decimal(str(amount.amount))
    details = " ".join(str(data.get("transaction_details") or "").split())
    found = {key: " ".join(value_.split()).strip("/ ") for key, value_ in _MT940_FIELD.findall(details)}
    remittance = found.get("REMI", "")
    remittance = re.sub(r"^(USTD|STRD)/+", "", remittance)
    reference = str(data.get("bank_reference") or "")
    if reference.upper() == "NONREF":
        reference = ""
    booked = data.get("entry_date") or data.get("date")
    return Entry(date(booked.year, booked.month, booked.day), abs(value), value > 0, reference,
                 counterparty=found.get("NAME", ""), counterparty_iban=found.get("IBAN", ""),
                 text=remittance or details)
