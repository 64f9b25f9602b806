from django.apps import AppConfig


class InvoicesConfig(AppConfig):
    """Facturen, creditnota's, herinneringen en jaaropgaven van een vestiging."""

    name = "billing.invoices"
    label = "invoices"

    def ready(self):
        from billing.invoices import closures
        from tenants.calendar import signals

        signals.closure_recorded.connect(closures.on_closure_recorded, dispatch_uid="invoices-closure-credit")
        signals.closure_cancelled.connect(closures.on_closure_cancelled, dispatch_uid="invoices-closure-kept")

        from billing.invoices import register_corrections
        from tenants.attendance import signals as attendance_signals

        attendance_signals.register_correcting.connect(register_corrections.on_register_correcting,
                                                       dispatch_uid="invoices-register-correction")
