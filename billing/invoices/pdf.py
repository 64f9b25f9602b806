"""Invoice, credit note and annual statement PDFs (reportlab)."""


def credit_note_pdf(note) -> bytes:
    return b""
