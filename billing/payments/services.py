"""Writes of payments. Each checks its input first and raises ValidationError({field: [...]}); Stripe is
called before anything is stored, and what is stored is stored in one transaction, so a refusal (ours or
Stripe's) leaves nothing behind.

Run them in the location's schema (a request on the location's host, or tenant_context in a job).
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from datetime import date, datetime, time, timedelta
from decimal import Decimal, InvalidOperation

import stripe
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from jurisdictions import policy
from schwifty import BIC, IBAN
from schwifty.exceptions import SchwiftyException

from billing.membership.models import ConnectedAccount
from billing.payments import invoice_hooks, rules, stripe_api
from billing.payments.models import (
    BankStatement,
    CollectionSettings,
    Mandate,
    Payment,
    SepaFile,
    SepaFileItem,
    StatementEntry,
)
from frontend.numbers import amount as amount_text
from tenants.calendar.selectors import current_location, location_today

# --- checks --------------------------------------------------------------------------------------------


def clean_iban(value: str, field: str = "iban") -> IBAN:
    """A valid IBAN (country, length, check digits, bank code where schwifty knows the country)."""
    compact = re.sub(r"\s+", "", value or "").upper()
    if not compact:
        raise ValidationError({field: [_("Enter the IBAN of the bank account.")]})
    try:
        return IBAN(compact)
    except (SchwiftyException, ValueError):
        raise ValidationError({field: [_("This is not a valid IBAN; check it on your bank card or statement.")]}) \
            from None


def clean_bic(value: str, iban: IBAN | None, field: str = "bic", required: bool = False) -> str:
    """A valid BIC, or the one that belongs to the IBAN's bank; blank when neither and not required."""
    compact = re.sub(r"\s+", "", value or "").upper()
    if compact:
        try:
            return str(BIC(compact))
        except (SchwiftyException, ValueError):
            raise ValidationError({field: [_("This is not a valid BIC.")]}) from None
    derived = iban.bic if iban is not None else None
    if derived is not None:
        return str(derived)
    if required:
        raise ValidationError({field: [_("Enter the BIC of the bank.")]})
    return ""


def clean_holder(value: str) -> str:
    name = " ".join((value or "").split())
    if not name:
        raise ValidationError({"account_holder": [_("Enter the name of the account holder.")]})
    if len(name) > 70:
        raise ValidationError({"account_holder": [_("The account holder's name may have at most 70 characters.")]})
    return name


def _collect(errors: dict, check, *args, **kwargs):
    try:
        return check(*args, **kwargs)
    except ValidationError as exc:
        for field, messages in exc.message_dict.items():
            errors.setdefault(field, []).extend(messages)
        return None


def stripe_refusal(exc: stripe.StripeError, field_for_param: dict[str, str] | None = None) -> ValidationError:
    """Stripe's refusal as a field error; no Stripe internals in the message."""
    if isinstance(exc, stripe.APIConnectionError):
        return ValidationError({"non_field_errors": [_("The payment service cannot be reached; try again later.")]})
    param = getattr(exc, "param", None) or ""
    for key, field in (field_for_param or {}).items():
        if key in param:
            return ValidationError({field: [exc.user_message or _("The payment service refused this value.")]})
    return ValidationError({"non_field_errors": [_("The payment service refused this: %(message)s")
                                                 % {"message": exc.user_message or _("unknown reason")}]})


# --- the location's Stripe account -----------------------------------------------------------------------


def connected_account(location=None) -> ConnectedAccount | None:
    location = location or current_location()
    return ConnectedAccount.objects.filter(location=location).first()


def update_account(account_id: str, data) -> ConnectedAccount | None:
    """Copy the state of a Stripe account object (from the API or an account.updated event)."""
    if hasattr(data, "to_dict"):
        data = data.to_dict()
    account = ConnectedAccount.objects.filter(account_id=account_id).first()
    if account is None:
        return None
    account.details_submitted = bool(data.get("details_submitted"))
    account.charges_enabled = bool(data.get("charges_enabled"))
    account.payouts_enabled = bool(data.get("payouts_enabled"))
    account.save(update_fields=["details_submitted", "charges_enabled", "payouts_enabled", "updated_at"])
    return account


def start_onboarding(*, return_url: str, refresh_url: str, location=None, email: str = "") -> str:
    """The location's hosted Stripe onboarding link (creating its connected account the first time)."""
    location = location or current_location()
    client = stripe_api.client()
    account = connected_account(location)
    try:
        if account is None:
            created = client.v1.accounts.create(params={
                "country": policy(location.jurisdiction).country,
                "email": email or None,
                "business_profile": {"name": location.name, "mcc": "8351"},
                "controller": {
                    "stripe_dashboard": {"type": "full"},
                    "fees": {"payer": "account"},
                    "losses": {"payments": "stripe"},
                    "requirement_collection": "stripe",
                },
                "capabilities": {"sepa_debit_payments": {"requested": True}, "ideal_payments": {"requested": True},
                                 "bancontact_payments": {"requested": True}, "card_payments": {"requested": True}},
                "metadata": {"location": location.slug},
            }, options={"idempotency_key": f"location-account-{location.pk}"})
            account, _created = ConnectedAccount.objects.get_or_create(
                location=location, defaults={"account_id": created.id})
            update_account(account.account_id, created)
        link = client.v1.account_links.create(params={
            "account": account.account_id,
            "type": "account_onboarding",
            "return_url": return_url,
            "refresh_url": refresh_url,
        })
    except stripe.StripeError as exc:
        raise stripe_refusal(exc) from exc
    return link.url


def refresh_account(location=None) -> ConnectedAccount | None:
    """Ask Stripe how far the onboarding is (on return from the hosted page)."""
    account = connected_account(location)
    if account is None:
        return None
    try:
        data = stripe_api.client().v1.accounts.retrieve(account.account_id)
    except stripe.StripeError as exc:
        raise stripe_refusal(exc) from exc
    return update_account(account.account_id, data)


@transaction.atomic
def save_collection_settings(*, method: str, creditor_name: str = "", creditor_iban: str = "",
                             creditor_bic: str = "", creditor_id: str = "") -> CollectionSettings:
    """Stripe, or the location's own bank; and the location's bank account, which every invoice names for a
    transfer (optional with Stripe). The own bank needs all the creditor details pain.008 needs."""
    errors: dict[str, list[str]] = {}
    if method not in CollectionSettings.Method.values:
        errors["method"] = [_("Choose how the location collects.")]
    current = CollectionSettings.load()
    own_bank = method == rules.OWN_BANK
    values = {"method": method, "creditor_name": " ".join((creditor_name or "").split())[:70],
              "creditor_iban": "", "creditor_bic": "", "creditor_id": re.sub(r"\s+", "", creditor_id or "").upper()}
    if own_bank and not values["creditor_name"]:
        errors["creditor_name"] = [_("Enter the name of the account holder of the location.")]
    if own_bank or (creditor_iban or "").strip():
        iban = _collect(errors, clean_iban, creditor_iban, "creditor_iban")
        if iban is not None:
            values["creditor_iban"] = iban.compact
            bic = _collect(errors, clean_bic, creditor_bic, iban, "creditor_bic", required=own_bank)
            values["creditor_bic"] = bic or ""
    elif (creditor_bic or "").strip():
        errors["creditor_iban"] = [_("Enter the IBAN that goes with this BIC.")]
    if (own_bank or values["creditor_id"]) and rules.creditor_id_errors(values["creditor_id"]):
        errors["creditor_id"] = [_("Enter the creditor identifier (incassant-ID) your bank gave you, "
                                   "e.g. NL57ZZZ999999999999.")]
    if errors:
        raise ValidationError(errors)
    for field, value in values.items():
        setattr(current, field, value)
    current.save()
    return current


# --- mandates ------------------------------------------------------------------------------------------


def current_mandate(parent) -> Mandate | None:
    return Mandate.objects.filter(parent=parent, status__in=[Mandate.Status.PENDING, Mandate.Status.ACTIVE]).first()


def _next_mandate_reference(location) -> str:
    CollectionSettings.objects.get_or_create(pk=1)
    settings_row = CollectionSettings.objects.select_for_update().get(pk=1)
    settings_row.mandate_counter += 1
    settings_row.save(update_fields=["mandate_counter"])
    return rules.mandate_reference(location.slug, settings_row.mandate_counter)


def give_mandate(*, parent, account_holder: str, iban: str, bic: str = "", contract=None, ip: str | None = None,
                 user_agent: str = "", location=None) -> Mandate:
    """The parent authorises the location to collect by SEPA direct debit (given when signing the
    contract). Through Stripe: a SetupIntent (sepa_debit) on the location's connected account, with the
    parent's online acceptance. Own bank: the mandate is kept here for the pain.008 files. A new mandate
    ends the parent's previous one."""
    location = location or current_location()
    errors: dict[str, list[str]] = {}
    holder = _collect(errors, clean_holder, account_holder)
    checked = _collect(errors, clean_iban, iban)
    if errors:
        raise ValidationError(errors)
    settings_row = CollectionSettings.load()
    method = settings_row.method
    values = {"iban_masked": rules.mask_iban(checked.compact)}
    if method == rules.OWN_BANK:
        values["iban"] = checked.compact
        values["bic"] = clean_bic(bic, checked)
        values["status"] = Mandate.Status.ACTIVE
    else:
        values.update(_stripe_mandate(location, parent, holder, checked, ip, user_agent))
    with transaction.atomic():
        now = timezone.now()
        Mandate.objects.filter(parent=parent, status__in=[Mandate.Status.PENDING, Mandate.Status.ACTIVE]).update(
            status=Mandate.Status.REVOKED, revoked_at=now)
        return Mandate.objects.create(parent=parent, contract=contract, method=method, account_holder=holder,
                                      reference=_next_mandate_reference(location), signed_at=now,
                                      signed_ip=ip or None, **values)


def _stripe_mandate(location, parent, holder: str, iban: IBAN, ip: str | None, user_agent: str) -> dict:
    account = connected_account(location)
    if account is None or not account.charges_enabled:
        raise ValidationError({"non_field_errors": [
            _("This location cannot take direct debits yet; the location has to finish setting up payments.")]})
    client = stripe_api.client()
    previous = Mandate.objects.filter(parent=parent).exclude(stripe_customer_id="").first()
    try:
        customer_id = previous.stripe_customer_id if previous else client.v1.customers.create(params={
            "email": parent.email, "name": holder, "metadata": {"user": str(parent.pk)}},
            options=stripe_api.on_account(account.account_id, f"customer-{location.pk}-{parent.pk}")).id
        intent = client.v1.setup_intents.create(params={
            "customer": customer_id,
            "payment_method_types": ["sepa_debit"],
            "payment_method_data": {"type": "sepa_debit", "sepa_debit": {"iban": iban.compact},
                                    "billing_details": {"name": holder, "email": parent.email}},
            "confirm": True,
            "usage": "off_session",
            "mandate_data": {"customer_acceptance": {"type": "online", "online": {
                "ip_address": ip or "0.0.0.0", "user_agent": (user_agent or "unknown")[:500]}}},
            "metadata": {"user": str(parent.pk), "location": location.slug},
        }, options=stripe_api.on_account(account.account_id))
    except stripe.StripeError as exc:
        raise stripe_refusal(exc, {"iban": "iban", "name": "account_holder"}) from exc
    status = {"succeeded": Mandate.Status.ACTIVE, "processing": Mandate.Status.PENDING}.get(intent.status)
    if status is None:
        raise ValidationError({"iban": [_("The bank account could not be set up for direct debit.")]})
    return {"status": status, "stripe_customer_id": customer_id, "stripe_setup_intent_id": intent.id,
            "stripe_payment_method_id": _id(getattr(intent, "payment_method", None)),
            "stripe_mandate_id": _id(getattr(intent, "mandate", None))}


def _id(value) -> str:
    """The id of an expandable field: a string, an expanded object, or nothing."""
    if value is None:
        return ""
    return value if isinstance(value, str) else (getattr(value, "id", None) or value["id"])


@transaction.atomic
def revoke_mandate(mandate: Mandate) -> Mandate:
    mandate = Mandate.objects.select_for_update().get(pk=mandate.pk)
    if mandate.status in (Mandate.Status.PENDING, Mandate.Status.ACTIVE):
        mandate.status = Mandate.Status.REVOKED
        mandate.revoked_at = timezone.now()
        mandate.save(update_fields=["status", "revoked_at"])
    return mandate


# --- Stripe payments -------------------------------------------------------------------------------------


def _ready_account(location) -> ConnectedAccount:
    account = connected_account(location)
    if CollectionSettings.load().method != rules.STRIPE or account is None or not account.charges_enabled:
        raise ValidationError({"non_field_errors": [_("This location does not take online payments yet.")]})
    return account


def _payable(invoice) -> None:
    if not invoice_hooks.is_payable(invoice):
        raise ValidationError({"invoice": [_("This invoice has nothing left to pay.")]})


ONLINE_METHODS = ["ideal", "bancontact", "card"]


def pay_online(invoice, *, success_url: str, cancel_url: str, language: str = "nl", location=None) -> str:
    """A Stripe Checkout Session (iDEAL, Bancontact or card) on the location's account for what is due on one
    invoice; returns the address to send the parent to. The webhook marks the invoice paid."""
    location = location or current_location()
    _payable(invoice)
    account = _ready_account(location)
    amount = invoice_hooks.amount_due(invoice)
    metadata = {"invoice": str(invoice.pk), "location": location.slug}
    try:
        session = stripe_api.client().v1.checkout.sessions.create(params={
            "mode": "payment",
            "payment_method_types": ONLINE_METHODS,
            "line_items": [{"quantity": 1, "price_data": {
                "currency": "eur", "unit_amount": rules.to_cents(amount),
                "product_data": {"name": _("Invoice %(number)s, %(location)s") % {
                    "number": invoice.display_number, "location": location.name}}}}],
            "client_reference_id": str(invoice.pk),
            "customer_email": invoice.parent.email,
            "locale": "nl" if language == "nl" else "en",
            "success_url": success_url,
            "cancel_url": cancel_url,
            "metadata": metadata,
            "payment_intent_data": {"metadata": metadata, "description": f"{location.name} {invoice.display_number}"},
        }, options=stripe_api.on_account(account.account_id))
    except stripe.StripeError as exc:
        raise stripe_refusal(exc) from exc
    Payment.objects.create(invoice=invoice, method=Payment.Method.IDEAL, amount=amount,
                           stripe_checkout_session_id=session.id,
                           stripe_payment_intent_id=_id(getattr(session, "payment_intent", None)))
    return session.url


def collect_by_direct_debit(invoice, *, location=None) -> Payment | None:
    """Collect one invoice from the paying parent's active Stripe mandate (a PaymentIntent, confirmed off
    session). None when there is nothing to do: paid, already being collected, or no mandate."""
    location = location or current_location()
    if not invoice_hooks.is_payable(invoice):
        return None
    if invoice.payments.filter(method=Payment.Method.DIRECT_DEBIT,
                               status__in=[Payment.Status.PENDING, Payment.Status.SUCCEEDED]).exists():
        return None
    mandate = Mandate.objects.filter(parent=invoice.parent, status=Mandate.Status.ACTIVE, method=rules.STRIPE).first()
    if mandate is None or not mandate.stripe_payment_method_id:
        return None
    account = _ready_account(location)
    amount = invoice_hooks.amount_due(invoice)
    attempt = invoice.payments.filter(method=Payment.Method.DIRECT_DEBIT).count() + 1
    metadata = {"invoice": str(invoice.pk), "location": location.slug}
    try:
        intent = stripe_api.client().v1.payment_intents.create(params={
            "amount": rules.to_cents(amount), "currency": "eur",
            "customer": mandate.stripe_customer_id, "payment_method": mandate.stripe_payment_method_id,
            "payment_method_types": ["sepa_debit"], "confirm": True, "off_session": True,
            "mandate": mandate.stripe_mandate_id or None,
            "description": f"{location.name} {invoice.display_number}",
            "metadata": metadata,
        }, options=stripe_api.on_account(account.account_id, f"debit-{location.pk}-{invoice.pk}-{attempt}"))
    except stripe.StripeError as exc:
        raise stripe_refusal(exc) from exc
    status = Payment.Status.SUCCEEDED if intent.status == "succeeded" else Payment.Status.PENDING
    return Payment.objects.create(invoice=invoice, method=Payment.Method.DIRECT_DEBIT, amount=amount, status=status,
                                  mandate=mandate, stripe_payment_intent_id=intent.id)


def collect_due_invoices(location=None) -> int:
    """Start a direct debit for every unpaid direct-debit invoice of a Stripe location; returns how many."""
    location = location or current_location()
    if CollectionSettings.load().method != rules.STRIPE:
        return 0
    invoice_model = invoice_hooks.invoice_model()
    started = 0
    for invoice in invoice_model.objects.filter(status__in=invoice_hooks.UNPAID,
                                                payment_method=invoice_model.PaymentMethod.DIRECT_DEBIT):
        if collect_by_direct_debit(invoice, location=location) is not None:
            started += 1
    return started


def collect_everywhere(only_failed: bool = False):
    """For the beat job: every active location that collects through Stripe, each in its own schema; one
    location's failure is reported and the next goes on (cooperative.jobs). Not in one transaction per
    location: each Payment is saved as soon as Stripe has its PaymentIntent, since a rollback could not undo
    the debit; a rerun starts none twice (an invoice with a pending or paid debit is skipped)."""
    from cooperative import jobs

    locations = jobs.active_locations().filter(stripe_account__charges_enabled=True)
    return jobs.for_each_location(job="direct-debits", work=collect_due_invoices, locations=locations,
                                  only_failed=only_failed, atomic=False)


# --- SEPA direct-debit files (own bank) ------------------------------------------------------------------


def invoices_for_sepa_file():
    """Unpaid invoices of parents with an active own-bank mandate that are not in a file yet."""
    invoice_model = invoice_hooks.invoice_model()
    in_files = SepaFileItem.objects.filter(returned=False).values("invoice_id")
    parents = Mandate.objects.filter(status=Mandate.Status.ACTIVE, method=rules.OWN_BANK).values("parent_id")
    return (invoice_model.objects.filter(status__in=invoice_hooks.UNPAID, parent_id__in=parents)
            .exclude(pk__in=in_files).order_by("number", "pk"))


def create_sepa_file(*, collection_date: date, user=None, location=None) -> SepaFile:
    """A pain.008.001.02 file with one collection per unpaid invoice of a parent with a mandate, for the
    location's own bank. Validated against the schema before it is stored; an invoice is in one file."""
    location = location or current_location()
    settings_row = CollectionSettings.load()
    errors: dict[str, list[str]] = {}
    if settings_row.method != rules.OWN_BANK or not settings_row.creditor_iban:
        errors["non_field_errors"] = [_("Set up collection through the location's own bank first.")]
    today = location_today(location)
    if collection_date is None or collection_date <= today:
        errors["collection_date"] = [_("The collection date must be after today.")]
    elif collection_date > today + timedelta(days=365):
        errors["collection_date"] = [_("The collection date must be within a year.")]
    if errors:
        raise ValidationError(errors)
    from sepaxml import SepaDD

    with transaction.atomic():
        invoices = list(invoices_for_sepa_file().select_for_update())
        if not invoices:
            raise ValidationError({"non_field_errors": [_("There are no unpaid invoices to collect.")]})
        mandates = {m.parent_id: m for m in Mandate.objects.filter(status=Mandate.Status.ACTIVE,
                                                                   method=rules.OWN_BANK)}
        # Every name and text in the EPC's Latin character set (rules.epc_text): some banks refuse a file
        # with &, < or > even when escaped, or with accents.
        sepa = SepaDD({"name": rules.epc_text(settings_row.creditor_name, 70) or "Creditor",
                       "IBAN": settings_row.creditor_iban, "BIC": settings_row.creditor_bic, "batch": True,
                       "creditor_id": settings_row.creditor_id, "currency": "EUR"},
                      schema="pain.008.001.02", clean=False)
        items, total = [], 0
        for invoice in invoices:
            mandate = mandates[invoice.parent_id]
            cents = rules.to_cents(invoice_hooks.amount_due(invoice))
            previous = SepaFileItem.objects.filter(mandate=mandate).count() + sum(
                1 for item in items if item.mandate_id == mandate.pk)
            end_to_end = f"{location.slug[:20].upper()}-{invoice.display_number}-{len(items) + 1}"[:35]
            payment = {
                "name": rules.epc_text(mandate.account_holder, 70) or mandate.reference, "IBAN": mandate.iban,
                "amount": cents,
                "type": rules.sequence_type(previous), "collection_date": collection_date,
                "mandate_id": mandate.reference, "mandate_date": timezone.localdate(mandate.signed_at),
                "description": rules.epc_text(_("Invoice %(number)s %(location)s") % {
                    "number": invoice.display_number, "location": location.name}, 140),
                "endtoend_id": re.sub(r"[^A-Za-z0-9-]", "", end_to_end),
            }
            if mandate.bic:
                payment["BIC"] = mandate.bic
            sepa.add_payment(payment)
            total += cents
            items.append(SepaFileItem(invoice=invoice, mandate=mandate, amount=rules.from_cents(cents),
                                      sequence_type=payment["type"], end_to_end_id=payment["endtoend_id"]))
        xml = sepa.export(validate=True).decode("utf-8")
        message_id = ET.fromstring(xml.encode()).findtext(".//{*}GrpHdr/{*}MsgId") or f"{location.slug}-{today}"
        sepa_file = SepaFile.objects.create(message_id=message_id[:35], collection_date=collection_date,
                                            transaction_count=len(items), total=rules.from_cents(total),
                                            xml=xml, created_by=user)
        for item in items:
            item.file = sepa_file
        SepaFileItem.objects.bulk_create(items)
    return sepa_file


@transaction.atomic
def mark_sepa_item_returned(item: SepaFileItem, *, reason: str) -> SepaFileItem:
    """The bank reports a collection as failed or reversed: the invoice opens again and the reminder flow
    starts; the invoice may go into a later file."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError({"reason": [_("Give the reason the bank gave.")]})
    item = SepaFileItem.objects.select_for_update().select_related("invoice").get(pk=item.pk)
    if item.returned:
        return item
    item.returned = True
    item.return_reason = reason[:300]
    item.save(update_fields=["returned", "return_reason"])
    invoice_hooks.reopen_after_failed_payment(item.invoice, reason=_("Direct debit returned by the bank: %(r)s")
                                              % {"r": reason})
    return item


# --- payments outside Stripe: by hand, and from bank statements --------------------------------------------------

MANUAL_METHODS = (Payment.Method.BANK_TRANSFER, Payment.Method.CASH)
STATEMENT_ERRORS = {
    "not_statement": gettext_noop("This is not a bank statement in CAMT.053 or MT940 format."),
    "encoding": gettext_noop("The characters in the file cannot be read."),
    "not_xml": gettext_noop("The file is not valid XML."),
    "not_camt": gettext_noop("This XML file is not a CAMT.053 bank statement."),
    "no_account": gettext_noop("The statement does not say which account it is of."),
    "empty": gettext_noop("The file holds no statement."),
    "bad_amount": gettext_noop("An entry in the statement has no valid amount."),
    "bad_date": gettext_noop("An entry in the statement has no valid booking date."),
    "unreadable": gettext_noop("The MT940 file cannot be read."),
}
MAX_STATEMENT_BYTES = 5 * 1024 * 1024


def _paid_at(day: date):
    """Noon of `day` in the current time zone: a payment on a statement has a date, not a time."""
    return timezone.make_aware(datetime.combine(day, time(12, 0)))


def _amount_field(value, field: str = "amount") -> Decimal:
    try:
        amount = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        raise ValidationError({field: [_("Enter an amount in euros, e.g. 120.50.")]}) from None
    if not amount.is_finite() or amount != amount.quantize(rules.CENT) or amount <= 0:
        raise ValidationError({field: [_("Enter an amount in euros of more than zero, at most two decimals.")]})
    return amount


def record_payment(invoice, *, method: str, amount, paid_on: date | None, note: str = "", user=None,
                   location=None):
    """The entrepreneur records a transfer or cash received for `invoice`: the whole amount still to pay, on a
    day not after today. The invoice is marked paid (billing.invoices.services.mark_paid) in the same
    transaction that stores the payment."""
    with transaction.atomic():
        location = location or current_location()
        # The invoice is locked first: the same payment sent twice at once is checked and booked once, the second
        # one finds nothing left to pay (tests/faults/test_the_same_form_twice_at_once.py).
        invoice = type(invoice).objects.select_for_update().get(pk=invoice.pk)
        errors: dict[str, list[str]] = {}
        if method not in MANUAL_METHODS:
            errors["method"] = [_("Choose bank transfer or cash.")]
        if not invoice_hooks.is_payable(invoice):
            errors["invoice"] = [_("This invoice has nothing left to pay.")]
        checked = _collect(errors, _amount_field, amount)
        due = invoice_hooks.amount_due(invoice)
        if checked is not None and "invoice" not in errors and checked != due:
            errors["amount"] = [_("The amount must be what is still to pay: € %(due)s. A part payment cannot be "
                                  "recorded; correct the invoice with a credit note first.")
                                % {"due": amount_text(due)}]
        if paid_on is None:
            errors["paid_on"] = [_("Enter the day the money was received.")]
        elif paid_on > location_today(location):
            errors["paid_on"] = [_("The day of payment cannot be in the future.")]
        note = " ".join((note or "").split())
        if len(note) > 300:
            errors["note"] = [_("The note may have at most 300 characters.")]
        if errors:
            raise ValidationError(errors)
        payment = Payment.objects.create(invoice=invoice, method=method, amount=checked,
                                         status=Payment.Status.SUCCEEDED, paid_on=paid_on, note=note,
                                         recorded_by=user)
        invoice_hooks.mark_paid(invoice, paid_at=_paid_at(paid_on),
                                reference=f"{Payment.Method(method).label} {paid_on.isoformat()}")
    return payment


@dataclass
class ImportResult:
    statement: BankStatement | None
    new: int = 0
    already: int = 0
    matched: int = 0
    open: int = 0
    money_out: int = 0
    paid_invoices: list = dataclass_field(default_factory=list)


def _candidates() -> list[rules.Candidate]:
    invoice_model = invoice_hooks.invoice_model()
    out = []
    for invoice in invoice_model.objects.filter(status__in=invoice_hooks.UNPAID, number__isnull=False) \
            .prefetch_related("credit_notes", "reminders"):
        due = invoice_hooks.amount_due(invoice)
        if due <= 0:
            continue
        structured = rules.structured_communication(invoice.number)
        out.append(rules.Candidate(invoice.pk, invoice.number, re.sub(r"\D", "", structured), due))
    return out


def import_statement(*, file, user=None, location=None) -> ImportResult:
    """Read a CAMT.053 or MT940 statement of the location's account and book what parents paid: an entry whose
    reference (structured communication or invoice number) and amount fit one unpaid invoice marks it paid;
    the rest waits for a person. Entries already imported (same key) are left alone, so a file imported
    twice books nothing twice. All or nothing: a file with one unreadable entry stores none."""
    import hashlib

    from billing.payments import statements as reader

    size = getattr(file, "size", None)
    if file is None or not size:
        raise ValidationError({"file": [_("Choose a statement file; this one is empty.")]})
    if size > MAX_STATEMENT_BYTES:
        raise ValidationError({"file": [_("The file is larger than 5 MB; a statement of one account is much "
                                          "smaller. Export a shorter period.")]})
    data = file.read(MAX_STATEMENT_BYTES + 1)
    try:
        parsed = reader.read(data)
    except reader.StatementError as exc:
        raise ValidationError({"file": [_(STATEMENT_ERRORS.get(exc.code, STATEMENT_ERRORS["not_statement"])) + " "
                                        + _("Export the statement from your bank as CAMT.053 (XML) or MT940.")]}) \
            from None
    account = CollectionSettings.load().creditor_iban
    if not account:
        raise ValidationError({"non_field_errors": [_("Enter the location's IBAN under Payments first: a statement "
                                                      "is imported for that account.")]})
    for statement in parsed:
        if statement.account.upper() != account.upper():
            raise ValidationError({"file": [_("This statement is of account %(found)s, not of the location's "
                                              "account %(ours)s.") % {"found": statement.account, "ours": account}]})
    result = ImportResult(statement=None)
    with transaction.atomic():
        candidates = _candidates()
        record = None
        seen: dict[tuple, int] = {}
        for statement in parsed:
            for entry in statement.entries:
                if not entry.credit or entry.amount <= 0:
                    result.money_out += 1
                    continue
                identity = (entry.booking_date, entry.amount, entry.counterparty, entry.text)
                seen[identity] = seen.get(identity, 0) + 1
                key = rules.entry_key(account=account, reference=entry.bank_reference,
                                      booking_date=entry.booking_date, amount=entry.amount,
                                      counterparty=entry.counterparty, text=entry.text, occurrence=seen[identity])
                if StatementEntry.objects.filter(key=key).exists():
                    result.already += 1
                    continue
                if record is None:
                    record = BankStatement.objects.create(
                        format=statement.format, account=account, statement_id=statement.statement_id[:100],
                        file_name=(getattr(file, "name", "") or "")[:200],
                        file_sha256=hashlib.sha256(data).hexdigest(), imported_by=user)
                structured = rules.structured_digits(entry.structured) or rules.structured_digits(entry.text) or ""
                found = rules.match_entry(text=f"{entry.structured} {entry.text}", structured=structured,
                                          amount=entry.amount, candidates=candidates)
                row = StatementEntry.objects.create(
                    statement=record, key=key, booking_date=entry.booking_date, amount=entry.amount,
                    counterparty=entry.counterparty[:140], counterparty_iban=entry.counterparty_iban[:34],
                    text=entry.text[:500], structured=structured, bank_reference=entry.bank_reference[:200],
                    status=StatementEntry.Status.MATCHED if found else StatementEntry.Status.OPEN,
                    invoice_id=found.invoice_id if found else None)
                result.new += 1
                if found is None:
                    result.open += 1
                    continue
                candidates.remove(found)
                invoice = invoice_hooks.invoice_model().objects.get(pk=found.invoice_id)
                _book_entry(row, invoice, user=None)
                result.matched += 1
                result.paid_invoices.append(invoice)
        result.statement = record
    return result


def _book_entry(entry: StatementEntry, invoice, *, user) -> Payment:
    payment = Payment.objects.create(invoice=invoice, method=Payment.Method.BANK_TRANSFER, amount=entry.amount,
                                     status=Payment.Status.SUCCEEDED, paid_on=entry.booking_date,
                                     recorded_by=user, statement_entry=entry)
    invoice_hooks.mark_paid(invoice, paid_at=_paid_at(entry.booking_date),
                            reference=f"{_('bank statement')} {entry.booking_date.isoformat()} {entry.bank_reference}"
                            .strip())
    return payment


def _open_entry(entry: StatementEntry) -> StatementEntry:
    current = StatementEntry.objects.select_for_update().get(pk=entry.pk)
    if current.status != StatementEntry.Status.OPEN:
        raise ValidationError({"entry": [_("This payment has been decided on already.")]})
    return current


@transaction.atomic
def link_entry(entry: StatementEntry, *, invoice, user=None) -> StatementEntry:
    """A person says which invoice a payment left to decide pays: the invoice is marked paid. The amount must be
    what is still to pay on it (no part payments)."""
    current = _open_entry(entry)
    if invoice is None:
        raise ValidationError({"invoice": [_("Choose the invoice this payment is for.")]})
    if not invoice_hooks.is_payable(invoice):
        raise ValidationError({"invoice": [_("This invoice has nothing left to pay.")]})
    due = invoice_hooks.amount_due(invoice)
    if current.amount != due:
        raise ValidationError({"invoice": [_("This payment (€ %(paid)s) is not what is still to pay on invoice "
                                             "%(number)s (€ %(due)s).") % {
                                                "paid": amount_text(current.amount), "due": amount_text(due),
                                                                          "number": invoice.display_number}]})
    current.status = StatementEntry.Status.LINKED
    current.invoice = invoice
    current.decided_by = user
    current.decided_at = timezone.now()
    current.save(update_fields=["status", "invoice", "decided_by", "decided_at"])
    _book_entry(current, invoice, user=user)
    return current


@transaction.atomic
def dismiss_entry(entry: StatementEntry, *, note: str = "", user=None) -> StatementEntry:
    """A person says a payment left to decide is not for an invoice (a gift, a deposit, a refund)."""
    current = _open_entry(entry)
    note = " ".join((note or "").split())
    if len(note) > 300:
        raise ValidationError({"note": [_("The note may have at most 300 characters.")]})
    current.status = StatementEntry.Status.DISMISSED
    current.note = note
    current.decided_by = user
    current.decided_at = timezone.now()
    current.save(update_fields=["status", "note", "decided_by", "decided_at"])
    return current
