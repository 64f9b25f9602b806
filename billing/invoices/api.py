"""Invoices API (location hosts). The entrepreneur reads all, runs a month, credits, agrees payment plans
and exports CSV; a parent reads and downloads her own invoices, credit notes and annual statements."""
from decimal import Decimal

from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import has_role, location_only
from accounts.roles import ENTREPRENEUR, PARENT, request_roles
from billing.invoices import export, selectors, services, statements
from billing.invoices.models import (
    AnnualStatement,
    CreditNote,
    DunningSettings,
    Invoice,
    InvoiceCorrection,
    InvoiceLine,
    Reminder,
)
from tenants.calendar.selectors import location_today
from tenants.contracts.models import Contract

ENTREPRENEUR_ONLY = location_only(has_role(ENTREPRENEUR))
ENTREPRENEUR_OR_PARENT = location_only(has_role(ENTREPRENEUR, PARENT))


def pdf_response(data, filename: str) -> HttpResponse:
    response = HttpResponse(bytes(data or b""), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class LineSerializer(serializers.ModelSerializer):
    class Meta:
        model = InvoiceLine
        fields = ["kind", "description", "quantity", "unit", "unit_price", "amount"]


class ReminderSerializer(serializers.ModelSerializer):
    class Meta:
        model = Reminder
        fields = ["step", "sent_on", "amount", "note"]


class CorrectionSerializer(serializers.ModelSerializer):
    """A correction of the register after the invoice was sent (billing.invoices.register_corrections)."""

    credit_note = serializers.CharField(source="credit_note.display_number", default=None, read_only=True)

    class Meta:
        model = InvoiceCorrection
        fields = ["amount", "explanation", "lines", "credit_note", "correction_invoice", "created_at"]
        read_only_fields = fields


class InvoiceSerializer(serializers.ModelSerializer):
    lines = LineSerializer(many=True, read_only=True)
    reminders = ReminderSerializer(many=True, read_only=True)
    corrections = CorrectionSerializer(many=True, read_only=True)
    amount_due = serializers.DecimalField(max_digits=10, decimal_places=2, read_only=True)

    class Meta:
        model = Invoice
        fields = ["id", "number", "display_number", "kind", "child", "child_name", "parent", "parent_name",
                  "period_start", "period_end", "issue_date", "due_date", "total", "amount_due", "status",
                  "payment_method", "location_name", "lrk_number", "tariff_model", "method_note", "vat_note",
                  "sent_at", "paid_at", "payment_plan_until", "lines", "reminders", "corrections"]
        read_only_fields = fields


class CreditNoteSerializer(serializers.ModelSerializer):
    invoice_number = serializers.CharField(source="invoice.display_number", read_only=True)

    class Meta:
        model = CreditNote
        fields = ["id", "number", "display_number", "invoice", "invoice_number", "issue_date", "reason", "total"]
        read_only_fields = fields


class CreditSerializer(serializers.Serializer):
    amount = serializers.CharField(required=False, allow_null=True, default=None,
                                   help_text="Amount in euros; empty: the whole rest of the invoice.")
    reason = serializers.CharField(max_length=300, allow_blank=True)


class PlanSerializer(serializers.Serializer):
    until = serializers.DateField()


class RunSerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    month = serializers.IntegerField(min_value=1, max_value=12)


class RunProblemSerializer(serializers.Serializer):
    contract = serializers.IntegerField()
    errors = serializers.DictField(child=serializers.ListField(child=serializers.CharField()),
                                   help_text="What stops the contract's invoice, per field.")


class RunResultSerializer(serializers.Serializer):
    created = serializers.IntegerField(help_text="Invoices made now.")
    existing = serializers.IntegerField(help_text="Contracts invoiced for the month before.")
    waiting = serializers.IntegerField(help_text="Contracts whose registered hours are not yet approved.")
    problems = RunProblemSerializer(many=True)


class OneOffLineSerializer(serializers.Serializer):
    description = serializers.CharField(max_length=200)
    quantity = serializers.DecimalField(max_digits=10, decimal_places=3, min_value=Decimal("0.001"),
                                        default=Decimal("1"))
    unit_price = serializers.DecimalField(max_digits=8, decimal_places=2, min_value=Decimal("0"),
                                          help_text="Price in euros.")


class OneOffInvoiceSerializer(serializers.Serializer):
    contract = serializers.PrimaryKeyRelatedField(queryset=Contract.objects.all(),
                                                  help_text="The child's contract; its paying parent gets the invoice.")
    date = serializers.DateField(required=False, help_text="Date of the costs; empty: today.")
    lines = OneOffLineSerializer(many=True, allow_empty=False, max_length=services.ONE_OFF_MAX_LINES)
    send = serializers.BooleanField(default=True, help_text="False: keep it as a draft, to send later.")


class InvoiceViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = InvoiceSerializer

    def get_permissions(self):
        if self.action in ("credit", "payment_plan", "export", "run", "one_off", "issue"):
            return [ENTREPRENEUR_ONLY()]
        return [ENTREPRENEUR_OR_PARENT()]

    def get_queryset(self):
        return selectors.invoices_visible_to(self.request.user, request_roles(self.request)).prefetch_related(
            "lines", "reminders", "credit_notes", "corrections__credit_note")

    @action(detail=True, methods=["get"])
    def pdf(self, request, pk=None):
        invoice = self.get_object()
        return pdf_response(services.invoice_pdf(invoice), f"invoice-{invoice.display_number}.pdf")

    @action(detail=True, methods=["post"], serializer_class=CreditSerializer)
    def credit(self, request, pk=None):
        invoice = self.get_object()
        data = CreditSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        note = services.create_credit_note(invoice, amount=data.validated_data["amount"],
                                           reason=data.validated_data["reason"], user=request.user)
        return Response(CreditNoteSerializer(note).data, status=status.HTTP_201_CREATED)

    @action(detail=True, methods=["post"], url_path="payment-plan", serializer_class=PlanSerializer)
    def payment_plan(self, request, pk=None):
        invoice = self.get_object()
        data = PlanSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        invoice = services.agree_payment_plan(invoice, until=data.validated_data["until"])
        return Response(InvoiceSerializer(invoice).data)

    @extend_schema(responses={(200, "text/csv"): OpenApiTypes.STR})
    @action(detail=False, methods=["get"], url_path="export")
    def export(self, request):
        invoices = self.get_queryset().exclude(status=Invoice.Status.DRAFT).order_by("number")
        year = request.query_params.get("year")
        if year:
            if not (year.isascii() and year.isdigit() and 1 <= int(year) <= 9999):
                return Response({"year": ["Enter a year."]}, status=400)
            invoices = invoices.filter(issue_date__year=int(year))
        notes = CreditNote.objects.select_related("invoice").order_by("number")
        if year:
            notes = notes.filter(issue_date__year=int(year))
        response = HttpResponse(export.invoices_csv(invoices, notes), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="invoices.csv"'
        return response

    @action(detail=False, methods=["post"], url_path="one-off", serializer_class=OneOffInvoiceSerializer)
    def one_off(self, request):
        """Issue (or draft) an invoice with free lines to the paying parent of a child's contract."""
        data = OneOffInvoiceSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        v = data.validated_data
        invoice = services.create_one_off_invoice(
            v["contract"], lines=[dict(line) for line in v["lines"]],
            costs_date=v.get("date") or location_today(request._request.location), issue=v["send"])
        return Response(InvoiceSerializer(invoice).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={200: InvoiceSerializer})
    @action(detail=True, methods=["post"])
    def issue(self, request, pk=None):
        """Send a draft invoice: number, PDF, e-mail to the paying parent."""
        invoice = services.issue_invoice(self.get_object())
        return Response(InvoiceSerializer(invoice).data)

    @extend_schema(request=RunSerializer, responses={200: RunResultSerializer})
    @action(detail=False, methods=["post"], serializer_class=RunSerializer)
    def run(self, request):
        """Run a month's invoicing now, as the page does: the tariff models whose month is due; idempotent."""
        data = RunSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        location = request._request.location
        result = services.run_month_now(location, data.validated_data["year"], data.validated_data["month"],
                                        location_today(location))
        return Response(result.as_dict())


class CreditNoteViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = CreditNoteSerializer
    permission_classes = [ENTREPRENEUR_OR_PARENT]

    def get_queryset(self):
        return selectors.credit_notes_visible_to(self.request.user, request_roles(self.request))

    @action(detail=True, methods=["get"])
    def pdf(self, request, pk=None):
        note = self.get_object()
        return pdf_response(note.pdf, f"credit-note-{note.display_number}.pdf")


class StatementSerializer(serializers.ModelSerializer):
    child_name = serializers.CharField(source="child.full_name", read_only=True)
    latest = serializers.SerializerMethodField(help_text="Whether this is the version that counts (the newest).")

    class Meta:
        model = AnnualStatement
        fields = ["id", "kind", "year", "version", "latest", "change_reason", "created_at", "child", "child_name",
                  "parent", "period_start", "period_end", "hours", "days", "hourly_rate", "day_rates",
                  "amount_invoiced", "amount_paid", "location_name", "lrk_number"]
        read_only_fields = fields

    def get_latest(self, statement) -> bool:
        return statement.pk in self.context.get("latest", ())


class GenerateStatementsSerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=2000, max_value=2100,
                                    help_text="A statement year whose period has ended (NL: the calendar year; "
                                              "BE-VLG: December of the year before to November).")


class StatementsMadeSerializer(serializers.Serializer):
    created = serializers.IntegerField(help_text="Annual statements made or made anew.")


class StatementViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = StatementSerializer
    permission_classes = [ENTREPRENEUR_OR_PARENT]

    def get_queryset(self):
        return selectors.statements_visible_to(self.request.user, request_roles(self.request))

    def get_serializer_context(self):
        return {**super().get_serializer_context(),
                "latest": selectors.latest_statement_ids(self.get_queryset())}

    @action(detail=True, methods=["get"])
    def pdf(self, request, pk=None):
        statement = self.get_object()
        return pdf_response(statement.pdf, f"annual-statement-{statement.year}-v{statement.version}.pdf")

    @extend_schema(request=GenerateStatementsSerializer, responses={200: StatementsMadeSerializer})
    @action(detail=False, methods=["post"], serializer_class=GenerateStatementsSerializer)
    def generate(self, request):
        if ENTREPRENEUR not in request_roles(request):
            raise PermissionDenied
        if not isinstance(request.data, dict):
            raise ValidationError({"year": [_("Send an object with the year, e.g. {\"year\": 2025}.")]})
        data = GenerateStatementsSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        made = statements.make_statements(data.validated_data["year"],
                                          today=location_today(request._request.location))
        return Response({"created": made})


class DunningSettingsSerializer(serializers.ModelSerializer):
    class Meta:
        model = DunningSettings
        exclude = ["id"]


class DunningSettingsView(APIView):
    permission_classes = [ENTREPRENEUR_ONLY]
    serializer_class = DunningSettingsSerializer

    def get(self, request):
        return Response(DunningSettingsSerializer(DunningSettings.load()).data)

    def patch(self, request):
        """Only the fields sent change; JSON or a form, checked here for type, by the service for the rules."""
        serializer = DunningSettingsSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        row = services.update_dunning_settings(**serializer.validated_data)
        return Response(DunningSettingsSerializer(row).data)


class DunningRunSerializer(serializers.Serializer):
    date = serializers.DateField(help_text="The day the reminders are for; any date in a dry run.")
    dry_run = serializers.BooleanField(default=True,
                                       help_text="True (the default): only show what would be sent, store nothing.")


class DunningStepSerializer(serializers.Serializer):
    invoice = serializers.IntegerField(source="invoice.pk")
    invoice_number = serializers.CharField(source="invoice.display_number")
    parent_name = serializers.CharField(source="invoice.parent_name")
    due_date = serializers.DateField(source="invoice.due_date")
    step = serializers.CharField()
    label = serializers.CharField()
    amount = serializers.DecimalField(max_digits=10, decimal_places=2, help_text="Costs the step adds.")
    note = serializers.CharField()
    sent = serializers.BooleanField(help_text="False in a dry run.")


class DunningRunResultSerializer(serializers.Serializer):
    date = serializers.DateField()
    dry_run = serializers.BooleanField()
    steps = DunningStepSerializer(many=True)


class DunningRunView(APIView):
    """Payment reminders on a given date: a dry run shows what would be sent on any date and stores nothing;
    a real run takes the steps as the daily job does, for today or a day gone by (a letter is never dated in
    the future)."""

    permission_classes = [ENTREPRENEUR_ONLY]
    serializer_class = DunningRunSerializer

    @extend_schema(request=DunningRunSerializer, responses={200: DunningRunResultSerializer})
    def post(self, request):
        data = DunningRunSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        day, dry_run = data.validated_data["date"], data.validated_data["dry_run"]
        if not dry_run and day > location_today(request._request.location):
            raise ValidationError({"date": [_("A real run cannot be dated in the future; a dry run shows what "
                                              "would be sent then.")]})
        steps = services.dunning_run(today=day, dry_run=dry_run)
        return Response(DunningRunResultSerializer({"date": day, "dry_run": dry_run, "steps": steps}).data)
