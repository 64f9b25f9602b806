"""Invoice, credit note and annual statement PDFs (reportlab canvas: small and fast for the monthly run)."""
from decimal import Decimal

from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from frontend.pdf import PageWriter

LEFT = 20 * mm
RIGHT = A4[0] - 20 * mm


def euro(amount) -> str:
    return f"€ {Decimal(amount):,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")


def number(value) -> str:
    text = f"{Decimal(value):f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


class _Writer(PageWriter):
    def __init__(self, title: str):
        super().__init__(title, compress=True)  # small files: the monthly run makes thousands

    def line(self, text: str, size: int = 10, bold: bool = False, gap: float = 5.5):
        super().line(text, size=size, bold=bold, gap=gap, max_chars=115)

    def row(self, cells, bold: bool = False, size: int = 9):
        """Description, quantity, price, amount."""
        self.make_room()
        self.pdf.setFont("Helvetica-Bold" if bold else "Helvetica", size)
        self.pdf.drawString(LEFT, self.y, str(cells[0])[:80])
        for text, x in zip(cells[1:], (RIGHT - 60 * mm, RIGHT - 30 * mm, RIGHT), strict=False):
            self.pdf.drawRightString(x, self.y, str(text))
        self.y -= 5 * mm

    def wrap(self, text: str, size: int = 8, width: int = 120):
        words, current = str(text).split(), ""
        for word in words:
            if len(current) + len(word) + 1 > width:
                self.line(current, size=size, gap=5)
                current = word
            else:
                current = f"{current} {word}".strip()
        if current:
            self.line(current, size=size, gap=5)

def invoice_pdf(invoice, lines) -> bytes:
    w = _Writer(_("Invoice %(number)s") % {"number": invoice.display_number})
    w.line(invoice.location_name, size=14, bold=True, gap=7)
    if invoice.lrk_number:
        w.line(_("LRK number: %(lrk)s") % {"lrk": invoice.lrk_number})
    w.line(_("Invoice %(number)s") % {"number": invoice.display_number}, size=12, bold=True, gap=7)
    w.line(_("Invoice date: %(date)s   Due date: %(due)s") % {"date": invoice.issue_date, "due": invoice.due_date})
    w.line(_("To: %(parent)s") % {"parent": invoice.parent_name})
    w.line(_("Child: %(child)s   Period: %(start)s – %(end)s") % {
        "child": invoice.child_name, "start": invoice.period_start, "end": invoice.period_end}, gap=8)
    w.row([_("Description"), _("Quantity"), _("Price"), _("Amount")], bold=True)
    for item in lines:
        w.row([item.description, f"{number(item.quantity)} {item.unit}".strip(), euro(item.unit_price),
               euro(item.amount)])
    w.row([_("Total"), "", "", euro(invoice.total)], bold=True)
    w.y -= 3 * mm
    w.line(_("Payment: %(method)s") % {"method": invoice.get_payment_method_display()}, size=9)
    if invoice.method_note:
        w.wrap(invoice.method_note)
    w.wrap(invoice.vat_note)
    return w.finish()


def credit_note_pdf(note) -> bytes:
    invoice = note.invoice
    w = _Writer(_("Credit note %(number)s") % {"number": note.display_number})
    w.line(invoice.location_name, size=14, bold=True, gap=7)
    if invoice.lrk_number:
        w.line(_("LRK number: %(lrk)s") % {"lrk": invoice.lrk_number})
    w.line(_("Credit note %(number)s") % {"number": note.display_number}, size=12, bold=True, gap=7)
    w.line(_("Date: %(date)s   Corrects invoice %(invoice)s") % {"date": note.issue_date,
                                                                  "invoice": invoice.display_number})
    w.line(_("To: %(parent)s   Child: %(child)s") % {"parent": invoice.parent_name, "child": invoice.child_name})
    w.line(_("Reason: %(reason)s") % {"reason": note.reason})
    w.row([_("Amount credited"), "", "", euro(-note.total)], bold=True)
    w.wrap(invoice.vat_note)
    return w.finish()


def statement_pdf(statement) -> bytes:
    nl = statement.kind == "nl_jaaropgave"
    title = _("Annual statement %(year)s") if nl else _("Fiscal certificate %(year)s")
    w = _Writer(title % {"year": statement.year})
    w.line(statement.location_name, size=14, bold=True, gap=7)
    if statement.lrk_number:
        w.line(_("LRK number: %(lrk)s") % {"lrk": statement.lrk_number})
    w.line(title % {"year": statement.year}, size=12, bold=True, gap=7)
    w.line(_("Period: %(start)s – %(end)s") % {"start": statement.period_start, "end": statement.period_end})
    w.line(_("Child: %(child)s") % {"child": statement.child.full_name})
    w.line(_("Paying parent: %(parent)s") % {"parent": statement.parent.full_name}, gap=8)
    if nl:
        w.row([_("Hours of care"), number(statement.hours), "", ""])
        if statement.hourly_rate is not None:
            w.row([_("Hourly rate"), "", euro(statement.hourly_rate), ""])
    else:
        w.row([_("Days of care"), number(statement.days), "", ""])
    w.row([_("Amount invoiced"), "", "", euro(statement.amount_invoiced)])
    w.row([_("Amount paid"), "", "", euro(statement.amount_paid)], bold=True)
    w.y -= 3 * mm
    if nl:
        w.wrap(_("For the childcare allowance (kinderopvangtoeslag): give the Tax Administration the hours, "
                 "the hourly rate and the LRK number above."))
    else:
        w.wrap(_("For the tax reduction for childcare: the amounts paid for care from December to November."))
    return w.finish()
