"""The EPC QR code ("GiroCode", EPC069-12) of a transfer: a bank app that scans it fills in account, name,
amount and reference. segno makes the code (error correction M, version 13 at most, as the standard asks);
here it becomes an image for the page and squares on the PDF."""
from __future__ import annotations

import segno
import segno.helpers

from billing.payments import rules


def epc_qr(details: rules.TransferDetails) -> segno.QRCode:
    return segno.helpers.make_epc_qr(
        name=rules.epc_text(details.name, 70), iban=details.iban, amount=details.amount,
        bic=details.bic or None, **rules.epc_remittance(details))


def epc_payload(details: rules.TransferDetails) -> str:
    """The text inside the code (what a bank app reads), for tests and support."""
    from segno.helpers import _make_epc_qr_data

    data = _make_epc_qr_data(rules.epc_text(details.name, 70), details.iban, details.amount,
                             bic=details.bic or None, **rules.epc_remittance(details))
    return data.decode("utf-8") if isinstance(data, bytes) else str(data)


def svg_data_uri(details: rules.TransferDetails) -> str:
    """An SVG data URI for an <img> (the content security policy allows data: images, not inline styles)."""
    return epc_qr(details).svg_data_uri(scale=4, border=4, dark="#000", light="#fff")


def draw_on_canvas(pdf, details: rules.TransferDetails, x: float, y: float, size: float) -> None:
    """Draw the code on a reportlab canvas with its bottom left corner at (x, y): one filled path of the dark
    runs of each row (a few hundred rectangles, quick enough for the monthly run's thousands of PDFs)."""
    matrix = [list(row) for row in epc_qr(details).matrix_iter(scale=1, border=0)]
    cell = size / len(matrix)
    path = pdf.beginPath()
    for r, row in enumerate(matrix):
        c = 0
        while c < len(row):
            if not row[c]:
                c += 1
                continue
            start = c
            while c < len(row) and row[c]:
                c += 1
            path.rect(x + start * cell, y + size - (r + 1) * cell, (c - start) * cell, cell)
    pdf.saveState()
    pdf.setFillColorRGB(0, 0, 0)
    pdf.drawPath(path, stroke=0, fill=1)
    pdf.restoreState()
