"""Invoice, credit note and annual statement PDFs (reportlab canvas: small and fast for the monthly run)."""

from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from billing.invoices.models import unit_label
from frontend.numbers import long_date, money, quantity
from frontend.pdf import PageWriter

LEFT = 20 * mm
RIGHT = A4[0] - 20 * mm


def euro(amount) -> str:
    return money(amount)


def number(value) -> str:
    return quantity(value)


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
    w.line(_("Invoice date: %(date)s   Due date: %(due)s") % {"date": long_date(invoice.issue_date),
                                                                   "due": long_date(invoice.due_date)})
    w.line(_("To: %(parent)s") % {"parent": invoice.parent_name})
    w.line(_("Child: %(child)s   Period: %(start)s – %(end)s") % {
        "child": invoice.child_name, "start": long_date(invoice.period_start), "end": long_date(invoice.period_end)},
        gap=8)
    w.row([_("Description"), _("Quantity"), _("Price"), _("Amount")], bold=True)
    for item in lines:
        w.row([item.description, f"{number(item.quantity)} {unit_label(item.unit, item.quantity)}".strip(),
               euro(item.unit_price),
               euro(item.amount)])
    w.row([_("Total"), "", "", euro(invoice.total)], bold=True)
    w.y -= 3 * mm
    _how_to_pay(w, invoice)
    if invoice.method_note:
        w.wrap(invoice.method_note)
    w.wrap(invoice.vat_note)
    return w.finish()


QR_SIZE = 32 * mm


def _how_to_pay(w: _Writer, invoice) -> None:
    """The payment block: collected by direct debit, or the location's account, name, reference and the EPC QR
    code for a transfer (billing.payments decides which; the same as on the invoice page)."""
    from billing.payments import qr, selectors
    from tenants.calendar.selectors import current_location

    location = current_location()
    if selectors.collected_by_mandate(invoice):
        w.line(_("This amount is collected from your bank account by direct debit (your mandate)."), size=9)
        return
    details = selectors.transfer_details(invoice, location) if location is not None else None
    if details is None:
        w.line(_("Payment: %(method)s") % {"method": invoice.get_payment_method_display()}, size=9)
        return
    w.make_room(QR_SIZE + 4 * mm)
    top = w.y
    label = _("Structured communication") if details.structured else _("Payment reference (invoice number)")
    w.line(_("How to pay"), size=10, bold=True)
    w.line(_("Transfer %(amount)s before %(date)s to:") % {"amount": euro(details.amount),
                                                                 "date": long_date(invoice.due_date)},
           size=9)
    w.line(_("Account (IBAN): %(iban)s") % {"iban": " ".join(details.iban[i:i + 4]
                                                         for i in range(0, len(details.iban), 4))}, size=9)
    w.line(_("In the name of: %(name)s") % {"name": details.name}, size=9)
    w.line(f"{label}: {details.reference}", size=9, bold=True)
    w.line(_("Or scan the QR code in your banking app."), size=8)
    qr.draw_on_canvas(w.pdf, details, RIGHT - QR_SIZE, top - QR_SIZE + 3 * mm, QR_SIZE)
    w.y = min(w.y, top - QR_SIZE) - 2 * mm


def credit_note_pdf(note) -> bytes:
    invoice = note.invoice
    w = _Writer(_("Credit note %(number)s") % {"number": note.display_number})
    w.line(invoice.location_name, size=14, bold=True, gap=7)
    if invoice.lrk_number:
        w.line(_("LRK number: %(lrk)s") % {"lrk": invoice.lrk_number})
    w.line(_("Credit note %(number)s") % {"number": note.display_number}, size=12, bold=True, gap=7)
    w.line(_("Date: %(date)s   Corrects invoice %(invoice)s") % {"date": long_date(note.issue_date),
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
    if statement.version > 1:
        w.line(_("Version %(version)s: replaces the earlier versions. %(reason)s") % {
            "version": statement.version, "reason": statement.change_reason})
    w.line(_("Period: %(start)s – %(end)s") % {"start": long_date(statement.period_start),
                                                     "end": long_date(statement.period_end)})
    w.line(_("Child: %(child)s") % {"child": statement.child.full_name})
    w.line(_("Paying parent: %(parent)s") % {"parent": statement.parent.full_name}, gap=8)
    if nl:
        w.row([_("Hours of care"), number(statement.hours), "", ""])
        if statement.hourly_rate is not None:
            w.row([_("Hourly rate"), "", euro(statement.hourly_rate), ""])
        w.row([_("Amount invoiced"), "", "", euro(statement.amount_invoiced)])
    else:
        w.row([_("Days of care paid, by day price received"), _("days"), _("day price"), _("amount")], bold=True)
        for rate in statement.day_rates:
            w.row(["", number(rate["days"]), euro(rate["price"]), euro(rate["amount"])])
        w.row([_("Days of care"), number(statement.days), "", ""])
    w.row([_("Amount paid"), "", "", euro(statement.amount_paid)], bold=True)
    w.y -= 3 * mm
    if nl:
        w.wrap(_("For the childcare allowance (kinderopvangtoeslag): give the Tax Administration the hours, "
                 "the hourly rate and the LRK number above."))
    else:
        w.wrap(_("For the tax reduction for childcare (model 281.86): only the days your child was actually "
                 "cared for and what was paid for them, from December to November; not absence days, fines, "
                 "reminder costs, administration fees or diapers."))
    return w.finish()
