"""The billing e-mails to the paying parent (and the entrepreneurs), queued through the outbox: each function is
called inside the transaction that stores what the e-mail is about, writes one outgoing message per recipient
that commits or rolls back with it, and is delivered after the commit (rendered then, by
billing.invoices.deliveries). A mail server that is down never fails or undoes the invoicing, and an e-mail that
cannot be sent is retried and shown on the entrepreneur's invoice page instead of being lost."""
from billing.invoices import deliveries
from billing.invoices.models import Invoice
from outbox import selectors as outbox_selectors
from outbox import services as outbox
from push import services as push


def invoice_sent(invoice_pk: int, invoice: Invoice | None = None) -> None:
    """A new invoice: an e-mail with a link to its page (no attachment: the PDF is rendered when it is first
    opened) and a push message. `invoice` saves reading it again when the caller has it."""
    outbox.enqueue(deliveries.INVOICE, [{"invoice": invoice_pk}], ref=deliveries.invoice_ref(invoice_pk))
    push.notify_invoice(invoice if invoice is not None else Invoice.objects.get(pk=invoice_pk))


def invoices_sent(invoices: list[Invoice]) -> None:
    """The new invoices of a location's monthly run: for each what `invoice_sent` writes (one e-mail, the push
    messages), in one insert for the e-mails and one read of the parents' devices."""
    outbox.enqueue_each(deliveries.INVOICE, [(deliveries.invoice_ref(invoice.pk), {"invoice": invoice.pk})
                                             for invoice in invoices])
    push.notify_invoices(invoices)


def payment_failed(invoice_pk: int) -> None:
    outbox.enqueue(deliveries.PAYMENT_FAILED, [{"invoice": invoice_pk}], ref=deliveries.invoice_ref(invoice_pk))


def reminder_sent(reminder) -> None:
    outbox.enqueue(deliveries.REMINDER, [{"reminder": reminder.pk}], ref=deliveries.invoice_ref(reminder.invoice_id))


def contract_ended(reminder) -> None:
    """The contract ended for non-payment (BE-VLG): the paying parent and each entrepreneur are told."""
    from accounts.models import Membership

    location = outbox.current_location()
    outbox.enqueue(deliveries.CONTRACT_ENDED, [{"reminder": reminder.pk}],
                   ref=deliveries.invoice_ref(reminder.invoice_id), location=location)
    entrepreneurs = Membership.objects.filter(location=location, role="entrepreneur", is_active=True)
    outbox.enqueue(deliveries.CONTRACT_ENDED, [{"reminder": reminder.pk, "user": pk}
                                               for pk in entrepreneurs.values_list("user_id", flat=True)],
                   ref=deliveries.entrepreneur_ref(reminder.invoice_id), location=location)


def hours_auto_approved(parent, hour_ids: list[int]) -> None:
    outbox.enqueue(deliveries.HOURS_APPROVED, [{"user": parent.pk, "hours": sorted(hour_ids)}])


def credit_note_sent(credit_note_pk: int, invoice_pk: int) -> None:
    """A credit note for a childminder's closed days: the paying parent is told why."""
    outbox.enqueue(deliveries.CLOSURE_CREDIT, [{"credit_note": credit_note_pk}], ref=deliveries.invoice_ref(invoice_pk))


def statement_ready(statement_pk: int) -> None:
    outbox.enqueue(deliveries.STATEMENT, [{"statement": statement_pk}], ref=deliveries.statement_ref(statement_pk))


def mail_state(invoice) -> str:
    """How the e-mails to the paying parent about `invoice` went (outbox.rules.STATE_*), for its page."""
    return outbox_selectors.state_of(deliveries.invoice_ref(invoice.pk))


def send_mail_again(invoice) -> int:
    """Send what did not reach the parent about `invoice` again: the same e-mails, none twice."""
    return outbox.send_again(outbox_selectors.deliveries_of(deliveries.invoice_ref(invoice.pk)))


def register_correction(correction) -> None:
    """A sent invoice corrected after the register was put right: the paying parent is told where to read why."""
    outbox.enqueue(deliveries.REGISTER_CORRECTION, [{"correction": correction.pk}],
                   ref=deliveries.invoice_ref(correction.invoice_id))
