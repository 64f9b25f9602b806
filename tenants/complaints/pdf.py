"""Complaint documents as PDF (reportlab): the letters to the parent and the anonymous annual report."""

from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit

from frontend.numbers import for_reader
from frontend.pdf import PageWriter

LEFT = 20 * mm
WIDTH = A4[0] - 40 * mm


class Writer(PageWriter):
    """Wrapped paragraphs and bars on A4 pages."""

    BOTTOM = 20 * mm

    def text(self, text: str, size: int = 10, bold: bool = False) -> None:
        font = "Helvetica-Bold" if bold else "Helvetica"
        leading = size * 1.4
        for paragraph in (text or "").split("\n"):
            lines = simpleSplit(paragraph, font, size, WIDTH) or [""]
            for line in lines:
                self.make_room(leading)
                self.pdf.setFont(font, size)
                self.pdf.drawString(LEFT, self.y, line)
                self.y -= leading

    def gap(self, height: float = 4 * mm) -> None:
        self.y -= height

    def bar(self, label: str, value: int, top: int) -> None:
        """A labelled horizontal bar (charts in the cooperative report)."""
        self.make_room(14)
        self.pdf.setFont("Helvetica", 9)
        self.pdf.drawString(LEFT, self.y, label[:45])
        length = (WIDTH - 90 * mm) * value / max(top, 1)
        self.pdf.setFillGray(0.35)
        self.pdf.rect(LEFT + 75 * mm, self.y - 1, length, 8, stroke=0, fill=1)
        self.pdf.setFillGray(0)
        self.pdf.drawString(LEFT + 77 * mm + length, self.y, str(value))
        self.y -= 14



def letter(location, title: str, body: str, place_date: str) -> bytes:
    writer = Writer(title)
    writer.text(location.name, size=14, bold=True)
    address = " ".join(part for part in (location.street, location.postal_code, location.city) if part)
    if address:
        writer.text(address, size=9)
    writer.gap(8 * mm)
    writer.text(place_date)
    writer.gap()
    writer.text(title, size=12, bold=True)
    writer.gap()
    writer.text(body)
    return writer.finish()


def annual_report(location, report: dict) -> bytes:
    """`report` is complaints.selectors.annual_report(...): figures only, texts already anonymised."""
    writer = Writer(_("Annual complaint report %(year)s") % {"year": report["year"]})
    writer.text(_("Annual complaint report %(year)s") % {"year": report["year"]}, size=16, bold=True)
    writer.text(f"{location.name} — {location.get_kind_display()}")
    writer.gap()
    totals = report["totals"]
    writer.text(_("Complaints received: %(n)s") % {"n": totals["complaints"]}, bold=True)
    writer.text(_("Judged: %(judged)s, of which within the deadline: %(on_time)s") % {
        "judged": totals["judged"], "on_time": totals["on_time"]})
    writer.text(_("Judged late or not yet judged after the deadline: %(late)s") % {"late": totals["late"]})
    if totals["average_handling_days"] is not None:
        writer.text(_("Average handling time: %(days)s days") % {"days": totals["average_handling_days"]})
    writer.text(_("Escalated to an external body: %(n)s") % {"n": totals["escalated"]})
    writer.gap()
    writer.text(_("By subject"), size=12, bold=True)
    for row in report["by_subject"]:
        writer.text(f"{row['label']}: {row['complaints']}")
    writer.gap()
    writer.text(_("By outcome"), size=12, bold=True)
    for row in report["by_outcome"]:
        writer.text(f"{row['label']}: {row['complaints']}")
    writer.gap()
    writer.text(_("Measures"), size=12, bold=True)
    if not report["measures"]:
        writer.text(_("No measures."))
    for measure in report["measures"]:
        done = _("done %(date)s") % {"date": measure["done_on"]} if measure["done_on"] else _("planned")
        writer.text(f"- {measure['description']} ({measure['subject_label']}; {done})")
    writer.gap()
    writer.text(_("Reflection of the entrepreneur"), size=12, bold=True)
    writer.text(report["reflection"] or "—")
    writer.gap()
    writer.text(_("Discussed with the parent committee on: %(date)s") % {
        "date": for_reader(report["discussed_on"]) if report["discussed_on"] else "—"})
    writer.text(_("Sent to the GGD inspector on: %(date)s") % {
        "date": for_reader(report["sent_to_ggd_on"]) if report["sent_to_ggd_on"] else "—"})
    return writer.finish()
