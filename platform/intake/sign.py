"""The window sign (raambord, seed 002): an A4 or A3 PDF with the location's name, its kind of care, from which
month it has free places, and a QR code (segno) to its request form carrying a campaign tag, so that the figures
count the requests that came through the sign."""
import io
from urllib.parse import urlencode

import segno
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

CAMPAIGN = "window-sign"
SIZES = {"a4": A4, "a3": A3}


def form_url(location, campaign: str = CAMPAIGN) -> str:
    return f"{location.url}care-request/?{urlencode({'campaign': campaign})}"


def window_sign(location, *, free_from: str, size: str = "a4", campaign: str = CAMPAIGN) -> bytes:
    """`free_from`: the month text ("september 2026") or empty when the list is full."""
    width, height = SIZES.get(size, A4)
    scale = width / A4[0]
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(width, height), invariant=1)
    pdf.setTitle(_("Window sign"))
    pdf.setAuthor("Opvangkring")
    left = 20 * mm * scale
    y = height - 35 * mm * scale
    pdf.setFont("Helvetica-Bold", 34 * scale)
    pdf.drawString(left, y, location.name[:40])
    y -= 16 * mm * scale
    pdf.setFont("Helvetica", 20 * scale)
    pdf.drawString(left, y, location.get_kind_display()[:60])
    y -= 14 * mm * scale
    pdf.setFont("Helvetica-Bold", 24 * scale)
    pdf.drawString(left, y, (_("Free places from %(month)s") % {"month": free_from}) if free_from
                   else _("Ask for a place on our waiting list"))
    png = io.BytesIO()
    segno.make(form_url(location, campaign), error="m").save(png, kind="png", scale=10, border=4)
    png.seek(0)
    side = 110 * mm * scale
    pdf.drawImage(ImageReader(png), (width - side) / 2, y - 20 * mm * scale - side, side, side)
    pdf.setFont("Helvetica", 14 * scale)
    pdf.drawCentredString(width / 2, y - 30 * mm * scale - side, _("Scan the code to ask for childcare"))
    pdf.setFont("Helvetica", 10 * scale)
    pdf.drawCentredString(width / 2, y - 38 * mm * scale - side, form_url(location, campaign)[:100])
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()
