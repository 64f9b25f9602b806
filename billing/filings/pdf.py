"""The fiscal certificate 281.86 as the model form (modelattest, mandatory since 2022): one page per child and
debtor, "Attest voor uitgaven voor de opvang van kinderen" with the year paid in its title, the organiser's
name, address and enterprise number above box I, the sequence number, and boxes I to VI with their fields in the
model's order. Filled from the same records as the Belcotax-on-web file (formats.be_281_86), so the copy a parent
downloads (afschrift) and the filed data are the same figures. Texts in Dutch, as on the FOD Financiën's model."""
from datetime import date

from reportlab.lib.units import mm

from frontend.pdf import PageWriter

#: The agency that licenses a Flemish childcare location (box II).
CERTIFIER = "Opgroeien regie, Havenlaan 88 bus 15, 1000 Brussel"

TITLE = "Attest voor uitgaven voor de opvang van kinderen"

#: The boxes of the model and, in the model's order, the fields each holds.
BOXES = [
    ("I", "Identificatie van de opvanginstelling of -voorziening"),
    ("II", "Identificatie van de instantie die de opvang vergunde, erkende of er toezicht op houdt"),
    ("III", "Identificatie van de schuldenaar van de opvangkosten"),
    ("IV", "Identificatie van het kind"),
    ("V", "Opvangperiode(s), aantal opvangdagen, dagtarief en betaald bedrag"),
    ("VI", "Certificering"),
]
FIELDS = {
    "I": ("Naam", "Adres"),
    "II": ("Naam en adres",),
    "III": ("Naam en voornaam", "Adres", "Rijksregisternummer"),
    "IV": ("Naam", "Voornaam", "Geboortedatum", "Rijksregisternummer"),
    "V": ("Periode", "Aantal opvangdagen", "Dagtarief", "Bedrag", "Totaal betaald bedrag"),
    "VI": ("Verklaring", "Datum", "Naam"),
}
DECLARATION = "Ondergetekende verklaart dat de bovenstaande gegevens echt en volledig zijn."


def _d(value: str) -> str:
    return date.fromisoformat(value).strftime("%d-%m-%Y") if value else ""


def _euro(value: str) -> str:
    return "€ " + str(value).replace(".", ",")


class _Form(PageWriter):
    def box(self, number: str, title: str, lines: list[str]) -> None:
        height = (8 + 5 * len(lines)) * mm
        self.make_room(height)
        top = self.y + 4 * mm
        self.pdf.rect(self.LEFT - 2 * mm, top - height, 174 * mm, height)
        self.pdf.setFont("Helvetica-Bold", 9)
        self.pdf.drawString(self.LEFT, self.y, f"Vak {number} — {title}")
        self.y -= 6 * mm
        self.pdf.setFont("Helvetica", 9)
        for text in lines:
            self.pdf.drawString(self.LEFT + 2 * mm, self.y, str(text)[:105])
            self.y -= 5 * mm
        self.y -= 6 * mm


def _address(street: str, postcode: str, town: str) -> str:
    return ", ".join(p for p in (street, f"{postcode} {town}".strip()) if p) or "—"


def box_values(row: dict, *, certifier: str, made_on: date) -> dict[str, list[str]]:
    """Each box's lines, "field: value", in the model's order (FIELDS)."""
    period = []
    for line in row["lines"]:
        period += [f"Periode: van {_d(row['period_start'])} tot {_d(row['period_end'])}",
                   f"    Aantal opvangdagen: {line['days']} — Dagtarief: {_euro(line['price'])} — Bedrag: "
                   f"{_euro(line['amount'])}"]
    return {
        "I": [f"Naam: {row['organisation']}",
              "Adres: " + _address(row["organisation_street"], row["organisation_postcode"],
                                   row["organisation_town"])],
        "II": [f"Naam en adres: {certifier}"],
        "III": [f"Naam en voornaam: {row['debtor_name']}",
                "Adres: " + _address(row["debtor_street"], row["debtor_postcode"], row["debtor_town"]),
                f"Rijksregisternummer: {row['debtor_national_number'] or '—'}"],
        "IV": [f"Naam: {row['child_last_name']}", f"Voornaam: {row['child_first_name']}",
               f"Geboortedatum: {_d(row['child_birth_date'])}",
               f"Rijksregisternummer: {row['child_national_number'] or '—'}"],
        "V": period + [f"Totaal betaald bedrag: {_euro(row['amount'])} ({row['days']} opvangdagen)"],
        "VI": [f"Verklaring: {DECLARATION}", f"Datum: {made_on.strftime('%d-%m-%Y')}",
               f"Naam: {row['organisation']}"],
    }


def certificates_pdf(year: int, rows: list[dict], *, certifier: str, parent_copy: bool = False,
                     made_on: date | None = None) -> bytes:
    """The forms of `rows` (formats.be_281_86.records), one page each; `parent_copy`: the copy for the debtor
    (afschrift)."""
    form = _Form(f"281.86 {year}")
    made_on = made_on or date.today()
    for index, row in enumerate(rows):
        if index:
            form.pdf.showPage()
            form.y = form.TOP
        # Above box I: the organiser (name, address, enterprise number: not kept yet, filled in on Belcotax).
        form.line(row["organisation"], bold=True)
        form.line(_address(row["organisation_street"], row["organisation_postcode"], row["organisation_town"]))
        form.line("Ondernemingsnummer: —", gap=8)
        form.line(f"{TITLE} — {year}", size=12, bold=True)
        form.line("Model 281.86" + (" — afschrift voor de schuldenaar" if parent_copy else ""))
        form.line(f"Volgnummer van het attest: {row['number']}" + (f" (versie {row['version']})"
                                                                   if row["version"] > 1 else ""), gap=8)
        values = box_values(row, certifier=certifier, made_on=made_on)
        for number, title in BOXES:
            form.box(number, title, values[number])
    return form.finish()


def parent_copy(statement, location) -> bytes | None:
    """The parent's copy of the 281.86 for one annual statement (the latest version of its child and debtor): the
    record of the certificate filing when it was made ready or delivered (the filed data), else as the file would
    be built now. None when the statement is no fiscal certificate of the year's file (an older version)."""
    from billing.filings.formats import be_281_86
    from billing.filings.models import Filing

    filed = (Filing.objects.filter(kind="be_281_86", period_end__year=statement.year).exclude(sha256="")
             .order_by("-period_end").first())
    rows = filed.rows if filed is not None else be_281_86.records(statement.year, location)
    row = next((r for r in rows if r.get("statement") == statement.pk), None)
    if row is None and filed is not None:  # a newer version than the file's: as it stands now
        row = next((r for r in be_281_86.records(statement.year, location) if r.get("statement") == statement.pk),
                   None)
    if row is None:
        return None
    return certificates_pdf(statement.year, [row], certifier=CERTIFIER, parent_copy=True)
