"""The page writer every PDF of the product shares (reportlab canvas): A4, a title, lines of text and a
new page when the text reaches the bottom margin. Contracts, invoices and complaint letters add their own
layout on top of it."""
import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas


class PageWriter:
    LEFT = 20 * mm
    TOP = A4[1] - 25 * mm
    BOTTOM = 25 * mm

    def __init__(self, title: str, *, compress: bool = False):
        self.buffer = io.BytesIO()
        options = {"pageCompression": 1} if compress else {}
        self.pdf = canvas.Canvas(self.buffer, pagesize=A4, invariant=1, **options)
        self.pdf.setTitle(title)
        self.pdf.setAuthor("Opvangkring")
        self.y = self.TOP

    def make_room(self, height: float = 0) -> None:
        """Start a new page when `height` more would go below the bottom margin."""
        if self.y - height < self.BOTTOM:
            self.pdf.showPage()
            self.y = self.TOP

    def line(self, text, size: int = 10, bold: bool = False, gap: float = 6, max_chars: int = 110) -> None:
        self.make_room()
        self.pdf.setFont("Helvetica-Bold" if bold else "Helvetica", size)
        self.pdf.drawString(self.LEFT, self.y, str(text)[:max_chars])
        self.y -= gap * mm * size / 10

    def finish(self) -> bytes:
        self.pdf.showPage()
        self.pdf.save()
        return self.buffer.getvalue()
