"""The Flemish fiscal certificates 281.86 of a year (model mandatory since 2022, art. 63¹⁸/8 KB/WIB 92) and
their yearly file for Belcotax-on-web (due before 1 March), built from the billing seam's annual statements
(billing/invoices/statements.py: only fully paid days of care that took place, per day price, without absence,
fines, fees or diapers), so the filed data and the certificates the parents get never differ: both are drawn
from the same records (this file's XML and billing/filings/pdf.py's form).

The XML follows the structure of the FOD Financiën's example file for the 281.86 (BOW2022_VoorbeeldXML_f86.xml):
Verzendingen / Verzending (v-fields) / Aangiften / Aangifte (a-fields) / Opgaven / Opgave32586 / Fiche28186
(f2xxx and f86_xxxx fields) with the record counts and control totals in the r8 and r9 trailers. Amounts in
cents, dates as DD-MM-YYYY. The model has two lines of days and day price; a third day price is added to the
second line (its day price then the average). The organisation's enterprise number (KBO) is not kept in the
product yet: the fields that need it stay empty for the entrepreneur to fill in on Belcotax-on-web.
"""
from datetime import date
from decimal import Decimal

from django.utils import timezone
from lxml import etree

from billing.filings import rules
from billing.filings.formats.common import Built, child_numbers, parent_numbers

BELGIUM = "150"  # the country code Belcotax uses for Belgium


def _d(day: date) -> str:
    return day.strftime("%d-%m-%Y")


def _cents(amount) -> int:
    return int((Decimal(str(amount)) * 100).to_integral_value())


def _address(text: str) -> tuple[str, str, str]:
    """(street, postcode, town) of "Street 1, 2000 Antwerpen"; the whole text as the street otherwise."""
    street, _sep, rest = (text or "").rpartition(",")
    postcode, _sp, town = rest.strip().partition(" ")
    if street and postcode.isdigit():
        return street.strip(), postcode, town.strip()
    return (text or "").strip(), "", ""


def _lines(day_rates: list[dict]) -> list[dict]:
    lines = [{"days": Decimal(r["days"]), "price": Decimal(r["price"]), "amount": Decimal(r["amount"])}
             for r in day_rates if Decimal(r["amount"])]
    while len(lines) > 2:
        extra = lines.pop()
        lines[1]["days"] += extra["days"]
        lines[1]["amount"] += extra["amount"]
        lines[1]["price"] = (lines[1]["amount"] / lines[1]["days"]).quantize(Decimal("0.01"))
    return lines


def records(year: int, location) -> list[dict]:
    """One record per child and paying parent: the latest version of the year's fiscal certificate."""
    from jurisdictions import policy

    from billing.invoices.models import AnnualStatement

    kind = policy(location.jurisdiction).statement_kind
    latest: dict[tuple[int, int], AnnualStatement] = {}
    for statement in (AnnualStatement.objects.filter(kind=kind, year=year).select_related("child")
                      .order_by("child_id", "parent_id", "version")):
        latest[(statement.child_id, statement.parent_id)] = statement
    children = child_numbers({c for c, _p in latest})
    parents = parent_numbers({p for _c, p in latest})
    from accounts.models import User

    names = dict(User.objects.filter(pk__in={p for _c, p in latest}).values_list("pk", "full_name"))
    result = []
    for number, ((child_id, parent_id), statement) in enumerate(sorted(latest.items()), start=1):
        child, debtor = statement.child, parents.get(parent_id)
        street, postcode, town = _address(debtor.address if debtor else "")
        row = children.get(child_id)
        lines = _lines(statement.day_rates)
        result.append({
            "key": f"{year}:{child_id}:{parent_id}", "period": str(year), "number": number,
            "version": statement.version, "statement": statement.pk,
            "period_start": statement.period_start.isoformat(), "period_end": statement.period_end.isoformat(),
            "organisation": location.name, "organisation_street": location.street,
            "organisation_postcode": location.postal_code, "organisation_town": location.city,
            "debtor_name": names.get(parent_id, ""),
            "debtor_national_number": debtor.national_number if debtor else "",
            "debtor_street": street, "debtor_postcode": postcode, "debtor_town": town,
            "child_id": child_id, "child_name": child.full_name, "child_first_name": child.first_name,
            "child_last_name": child.last_name,
            "child_birth_date": child.birth_date.isoformat(),
            "child_national_number": row.national_number if row else "",
            "lines": [{"days": f"{line['days'].normalize():f}", "price": f"{line['price']:.2f}",
                       "amount": f"{line['amount']:.2f}"} for line in lines],
            "days": f"{statement.days.normalize():f}", "amount": f"{statement.amount_paid:.2f}",
        })
    return result


def _add(parent, tag, text=None):
    element = etree.SubElement(parent, tag)
    if text is not None:
        element.text = str(text)
    return element


def xml(year: int, location, rows: list[dict]) -> bytes:
    root = etree.Element("Verzendingen")
    sending = _add(root, "Verzending")
    for tag, value in (("v0002_inkomstenjaar", year), ("v0010_bestandtype", "BELCOTAX"),
                       ("v0011_aanmaakdatum", _d(timezone.localdate())), ("v0014_naam", location.name),
                       ("v0015_adres", location.street), ("v0016_postcode", location.postal_code),
                       ("v0017_gemeente", location.city), ("v0022_taalcode", "1"), ("v0024_nationaalnr", ""),
                       ("v0025_typeenvoi", "0"), ("v0028_landwoonplaats", BELGIUM)):
        _add(sending, tag, value)
    declaration = _add(_add(sending, "Aangiften"), "Aangifte")
    for tag, value in (("a1002_inkomstenjaar", year), ("a1005_registratienummer", ""),
                       ("a1011_naamnl1", location.name), ("a1013_adresnl", location.street),
                       ("a1014_postcodebelgisch", location.postal_code), ("a1015_gemeente", location.city),
                       ("a1016_landwoonplaats", BELGIUM), ("a1020_taalcode", "1")):
        _add(declaration, tag, value)
    forms = _add(_add(declaration, "Opgaven"), "Opgave32586")
    controls = []
    for row in rows:
        lines = row["lines"] or [{"days": "0", "price": "0.00", "amount": "0.00"}]
        total = _cents(row["amount"])
        control = sum(_cents(line["amount"]) for line in lines) + total
        controls.append(control)
        fiche = _add(forms, "Fiche28186")
        last, _sp, first = row["debtor_name"].rpartition(" ")
        start, end = date.fromisoformat(row["period_start"]), date.fromisoformat(row["period_end"])
        for tag, value in (("f2002_inkomstenjaar", year), ("f2005_registratienummer", ""), ("f2007_division", None),
                           ("f2008_typefiche", "28186"), ("f2009_volgnummer", row["number"]),
                           ("f2010_referentie", row["key"]), ("f2011_nationaalnr", row["debtor_national_number"]),
                           ("f2013_naam", last or first), ("f2015_adres", row["debtor_street"]),
                           ("f2016_postcodebelgisch", row["debtor_postcode"]), ("f2017_gemeente", row["debtor_town"]),
                           ("f2018_landwoonplaats", BELGIUM), ("f2028_typetraitement", "0"),
                           ("f2029_enkelopgave325", "0"), ("f2114_voornamen", first if last else ""),
                           ("f86_2031_certificationautorisation", "1"), ("f86_2055_begindate1", _d(start)),
                           ("f86_2056_enddate1", _d(end)), ("f86_2059_totaalcontrole", control),
                           ("f86_2060_amount1", _cents(lines[0]["amount"]))):
            _add(fiche, tag, value)
        if len(lines) > 1:
            _add(fiche, "f86_2061_amount2", _cents(lines[1]["amount"]))
        _add(fiche, "f86_2064_totalamount", total)
        if len(lines) > 1:
            _add(fiche, "f86_2093_begindate2", _d(start))
            _add(fiche, "f86_2144_enddate2", _d(end))
        for tag, value in (("f86_2100_certifierpostnr", row["organisation_postcode"]),
                           ("f86_2101_childcountry", BELGIUM), ("f86_2102_childaddress", row["debtor_street"]),
                           ("f86_2106_childname", row["child_last_name"]),
                           ("f86_2107_childfirstname", row["child_first_name"]),
                           ("f86_2109_certifiercbenumber", ""),
                           ("f86_2110_numberofday1", lines[0]["days"]),
                           ("f86_2111_dailytariff1", _cents(lines[0]["price"]))):
            _add(fiche, tag, value)
        if len(lines) > 1:
            _add(fiche, "f86_2113_numberofday2", lines[1]["days"])
            _add(fiche, "f86_2115_dailytariff2", _cents(lines[1]["price"]))
        for tag, value in (("f86_2139_childpostnr", row["debtor_postcode"]),
                           ("f86_2140_childmunicipality", row["debtor_town"]),
                           ("f86_2153_nnchild", row["child_national_number"]),
                           ("f86_2154_certifiermunicipality", row["organisation_town"]),
                           ("f86_2155_certifiername", row["organisation"]),
                           ("f86_2156_certifieradres", row["organisation_street"]),
                           ("f86_2163_childbirthdate", _d(date.fromisoformat(row["child_birth_date"])))):
            _add(fiche, tag, value)
    count = len(rows)
    numbers = sum(range(1, count + 1))
    for tag, value in (("r8002_inkomstenjaar", year), ("r8005_registratienummer", ""), ("r8007_division", None),
                       ("r8010_aantalrecords", count + 2), ("r8011_controletotaal", numbers),
                       ("r8012_controletotaal", sum(controls)), ("r8013_totaalvoorheffingen", 0)):
        _add(declaration, tag, value)
    for tag, value in (("r9002_inkomstenjaar", year), ("r9010_aantallogbestanden", count),
                       ("r9011_totaalaantalrecords", count + 4), ("r9012_controletotaal", numbers),
                       ("r9013_controletotaal", sum(controls)), ("r9014_controletotaal", 0)):
        _add(sending, tag, value)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def build(start: date, end: date, location) -> Built:
    year = end.year  # the statements are made by the daily job the day after the period (billing.invoices)
    rows = records(year, location)
    problems = rules.record_problems(rows, numbers={"debtor_national_number": "nn", "child_national_number": "nn"})
    missing = []
    for row in rows:
        who = f"{row['child_first_name']} {row['child_last_name']}"
        if not row["child_national_number"]:
            missing.append({"who": who, "field": "child_national_number", "child": row["child_id"]})
        parent_id = int(row["key"].split(":")[2])
        if not row["debtor_national_number"]:
            missing.append({"who": row["debtor_name"], "field": "parent_national_number", "parent": parent_id})
    total = sum((Decimal(r["amount"]) for r in rows), Decimal("0.00"))
    return Built(content=xml(year, location, rows), filename=f"belcotax-28186-{year}.xml",
                 content_type="application/xml", records=rows, problems=problems, missing=missing,
                 summary={"certificates": len(rows), "amount": f"{total:.2f}"})
