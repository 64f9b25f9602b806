"""The Belcotax-on-web file of the fiscal certificates 281.86: the structure of the FOD Financiën's example file
(BOW2022_VoorbeeldXML_f86.xml): sending, declaration, Opgave32586 with one Fiche28186 per child and debtor,
amounts in cents, dates DD-MM-YYYY, the control totals of the r8 and r9 trailers; the model's two lines of days
and day price."""
from types import SimpleNamespace

from lxml import etree

from billing.filings.formats import be_281_86

LOCATION = SimpleNamespace(name="'t Pagadderke", street="Dorp 1", postal_code="2000", city="Antwerpen")


def row(number, lines, amount, days):
    return {"key": f"2026:{number}:9", "number": number, "version": 1, "period_start": "2025-12-01",
            "period_end": "2026-11-30", "organisation": LOCATION.name, "organisation_street": "Dorp 1",
            "organisation_postcode": "2000", "organisation_town": "Antwerpen", "debtor_name": "Jan Peeters",
            "debtor_national_number": "88041212335", "debtor_street": "Kerkstraat 12", "debtor_postcode": "2000",
            "debtor_town": "Antwerpen", "child_first_name": "Wout", "child_last_name": "Peeters",
            "child_birth_date": "2025-02-18", "child_national_number": "25021800127", "lines": lines,
            "days": days, "amount": amount}


def test_the_file_has_the_fiche_per_child_and_the_control_totals():
    rows = [row(1, [{"days": "84", "price": "25.00", "amount": "2100.00"}], "2100.00", "84"),
            row(2, [{"days": "10", "price": "20.00", "amount": "200.00"},
                    {"days": "5", "price": "30.00", "amount": "150.00"}], "350.00", "15")]
    root = etree.fromstring(be_281_86.xml(2026, LOCATION, rows))
    assert root.tag == "Verzendingen"
    assert [e.tag for e in root.find("Verzending/Aangiften/Aangifte/Opgaven")] == ["Opgave32586"]
    first, second = root.findall(".//Fiche28186")
    assert first.findtext("f2008_typefiche") == "28186" and first.findtext("f2009_volgnummer") == "1"
    assert first.findtext("f2011_nationaalnr") == "88041212335" and first.findtext("f86_2153_nnchild") == "25021800127"
    assert first.findtext("f86_2055_begindate1") == "01-12-2025" and first.findtext("f86_2056_enddate1") == "30-11-2026"
    assert first.findtext("f86_2163_childbirthdate") == "18-02-2025"
    assert first.findtext("f86_2064_totalamount") == "210000" and first.findtext("f86_2111_dailytariff1") == "2500"
    assert first.findtext("f86_2059_totaalcontrole") == str(210000 + 210000)
    assert first.find("f86_2061_amount2") is None
    assert second.findtext("f86_2061_amount2") == "15000" and second.findtext("f86_2113_numberofday2") == "5"
    assert second.findtext("f86_2059_totaalcontrole") == str(20000 + 15000 + 35000)
    declaration = root.find("Verzending/Aangiften/Aangifte")
    assert declaration.findtext("r8010_aantalrecords") == "4" and declaration.findtext("r8011_controletotaal") == "3"
    assert declaration.findtext("r8012_controletotaal") == str(420000 + 70000)
    sending = root.find("Verzending")
    assert sending.findtext("r9010_aantallogbestanden") == "2" and sending.findtext("r9011_totaalaantalrecords") == "6"


def test_a_third_day_price_joins_the_second_line():
    lines = be_281_86._lines([{"price": "20.00", "days": "2", "amount": "40.00"},
                              {"price": "25.00", "days": "2", "amount": "50.00"},
                              {"price": "35.00", "days": "1", "amount": "35.00"}])
    assert [(str(x["days"]), str(x["amount"]), str(x["price"])) for x in lines] == [
        ("2", "40.00", "20.00"), ("3", "85.00", "28.33")]


def test_the_model_form_shows_the_same_figures_as_the_file():
    from billing.filings import pdf

    rows = [row(1, [{"days": "84", "price": "25.00", "amount": "2100.00"}], "2100.00", "84"),
            row(2, [{"days": "10", "price": "20.00", "amount": "200.00"}], "200.00", "10")]
    document = pdf.certificates_pdf(2026, rows, certifier=pdf.CERTIFIER)
    assert document.startswith(b"%PDF")
    assert document.count(b"/Type /Page\n") == len(rows)  # one form per child and debtor
    assert [number for number, _title in pdf.BOXES] == ["I", "II", "III", "IV", "V", "VI"]
