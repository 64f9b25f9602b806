"""Payment pages. On a location's host: the entrepreneur sets up Stripe (hosted onboarding) or her own
bank and makes SEPA files, records transfers and cash, imports bank statements and decides on the payments
they could not match; a parent gives her direct-debit mandate and pays an invoice online."""
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from accounts.permissions import RoleRequiredMixin
from accounts.roles import ENTREPRENEUR, PARENT
from billing.payments import rules, selectors, services, stripe_api, webhooks
from billing.payments.forms import (
    CollectionSettingsForm,
    DismissEntryForm,
    MandateForm,
    RecordPaymentForm,
    SepaFileForm,
    StatementUploadForm,
)
from billing.payments.models import CollectionSettings
from config.service_errors import add_service_errors
from tenants.calendar.selectors import location_today


def client_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


def absolute(request, name: str, **kwargs) -> str:
    return request.build_absolute_uri(reverse(name, kwargs=kwargs or None))


class PaymentsView(RoleRequiredMixin, View):
    """The entrepreneur's overview: Stripe account, collection method, mandates and SEPA files."""

    allowed_roles = (ENTREPRENEUR,)

    def get(self, request, settings_form=None, sepa_form=None, status=200):
        return render(request, "payments/overview.html", {
            "account": services.connected_account(request.location),
            "collection": CollectionSettings.load(),
            "settings_form": settings_form or CollectionSettingsForm(instance=CollectionSettings.load()),
            "sepa_form": sepa_form or SepaFileForm(),
            "mandates": selectors.mandates_visible_to(request.user, request.roles)[:200],
            "sepa_files": selectors.sepa_files_visible_to(request.roles)[:50],
            "own_bank": CollectionSettings.load().method == rules.OWN_BANK,
            "waiting_for_file": services.invoices_for_sepa_file().count(),
            "to_decide": selectors.entries_to_decide(request.roles).count(),
        }, status=status)


class OnboardView(RoleRequiredMixin, View):
    """Send the entrepreneur to Stripe's hosted onboarding (and back)."""

    allowed_roles = (ENTREPRENEUR,)

    def _go(self, request):
        try:
            url = services.start_onboarding(return_url=absolute(request, "payments-stripe-return"),
                                            refresh_url=absolute(request, "payments-stripe-refresh"),
                                            email=request.user.email)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
            return redirect("payments")
        return HttpResponseRedirect(url, status=303)

    def post(self, request):
        return self._go(request)


class StripeRefreshView(OnboardView):
    """Stripe sends the entrepreneur here when the onboarding link expired: a fresh link."""

    def get(self, request):
        return self._go(request)


class StripeReturnView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def get(self, request):
        try:
            account = services.refresh_account(request.location)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("payments")
        if account is not None and account.is_ready:
            messages.success(request, _("Your Stripe account is ready: parents can pay online."))
        else:
            messages.info(request, _("Stripe still needs some details before parents can pay online."))
        return redirect("payments")


class CollectionSettingsView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def post(self, request):
        form = CollectionSettingsForm(request.POST, instance=CollectionSettings.load())
        if form.is_valid():
            try:
                fields = CollectionSettingsForm.Meta.fields
                services.save_collection_settings(**{f: form.cleaned_data[f] for f in fields})
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The collection settings are saved."))
                return redirect("payments")
        return PaymentsView().get(request, settings_form=form, status=400)


class SepaFileCreateView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def post(self, request):
        form = SepaFileForm(request.POST)
        if form.is_valid():
            try:
                sepa_file = services.create_sepa_file(collection_date=form.cleaned_data["collection_date"],
                                                      user=request.user, location=request.location)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The direct-debit file is ready: %(count)s collections.")
                                 % {"count": sepa_file.transaction_count})
                return redirect("payments")
        return PaymentsView().get(request, sepa_form=form, status=400)


def sepa_xml_response(sepa_file) -> HttpResponse:
    response = HttpResponse(sepa_file.xml, content_type="application/xml")
    response["Content-Disposition"] = f'attachment; filename="pain008-{sepa_file.message_id}.xml"'
    return response


class SepaFileDownloadView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def get(self, request, pk):
        return sepa_xml_response(get_object_or_404(selectors.sepa_files_visible_to(request.roles), pk=pk))


class MandateView(RoleRequiredMixin, View):
    """The parent's direct-debit mandate: shown, given or replaced (linked from the contract)."""

    allowed_roles = (PARENT,)
    template_name = "payments/mandate.html"

    def _contract(self, request):
        from tenants.contracts.selectors import contracts_visible_to

        pk = request.GET.get("contract") or request.POST.get("contract")
        if pk and str(pk).isdigit():
            return contracts_visible_to(request.user, {PARENT}).filter(pk=int(pk)).first()
        return None

    def get(self, request, form=None, status=200):
        return render(request, self.template_name, {
            "form": form or MandateForm(initial={"account_holder": request.user.full_name}),
            "mandate": services.current_mandate(request.user),
            "contract": self._contract(request),
            "own_bank": CollectionSettings.load().method == rules.OWN_BANK,
        }, status=status)

    def post(self, request):
        form = MandateForm(request.POST)
        if form.is_valid():
            try:
                services.give_mandate(parent=request.user, account_holder=form.cleaned_data["account_holder"],
                                      iban=form.cleaned_data["iban"], bic=form.cleaned_data["bic"],
                                      contract=self._contract(request), ip=client_ip(request),
                                      user_agent=request.META.get("HTTP_USER_AGENT", ""),
                                      location=request.location)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Thank you: the direct-debit mandate is given."))
                contract = self._contract(request)
                return redirect("contract-page", pk=contract.pk) if contract else redirect("payments-mandate")
        return self.get(request, form=form, status=400)


class IdealPayView(RoleRequiredMixin, View):
    """Pay one of the parent's own invoices now (iDEAL, Bancontact, card): off to Stripe Checkout."""

    allowed_roles = (PARENT,)

    def post(self, request, pk):
        invoice = get_object_or_404(selectors.payable_invoices_of(request.user, request.roles), pk=pk)
        try:
            url = services.pay_online(
                invoice, success_url=absolute(request, "payments-ideal-return", pk=invoice.pk) + "?status=paid",
                cancel_url=absolute(request, "payments-ideal-return", pk=invoice.pk) + "?status=cancelled",
                language=getattr(request, "LANGUAGE_CODE", "nl"), location=request.location)
        except ValidationError as exc:
            return render(request, "payments/ideal_return.html", {"invoice": invoice, "errors": exc.messages},
                          status=400)
        return HttpResponseRedirect(url, status=303)


class IdealReturnView(RoleRequiredMixin, View):
    allowed_roles = (PARENT,)

    def get(self, request, pk):
        from billing.payments import invoice_hooks

        invoice = get_object_or_404(invoice_hooks.invoice_model().objects.filter(parent=request.user), pk=pk)
        return render(request, "payments/ideal_return.html", {
            "invoice": invoice, "cancelled": request.GET.get("status") == "cancelled"})


# --- main domain ------------------------------------------------------------------------------------------


@login_not_required
@csrf_exempt
@require_POST
def stripe_webhook(request):
    """Stripe's events (platform and connected accounts). 400 when the signature does not verify."""
    import stripe

    try:
        event = stripe_api.construct_event(request.body, request.META.get("HTTP_STRIPE_SIGNATURE"))
    except (stripe.SignatureVerificationError, ValueError):
        return HttpResponseBadRequest("invalid signature", content_type="text/plain")
    result = webhooks.process_event(event)
    return HttpResponse(result, content_type="text/plain")



# --- payments outside Stripe ---------------------------------------------------------------------------------------


class RecordPaymentView(RoleRequiredMixin, View):
    """The entrepreneur records a transfer or cash received for one invoice."""

    allowed_roles = (ENTREPRENEUR,)
    template_name = "payments/record_payment.html"

    def _invoice(self, request, pk):
        return get_object_or_404(selectors.payable_invoices_for_entrepreneur(request.roles), pk=pk)

    def get(self, request, pk, form=None, status=200):
        invoice = self._invoice(request, pk)
        form = form or RecordPaymentForm(initial={"method": "bank_transfer", "amount": invoice.amount_due,
                                                  "paid_on": location_today(request.location)})
        return render(request, self.template_name, {"invoice": invoice, "form": form}, status=status)

    def post(self, request, pk):
        invoice = self._invoice(request, pk)
        form = RecordPaymentForm(request.POST)
        if form.is_valid():
            try:
                services.record_payment(invoice, method=form.cleaned_data["method"],
                                        amount=form.cleaned_data["amount"], paid_on=form.cleaned_data["paid_on"],
                                        note=form.cleaned_data["note"], user=request.user, location=request.location)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The payment is recorded: invoice %(number)s is paid.")
                                 % {"number": invoice.display_number})
                return redirect("billing-invoice-page", pk=invoice.pk)
        return self.get(request, pk, form=form, status=400)


def import_message(result) -> str:
    if result.new == 0:
        return _("Nothing new in this file: its %(count)s payments were imported before; nothing is booked twice.") \
            % {"count": result.already}
    parts = [ngettext("%(count)s new payment", "%(count)s new payments", result.new) % {"count": result.new},
             ngettext("%(count)s invoice marked paid", "%(count)s invoices marked paid", result.matched)
             % {"count": result.matched},
             ngettext("%(count)s payment left for you to decide", "%(count)s payments left for you to decide",
                      result.open) % {"count": result.open}]
    if result.already:
        parts.append(ngettext("%(count)s imported before", "%(count)s imported before", result.already)
                     % {"count": result.already})
    return _("Statement imported: %(outcome)s.") % {"outcome": "; ".join(parts)}


class StatementsView(RoleRequiredMixin, View):
    """Import a bank statement; the statements imported; the payments left to decide."""

    allowed_roles = (ENTREPRENEUR,)
    template_name = "payments/statements.html"

    def get(self, request, form=None, status=200):
        return render(request, self.template_name, {
            "form": form or StatementUploadForm(),
            "statements": selectors.statements_visible_to(request.roles)[:50],
            "open_entries": selectors.entries_to_decide(request.roles),
            "decided": selectors.entries_decided(request.roles)[:50],
            "invoices": selectors.linkable_invoices(request.roles),
            "dismiss_form": DismissEntryForm(),
            "has_account": bool(CollectionSettings.load().creditor_iban),
        }, status=status)

    def post(self, request):
        form = StatementUploadForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                result = services.import_statement(file=form.cleaned_data["file"], user=request.user,
                                                   location=request.location)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, import_message(result))
                return redirect("payments-statements")
        return self.get(request, form=form, status=400)


class EntryDecisionView(RoleRequiredMixin, View):
    """Link a payment left to decide to an invoice, or say it is no invoice payment."""

    allowed_roles = (ENTREPRENEUR,)
    action = "link"

    def post(self, request, pk):
        entry = get_object_or_404(selectors.entries_to_decide(request.roles), pk=pk)
        try:
            if self.action == "link":
                raw = request.POST.get("invoice", "")
                invoice = selectors.linkable_invoices(request.roles).filter(pk=int(raw)).first() \
                    if raw.isdigit() else None
                services.link_entry(entry, invoice=invoice, user=request.user)
                messages.success(request, _("The payment is linked: invoice %(number)s is paid.")
                                 % {"number": invoice.display_number})
            else:
                form = DismissEntryForm(request.POST)
                note = form.cleaned_data["note"] if form.is_valid() else request.POST.get("note", "")
                services.dismiss_entry(entry, note=note, user=request.user)
                messages.success(request, _("The payment is set aside as not an invoice payment."))
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
            return StatementsView().get(request, status=400)
        return redirect("payments-statements")
