"""API for putting the past right (all under /api/v1/attendance/corrections/; the rules and who may do what:
tenants.attendance.corrections and correction_views).

- GET `corrections/` (entrepreneur; a parent for their own children): the history, newest first, with what
  each correction did to invoices already sent;
- POST `corrections/absences/` (entrepreneur): an absence on days gone by, with `reported_at` when the parent
  told the location (left out: nobody did, the report is late);
- POST `corrections/stays/{id}/` (entrepreneur; staff for today's and yesterday's stays): a stay's times;
- POST `corrections/absences/{id}/withdraw/`, `corrections/extra-days/{id}/withdraw/` (entrepreneur).

Each POST answers 201 with the stored correction; bad input 400 with the field names; an object the requester
may not touch is answered like one that does not exist (404).
"""
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.roles import ENTREPRENEUR, STAFF, request_roles
from tenants.attendance import corrections, history, selectors
from tenants.attendance.api import ENTREPRENEUR_ONLY, PARENTS_AND_ENTREPRENEUR, WORKERS, _valid, visible_child
from tenants.attendance.models import Absence, ExtraDayRequest, RegisterChange

TAGS = ["attendance"]


class InvoiceCorrectionSerializer(serializers.Serializer):
    invoice = serializers.IntegerField(source="invoice_id")
    invoice_number = serializers.CharField(source="invoice.display_number")
    amount = serializers.DecimalField(max_digits=10, decimal_places=2,
                                      help_text=gettext_lazy("The difference: less is negative."))
    credit_note = serializers.CharField(source="credit_note.display_number", default=None)
    correction_invoice = serializers.IntegerField(source="correction_invoice_id", default=None)
    explanation = serializers.CharField()


class RegisterChangeSerializer(serializers.ModelSerializer):
    summary = serializers.SerializerMethodField()
    invoice_corrections = InvoiceCorrectionSerializer(many=True, read_only=True)

    class Meta:
        model = RegisterChange
        fields = ["id", "child", "child_name", "day", "last_day", "action", "summary", "before", "after", "reason",
                  "actor_name", "at", "invoice_corrections"]

    def get_summary(self, change) -> str:
        return history.summary(change)


class PastAbsenceSerializer(serializers.Serializer):
    child = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=Absence.Kind.choices)
    start_date = serializers.DateField()
    end_date = serializers.DateField(required=False, allow_null=True, default=None)
    reported_at = serializers.DateTimeField(
        required=False, allow_null=True, default=None,
        help_text=gettext_lazy("When the parent told the location; left out: nobody did (the report is late)."))
    reason = serializers.CharField(max_length=2000)


class CorrectTimesSerializer(serializers.Serializer):
    check_in = serializers.TimeField()
    check_out = serializers.TimeField(required=False, allow_null=True, default=None)
    reason = serializers.CharField(max_length=2000)


class WithdrawSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=2000)


def _created(change) -> Response:
    change = RegisterChange.objects.prefetch_related("invoice_corrections__invoice",
                                                     "invoice_corrections__credit_note").get(pk=change.pk)
    return Response(RegisterChangeSerializer(change).data, status=status.HTTP_201_CREATED)


class HistoryView(APIView):
    permission_classes = [PARENTS_AND_ENTREPRENEUR]

    @extend_schema(responses={200: RegisterChangeSerializer(many=True)}, tags=TAGS)
    def get(self, request):
        """The corrections of the register, newest first (at most 200)."""
        changes = history.changes_for(request.user, request_roles(request))[:200]
        return Response(RegisterChangeSerializer(changes, many=True).data)


class PastAbsenceView(APIView):
    permission_classes = [ENTREPRENEUR_ONLY]

    @extend_schema(request=PastAbsenceSerializer, responses={201: RegisterChangeSerializer}, tags=TAGS)
    def post(self, request):
        """Record an absence on days gone by; an invoiced month is corrected at once."""
        data = _valid(PastAbsenceSerializer, request)
        change = corrections.report_past_absence(
            visible_child(request, data["child"]), kind=data["kind"], start_date=data["start_date"],
            end_date=data["end_date"], reported_at=data["reported_at"], reason=data["reason"], by=request.user)
        return _created(change)


class CorrectTimesView(APIView):
    permission_classes = [WORKERS]

    @extend_schema(request=CorrectTimesSerializer, responses={201: RegisterChangeSerializer}, tags=TAGS)
    def post(self, request, pk):
        """Correct the arrival and departure of a stay (times on the stay's own day)."""
        roles = request_roles(request)
        record = selectors.records_for(request.user, roles & {ENTREPRENEUR, STAFF}).filter(pk=pk).first()
        if record is None:
            raise NotFound
        data = _valid(CorrectTimesSerializer, request)
        return _created(corrections.correct_times(record, check_in=data["check_in"], check_out=data["check_out"],
                                                  reason=data["reason"], by=request.user,
                                                  entrepreneur=ENTREPRENEUR in roles))


class WithdrawAbsenceView(APIView):
    permission_classes = [ENTREPRENEUR_ONLY]

    @extend_schema(request=WithdrawSerializer, responses={201: RegisterChangeSerializer}, tags=TAGS)
    def post(self, request, pk):
        """Take an absence report back."""
        absence = selectors.absences_for(request.user, request_roles(request) & {ENTREPRENEUR}).filter(pk=pk).first()
        if absence is None:
            raise NotFound
        data = _valid(WithdrawSerializer, request)
        return _created(corrections.withdraw_absence(absence, reason=data["reason"], by=request.user))


class WithdrawExtraDayView(APIView):
    permission_classes = [ENTREPRENEUR_ONLY]

    @extend_schema(request=WithdrawSerializer, responses={201: RegisterChangeSerializer}, tags=TAGS)
    def post(self, request, pk):
        """Take an accepted extra day back, also one gone by."""
        found = (selectors.extra_days_for(request.user, request_roles(request) & {ENTREPRENEUR})
                 .filter(pk=pk, status=ExtraDayRequest.Status.ACCEPTED).first())
        if found is None:
            raise NotFound
        data = _valid(WithdrawSerializer, request)
        return _created(corrections.withdraw_extra_day(found, reason=data["reason"], by=request.user))
