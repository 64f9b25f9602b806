"""Payments API on a location's host (the same services as the pages): Stripe onboarding, collection settings,
mandates, online payment, SEPA files, payments recorded by hand and bank statements."""
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.generics import get_object_or_404
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import has_role, location_only
from accounts.roles import ENTREPRENEUR, PARENT, request_roles
from billing.payments import selectors, services
from billing.payments.models import BankStatement, CollectionSettings, Mandate, Payment, SepaFile, StatementEntry
from billing.payments.views import absolute, client_ip, sepa_xml_response

ENTREPRENEUR_ONLY = location_only(has_role(ENTREPRENEUR))
PARENT_ONLY = location_only(has_role(PARENT))
ENTREPRENEUR_OR_PARENT = location_only(has_role(ENTREPRENEUR, PARENT))

UrlSerializer = inline_serializer("PaymentUrl", {"url": serializers.URLField()})


class AccountSerializer(serializers.Serializer):
    account_id = serializers.CharField(allow_null=True)
    details_submitted = serializers.BooleanField()
    charges_enabled = serializers.BooleanField()
    payouts_enabled = serializers.BooleanField()


class AccountView(APIView):
    """The location's Stripe connected account: how far the onboarding is."""

    permission_classes = [ENTREPRENEUR_ONLY]
    serializer_class = AccountSerializer

    def get(self, request):
        account = services.connected_account(request._request.location)
        return Response(AccountSerializer({
            "account_id": account.account_id if account else None,
            "details_submitted": bool(account and account.details_submitted),
            "charges_enabled": bool(account and account.charges_enabled),
            "payouts_enabled": bool(account and account.payouts_enabled),
        }).data)


class OnboardingLinkView(APIView):
    """A fresh link to Stripe's hosted onboarding for the location's connected account."""

    permission_classes = [ENTREPRENEUR_ONLY]

    @extend_schema(request=None, responses={201: UrlSerializer})
    def post(self, request):
        url = services.start_onboarding(return_url=absolute(request, "payments-stripe-return"),
                                        refresh_url=absolute(request, "payments-stripe-refresh"),
                                        email=request.user.email, location=request._request.location)
        return Response({"url": url}, status=201)


class CollectionSettingsSerializer(serializers.ModelSerializer):
    class Meta:
        model = CollectionSettings
        fields = ["method", "creditor_name", "creditor_iban", "creditor_bic", "creditor_id"]


class CollectionSettingsView(APIView):
    permission_classes = [ENTREPRENEUR_ONLY]
    serializer_class = CollectionSettingsSerializer

    def get(self, request):
        return Response(CollectionSettingsSerializer(CollectionSettings.load()).data)

    def put(self, request):
        serializer = CollectionSettingsSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        current = CollectionSettingsSerializer(CollectionSettings.load()).data
        current.update(serializer.validated_data)
        return Response(CollectionSettingsSerializer(services.save_collection_settings(**current)).data)


class MandateSerializer(serializers.ModelSerializer):
    parent_name = serializers.CharField(source="parent.full_name", read_only=True)

    class Meta:
        model = Mandate
        fields = ["id", "reference", "parent", "parent_name", "contract", "method", "account_holder", "iban_masked",
                  "status", "signed_at", "revoked_at"]
        read_only_fields = fields


class NewMandateSerializer(serializers.Serializer):
    account_holder = serializers.CharField(max_length=200, allow_blank=True, required=False, default="")
    iban = serializers.CharField(max_length=50, allow_blank=True)
    bic = serializers.CharField(max_length=11, allow_blank=True, required=False, default="")
    contract = serializers.IntegerField(required=False, allow_null=True, default=None)
    consent = serializers.BooleanField()

    def validate_consent(self, value):
        if not value:
            raise serializers.ValidationError("Consent is needed to give the mandate.")
        return value


class MandateListView(APIView):
    """Mandates: the entrepreneur sees all of the location's; a parent her own, and gives a new one."""

    serializer_class = MandateSerializer

    @extend_schema(operation_id="v1_payments_mandates_list", responses=MandateSerializer(many=True))
    def get(self, request):
        mandates = selectors.mandates_visible_to(request.user, request_roles(request))
        return Response(MandateSerializer(mandates, many=True).data)

    def get_permissions(self):
        return [PARENT_ONLY()] if self.request.method == "POST" else [ENTREPRENEUR_OR_PARENT()]

    @extend_schema(request=NewMandateSerializer, responses={201: MandateSerializer})
    def post(self, request):
        from tenants.contracts.selectors import contracts_visible_to

        serializer = NewMandateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        contract = None
        if data["contract"] is not None:
            contract = contracts_visible_to(request.user, {PARENT}).filter(pk=data["contract"]).first()
            if contract is None:
                raise serializers.ValidationError({"contract": ["Not one of your contracts."]})
        mandate = services.give_mandate(parent=request.user, account_holder=data["account_holder"], iban=data["iban"],
                                        bic=data["bic"], contract=contract, ip=client_ip(request),
                                        user_agent=request.META.get("HTTP_USER_AGENT", ""),
                                        location=request._request.location)
        return Response(MandateSerializer(mandate).data, status=201)


class IdealPaymentView(APIView):
    """Start an iDEAL payment of one of the parent's own invoices: the Stripe Checkout address."""

    permission_classes = [PARENT_ONLY]

    @extend_schema(request=None, responses={201: UrlSerializer})
    def post(self, request, pk):
        invoice = get_object_or_404(selectors.payable_invoices_of(request.user, request_roles(request)), pk=pk)
        back = absolute(request, "payments-ideal-return", pk=invoice.pk)
        url = services.pay_online(invoice, success_url=back + "?status=paid",
                                      cancel_url=back + "?status=cancelled",
                                      language=request.user.language, location=request._request.location)
        return Response({"url": url}, status=201)


class SepaFileSerializer(serializers.ModelSerializer):
    class Meta:
        model = SepaFile
        fields = ["id", "message_id", "collection_date", "transaction_count", "total", "created_at"]
        read_only_fields = fields


class NewSepaFileSerializer(serializers.Serializer):
    collection_date = serializers.DateField()


class SepaFileListView(APIView):
    """The location's pain.008 files (own bank); POST makes the next one."""

    permission_classes = [ENTREPRENEUR_ONLY]
    serializer_class = SepaFileSerializer

    @extend_schema(operation_id="v1_payments_sepa_files_list", responses=SepaFileSerializer(many=True))
    def get(self, request):
        return Response(SepaFileSerializer(selectors.sepa_files_visible_to(request_roles(request)), many=True).data)

    @extend_schema(request=NewSepaFileSerializer, responses={201: SepaFileSerializer})
    def post(self, request):
        serializer = NewSepaFileSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        sepa_file = services.create_sepa_file(collection_date=serializer.validated_data["collection_date"],
                                              user=request.user, location=request._request.location)
        return Response(SepaFileSerializer(sepa_file).data, status=201)


class SepaFileDownloadView(APIView):
    permission_classes = [ENTREPRENEUR_ONLY]

    @extend_schema(operation_id="v1_payments_sepa_files_download", responses={(200, "application/xml"): bytes})
    def get(self, request, pk):
        return sepa_xml_response(get_object_or_404(selectors.sepa_files_visible_to(request_roles(request)), pk=pk))


# --- payments outside Stripe ---------------------------------------------------------------------------------------


class RecordedPaymentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Payment
        fields = ["id", "invoice", "method", "amount", "status", "paid_on", "note", "created_at"]
        read_only_fields = fields


class NewRecordedPaymentSerializer(serializers.Serializer):
    method = serializers.CharField(max_length=20)
    amount = serializers.CharField(max_length=20)
    paid_on = serializers.DateField()
    note = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class RecordPaymentView(APIView):
    """Record a bank transfer or cash received for an unpaid invoice: the invoice is marked paid."""

    permission_classes = [ENTREPRENEUR_ONLY]

    @extend_schema(request=NewRecordedPaymentSerializer, responses={201: RecordedPaymentSerializer})
    def post(self, request, pk):
        invoice = get_object_or_404(selectors.payable_invoices_for_entrepreneur(request_roles(request)), pk=pk)
        serializer = NewRecordedPaymentSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        payment = services.record_payment(invoice, **serializer.validated_data, user=request.user,
                                          location=request._request.location)
        return Response(RecordedPaymentSerializer(payment).data, status=201)


class BankStatementSerializer(serializers.ModelSerializer):
    class Meta:
        model = BankStatement
        fields = ["id", "format", "account", "statement_id", "file_name", "created_at"]
        read_only_fields = fields


class StatementImportResultSerializer(serializers.Serializer):
    statement = BankStatementSerializer(allow_null=True)
    new = serializers.IntegerField()
    already = serializers.IntegerField()
    matched = serializers.IntegerField()
    open = serializers.IntegerField()
    money_out = serializers.IntegerField()
    paid_invoices = serializers.ListField(child=serializers.IntegerField())


class StatementUploadSerializer(serializers.Serializer):
    file = serializers.FileField(required=False, allow_empty_file=True)


class StatementListView(APIView):
    """Imported bank statements; POST a CAMT.053 or MT940 file (multipart, field `file`) to import one."""

    permission_classes = [ENTREPRENEUR_ONLY]
    parser_classes = [MultiPartParser]
    serializer_class = BankStatementSerializer

    @extend_schema(operation_id="v1_payments_statements_list", responses=BankStatementSerializer(many=True))
    def get(self, request):
        statements = selectors.statements_visible_to(request_roles(request))
        return Response(BankStatementSerializer(statements, many=True).data)

    @extend_schema(request={"multipart/form-data": StatementUploadSerializer},
                   responses={201: StatementImportResultSerializer, 200: StatementImportResultSerializer})
    def post(self, request):
        result = services.import_statement(file=request.FILES.get("file"), user=request.user,
                                           location=request._request.location)
        return Response(StatementImportResultSerializer({
            "statement": result.statement, "new": result.new, "already": result.already, "matched": result.matched,
            "open": result.open, "money_out": result.money_out,
            "paid_invoices": [invoice.pk for invoice in result.paid_invoices]}).data,
            status=201 if result.statement else 200)


class StatementEntrySerializer(serializers.ModelSerializer):
    class Meta:
        model = StatementEntry
        fields = ["id", "statement", "booking_date", "amount", "counterparty", "counterparty_iban", "text",
                  "structured", "status", "invoice", "note", "decided_at"]
        read_only_fields = fields


class StatementEntryListView(APIView):
    """Money received from imported statements; `?status=open` for the payments left to decide."""

    permission_classes = [ENTREPRENEUR_ONLY]
    serializer_class = StatementEntrySerializer

    @extend_schema(operation_id="v1_payments_statement_entries_list", responses=StatementEntrySerializer(many=True),
                   parameters=[OpenApiParameter("status", str, enum=list(StatementEntry.Status.values))])
    def get(self, request):
        roles = request_roles(request)
        status = request.query_params.get("status")
        if status is not None and status not in StatementEntry.Status.values:
            raise serializers.ValidationError({"status": [_("Choose one of: %(values)s.")
                                                          % {"values": ", ".join(StatementEntry.Status.values)}]})
        entries = selectors.all_entries(roles)
        if status is not None:
            entries = entries.filter(status=status)
        return Response(StatementEntrySerializer(entries, many=True).data)


class EntryLinkSerializer(serializers.Serializer):
    invoice = serializers.IntegerField()


class EntryDismissSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class StatementEntryLinkView(APIView):
    """Say which unpaid invoice a payment left to decide pays: the invoice is marked paid."""

    permission_classes = [ENTREPRENEUR_ONLY]

    @extend_schema(request=EntryLinkSerializer, responses={200: StatementEntrySerializer})
    def post(self, request, pk):
        roles = request_roles(request)
        entry = get_object_or_404(selectors.entries_to_decide(roles), pk=pk)
        serializer = EntryLinkSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        invoice = selectors.linkable_invoices(roles).filter(pk=serializer.validated_data["invoice"]).first()
        if invoice is None:
            raise serializers.ValidationError({"invoice": [_("No unpaid invoice of this location has this id.")]})
        return Response(StatementEntrySerializer(services.link_entry(entry, invoice=invoice, user=request.user)).data)


class StatementEntryDismissView(APIView):
    """Say a payment left to decide is no invoice payment."""

    permission_classes = [ENTREPRENEUR_ONLY]

    @extend_schema(request=EntryDismissSerializer, responses={200: StatementEntrySerializer})
    def post(self, request, pk):
        entry = get_object_or_404(selectors.entries_to_decide(request_roles(request)), pk=pk)
        serializer = EntryDismissSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        return Response(StatementEntrySerializer(services.dismiss_entry(
            entry, note=serializer.validated_data["note"], user=request.user)).data)
