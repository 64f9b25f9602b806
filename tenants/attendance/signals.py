"""What the attendance register tells other apps about a correction after the fact, so it never imports them.

`register_correcting` is sent inside the correction's transaction, before anything is written: child=,
days= (the dates concerned). A receiver answers with an object that has `settle(change)`; it is called once
the correction is written, with the stored RegisterChange (billing prices the invoiced months again and
settles the difference, billing.invoices.register_corrections)."""
from django.dispatch import Signal

register_correcting = Signal()
