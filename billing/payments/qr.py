"""The EPC QR code ("GiroCode", EPC069-12) of a transfer: a bank app that scans it fills in account, name,
amount and reference. segno makes the code (error correction M, version 13 at most, as the standard asks);
here it becomes an image for the page and squares on the PDF."""
from __future__ import annotations

import segno

from billing.payments import rules

# The PDF's mask pattern. Choosing the best of the eight (segno's default, by ISO/IEC 18004's penalty rules)
# costs about 9 ms of pure Python per code, a third of an invoice in the monthly run; every reader decodes any
# mask, so the PDF uses this one and the page, drawn one at a time, the best.
PDF_MASK = 4


def epc_qr(details: rules.TransferDetails, mask: int | None = None) -> segno.QRCode:
    """The code (error correction M, version 13 at most, as EPC069-12 asks); the best mask unless `mask`."""
    code = segno.make_qr(epc_payload(details), error="m", boost_error=False, mask=mask)
    if code.version > 13:
        raise ValueError("the EPC QR code may not be larger than version 13")
    return code


def epc_payload(details: rules.TransferDetails) -> str:
    """The text inside the code (what a bank app reads): segno's EPC069-12 payload, which checks the lengths."""
    from segno.helpers import _make_epc_qr_data

    data = _make_epc_qr_data(rules.epc_text(details.name, 70), details.iban, details.amount,
                             bic=details.bic or None, **rules.epc_remittance(details))
    return data.decode("utf-8") if isinstance(data, bytes) else str(data)


def svg_data_uri(details: rules.TransferDetails) -> str:
    """An SVG data URI for an <img> (the content security policy allows data: images, not inline styles)."""
    return epc_qr(details).svg_data_uri(scale=4, border=4, dark="#000", light="#fff")


def draw_on_canvas(pdf, details: rules.TransferDetails, x: float, y: float, size: float) -> None:
    """Draw the code on a reportlab canvas with its bottom left corner at (x, y): in a coordinate system of one
    unit per module (rows downwards), one filled path of the dark runs of each row, written as PDF operators
    with whole numbers. reportlab's own rect() formats every number in Python, which cost the monthly run
    some 25 ms per PDF; this costs about one."""
    matrix = epc_qr(details, mask=PDF_MASK).matrix  # rows of 0/1, without the quiet zone
    ops = []
    for r, row in enumerate(matrix):
        c = 0
        while c < len(row):
            if not row[c]:
                c += 1
                continue
            start = c
            while c < len(row) and row[c]:
                c += 1
            ops.append(f"{start} {r} {c - start} 1 re")
    cell = size / len(matrix)
    pdf.saveState()
    pdf.setFillColorRGB(0, 0, 0)
    pdf.transform(cell, 0, 0, -cell, x, y + size)  # module (c, r) → page (x + c·cell, y + size − r·cell)
    pdf.addLiteral("\n".join(ops) + "\nf")
    pdf.restoreState()
