"""E-mail to the paying parent: no more content than needed (no amounts of care details, no child's
full name in the subject); the invoice itself is in the portal and attached as a PDF."""


def payment_failed(invoice_pk: int) -> None:
    """Tell the paying parent that the direct debit of an invoice failed (filled in below)."""
