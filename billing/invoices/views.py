"""Pages: the invoices of the location (entrepreneur) or of the parent, one invoice with its PDF, a credit
note form, one-off invoices and the monthly run for the entrepreneur, the CSV export and the annual
statements."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View

from accounts.permissions import RoleRequiredMixin
from accounts.roles import ENTREPRENEUR, PARENT, request_roles
from billing.invoices import export, notify, register_corrections, selectors, services
from billing.invoices.forms import CreditNoteForm, MonthForm, OneOffInvoiceForm
from billing.invoices.models import CreditNote, Invoice
from billing.tariffs import rules as tariff_rules
from billing.tariffs.models import TariffModel
from config.service_errors import add_service_errors
from outbox.views import tell_sent_again
from tenants.calendar.selectors import location_today


def _invoice(request, pk):
    invoice = selectors.invoices_visible_to(request.user, request_roles(request)).filter(pk=pk).first()
    if invoice is None:
        raise Http404
    return invoice


class InvoiceListView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR, PARENT)

    def get(self, request):
        roles = request_roles(request)
        invoices = selectors.invoices_visible_to(request.user, roles).order_by("-period_start", "-number")[:500]
        visible = selectors.statements_visible_to(request.user, roles)
        return render(request, "billing/invoice_list.html", {
            "invoices": invoices, "statements": visible[:100],
            "latest_statements": selectors.latest_statement_ids(visible), "can_manage": ENTREPRENEUR in roles})


class InvoiceDetailView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR, PARENT)

    def get(self, request, pk):
        invoice = _invoice(request, pk)
        roles = request_roles(request)
        can_manage = ENTREPRENEUR in roles
        return render(request, "billing/invoice_detail.html", {
            "invoice": invoice, "can_manage": can_manage, "form": CreditNoteForm() if can_manage else None,
            "mail_state": notify.mail_state(invoice) if can_manage else None,
            "corrections": register_corrections.corrections_of(invoice)})


class InvoiceMailAgainView(RoleRequiredMixin, View):
    """Send the e-mails to the parent about this invoice that were not delivered again (none twice)."""

    allowed_roles = (ENTREPRENEUR,)

    def post(self, request, pk):
        invoice = _invoice(request, pk)
        tell_sent_again(request, notify.send_mail_again(invoice))
        return redirect("billing-invoice-page", pk=invoice.pk)


class InvoicePdfView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR, PARENT)

    def get(self, request, pk):
        invoice = _invoice(request, pk)
        response = HttpResponse(services.invoice_pdf(invoice), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="invoice-{invoice.display_number}.pdf"'
        return response


class CreditNoteCreateView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def post(self, request, pk):
        invoice = _invoice(request, pk)
        form = CreditNoteForm(request.POST)
        if form.is_valid():
            try:
                services.create_credit_note(invoice, amount=form.cleaned_data["amount"],
                                            reason=form.cleaned_data["reason"], user=request.user)
                return redirect("billing-invoice-page", pk=invoice.pk)
            except ValidationError as error:
                add_service_errors(form, error)
        return render(request, "billing/invoice_detail.html",
                      {"invoice": invoice, "can_manage": True, "form": form}, status=400)


class OneOffInvoiceView(RoleRequiredMixin, View):
    """An invoice with free lines (one-off costs) to the paying parent of a child's contract."""

    allowed_roles = (ENTREPRENEUR,)
    template_name = "invoices/one_off.html"

    def get(self, request):
        return render(request, self.template_name, {"form": OneOffInvoiceForm(initial={
            "date": location_today(request.location), "contract": request.GET.get("contract")})})

    def post(self, request):
        form = OneOffInvoiceForm(request.POST)
        if form.is_valid():
            send = request.POST.get("action") != "draft"
            try:
                invoice = services.create_one_off_invoice(form.cleaned_data["contract"], lines=form.lines,
                                                          costs_date=form.cleaned_data["date"], issue=send)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                if send:
                    messages.success(request, _("Invoice %(number)s is sent to %(parent)s.") % {
                        "number": invoice.display_number, "parent": invoice.parent_name})
                else:
                    messages.success(request, _("The invoice is saved as a draft; send it when it is complete."))
                return redirect("billing-invoice-page", pk=invoice.pk)
        return render(request, self.template_name, {"form": form}, status=400)


class MonthRunView(RoleRequiredMixin, View):
    """A month's invoicing: the invoices made, the contracts still to invoice with their amount or what stops
    them, and a button that runs the month (the beat job's service; running it again changes nothing)."""

    allowed_roles = (ENTREPRENEUR,)
    template_name = "invoices/run.html"

    def get(self, request):
        return self.page(request, MonthForm(request.GET) if "month" in request.GET else None)

    def post(self, request):
        form = MonthForm(request.POST)
        if form.is_valid():
            first = form.cleaned_data["month"]
            try:
                result = services.run_month_now(request.location, first.year, first.month,
                                                location_today(request.location))
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _outcome(result))
                return redirect(f"{request.path}?month={first:%Y-%m}")
        return self.page(request, form, status=400)

    def page(self, request, form, status=200):
        today = location_today(request.location)
        if form is None:
            form = MonthForm({"month": f"{today:%Y-%m}"})
        first = form.cleaned_data["month"] if form.is_valid() else None
        context = {"form": form, "month": first}
        if first is not None:
            invoices, pending = selectors.month_run(request.location, first.year, first.month, today)
            for row in pending:
                row.label = TariffModel(row.model).label
            previous, following = tariff_rules.neighbour_months(first)
            context.update(invoices=invoices, pending=pending, previous=previous, next=following,
                           ready=[row for row in pending if row.due and not row.problems])
        return render(request, self.template_name, context, status=400 if form.errors else status)


def _outcome(result) -> str:
    parts = [ngettext("%(count)s invoice made and sent", "%(count)s invoices made and sent",
                      len(result.created)) % {"count": len(result.created)},
             ngettext("%(count)s existed already", "%(count)s existed already", result.existing)
             % {"count": result.existing}]
    if result.waiting:
        parts.append(ngettext("%(count)s waits for approved hours", "%(count)s wait for approved hours",
                              result.waiting) % {"count": result.waiting})
    if result.problems:
        parts.append(ngettext("%(count)s has a problem (see below)", "%(count)s have a problem (see below)",
                              len(result.problems)) % {"count": len(result.problems)})
    return _("Monthly run done: %(outcome)s.") % {"outcome": "; ".join(parts)}


class InvoiceSendView(RoleRequiredMixin, View):
    """Send a draft: it gets its number, PDF and e-mail now."""

    allowed_roles = (ENTREPRENEUR,)

    def post(self, request, pk):
        invoice = _invoice(request, pk)
        try:
            invoice = services.issue_invoice(invoice)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Invoice %(number)s is sent to %(parent)s.") % {
                "number": invoice.display_number, "parent": invoice.parent_name})
        return redirect("billing-invoice-page", pk=invoice.pk)


class DraftDiscardView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def post(self, request, pk):
        invoice = _invoice(request, pk)
        try:
            services.discard_draft(invoice)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("billing-invoice-page", pk=invoice.pk)
        messages.success(request, _("The draft invoice is deleted."))
        return redirect("billing-invoices")


class ExportView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def get(self, request):
        invoices = Invoice.objects.exclude(status=Invoice.Status.DRAFT).order_by("number")
        notes = CreditNote.objects.select_related("invoice").order_by("number")
        response = HttpResponse(export.invoices_csv(invoices, notes), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="invoices.csv"'
        return response


class StatementPdfView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR, PARENT)

    def get(self, request, pk):
        statement = selectors.statements_visible_to(request.user, request_roles(request)).filter(pk=pk).first()
        if statement is None:
            raise Http404
        content = bytes(statement.pdf or b"")
        if statement.kind == "be_fiscal":
            # The Flemish fiscal certificate: the parent's copy of the model form 281.86, from the same record
            # as the Belcotax-on-web file (billing.filings.pdf).
            from billing.filings import pdf as certificate

            content = certificate.parent_copy(statement, request.location) or content
        response = HttpResponse(content, content_type="application/pdf")
        response["Content-Disposition"] = (f'attachment; filename="annual-statement-{statement.year}'
                                           f'-v{statement.version}.pdf"')
        return response
