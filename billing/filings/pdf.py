"""The fiscal certificate 281.86 as the model form: one page per child and debtor, its boxes drawn as framed
sections, filled from the same records as the Belcotax-on-web file (formats.be_281_86), so the copy a parent
gets and the filed data are the same figures. Box titles in Dutch, as on the model of the FOD Financiën."""
from datetime import date

from reportlab.lib.units import mm

from frontend.pdf import PageWriter

#: The agency that licenses a Flemish childcare location (box II).
CERTIFIER = "Opgroeien regie, Havenlaan 88 bus 15, 1000 Brussel"

BOXES = [
    ("I", "Gegevens van de instelling of opvanginstantie"),
    ("II", "Gegevens van de instantie die de vergunning of erkenning verleende"),
    ("III", "Identificatie van de schuldenaar van de kosten"),
    ("IV", "Identificatie van het kind"),
    ("V", "Opvangperiode(s), aantal dagen, dagtarief en bedrag"),
    ("VI", "Certificering"),
]


def _d(value: str) -> str:
    return date.fromisoformat(value).strftime("%d-%m-%Y") if value else ""


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


def certificates_pdf(year: int, rows: list[dict], *, certifier: str) -> bytes:
    form = _Form(f"281.86 {year}")
    for index, row in enumerate(rows):
        if index:
            form.pdf.showPage()
            form.y = form.TOP
        form.line(f"Attest nr. 281.86 — kosten voor kinderopvang — inkomstenjaar {year}", size=12, bold=True)
        form.line(f"Volgnummer van het attest: {row['number']}" + (f" (versie {row['version']})"
                                                                   if row["version"] > 1 else ""), gap=8)
        values = {
            "I": [row["organisation"], row["organisation_street"],
                  f"{row['organisation_postcode']} {row['organisation_town']}".strip()],
            "II": [certifier],
            "III": [row["debtor_name"], f"Rijksregisternummer: {row['debtor_national_number'] or '—'}",
                    ", ".join(p for p in (row["debtor_street"],
                                          f"{row['debtor_postcode']} {row['debtor_town']}".strip()) if p)],
            "IV": [f"{row['child_first_name']} {row['child_last_name']}",
                   f"Geboortedatum: {_d(row['child_birth_date'])}",
                   f"Rijksregisternummer: {row['child_national_number'] or '—'}"],
            "V": [f"Periode {_d(row['period_start'])} – {_d(row['period_end'])}: {line['days']} dagen × "
                  f"€ {line['price']} = € {line['amount']}" for line in row["lines"]]
            + [f"Totaal betaald voor opvang die plaatsvond: € {row['amount']} ({row['days']} dagen)"],
            "VI": [f"Opgemaakt door {row['organisation']}, {_d(date.today().isoformat())}"],
        }
        for number, title in BOXES:
            form.box(number, title, values[number])
    return form.finish()
