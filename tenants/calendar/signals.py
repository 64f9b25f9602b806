"""What the calendar tells other apps, so it never imports them: billing credits the days of a childminder's
closure that were invoiced already (billing.invoices.closures)."""
from django.dispatch import Signal

# Sent inside the transaction that stores the closure: closure=, user=.
closure_recorded = Signal()
# Sent before a closure is deleted: closure=. Receivers answer how many credited days stay credited.
closure_cancelled = Signal()
