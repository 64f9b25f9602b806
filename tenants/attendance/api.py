"""API of the attendance register (all under /api/v1/attendance/).

- check-in, check-out (entrepreneur, staff): register a child's arrival or departure;
- records (members; a parent their own children's): registered stays;
- register (entrepreneur, staff): planned versus actual for a day;
- planning (entrepreneur, staff): per group and half hour, children versus staff, with violations;
- absences (a parent for their own child, staff and entrepreneur for any child): report and list;
- disputes (a parent for their own child's stay; the entrepreneur lists and resolves);
- extra-days (a parent for their own child; the entrepreneur too): request, decided at once, and list; the
  same request again (a double submit, also two at once) answers 200 with the request already stored (the
  accepted one, or the stored refusal when it is refused again) instead of 201 with a new one;
- swaps (a parent for their own child; the entrepreneur too): swap a contract day for another day, decided at
  once, list and cancel (the same swap again answers 200 with the stored one, as for extra days); staff and
  the entrepreneur list every swap;
- settings (entrepreneur): the location's swap limits;
- records/{id}/late-pickup and absences/{id}/certificate (entrepreneur, staff): a late pick-up announced by
  phone, the day a doctor's certificate came in.

Bad input answers 400 with the field names; a child or stay the requester may not touch is answered like
one that does not exist.
"""
from datetime import date

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import AtLocation, has_role, location_only
from accounts.roles import ENTREPRENEUR, PARENT, STAFF, request_roles
from tenants.attendance import rules, selectors, services
from tenants.attendance.models import (
    Absence,
    AttendanceRecord,
    AttendanceSettings,
    ExtraDayRequest,
    SwapRequest,
    TimeDispute,
)

WORKERS = location_only(has_role(ENTREPRENEUR, STAFF))
ENTREPRENEUR_ONLY = location_only(has_role(ENTREPRENEUR))
MEMBERS = location_only(AtLocation)
PARENTS = location_only(has_role(PARENT))
PARENTS_AND_ENTREPRENEUR = location_only(has_role(PARENT, ENTREPRENEUR))


def visible_child(request, child_id: int, field: str = "child"):
    child = selectors.children_for(request.user, request_roles(request)).filter(pk=child_id).first()
    if child is None:
        raise ValidationError({field: [_("Choose one of your children.") if PARENT in request_roles(request)
                                       and not request_roles(request) & {ENTREPRENEUR, STAFF}
                                       else _("Unknown child.")]})
    return child


def query_date(request, name: str = "date") -> date:
    raw = request.query_params.get(name)
    if not raw:
        return selectors.local_today()
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise ValidationError({name: [_("Give a date as YYYY-MM-DD.")]}) from None


def query_group(request):
    raw = request.query_params.get("group")
    if not raw:
        return None
    group = selectors.groups().filter(pk=int(raw)).first() if raw.isdigit() else None
    if group is None:
        raise ValidationError({"group": [_("Unknown group.")]})
    return group


DATE_PARAM = OpenApiParameter("date", str, description=gettext_lazy("YYYY-MM-DD; today when left out."))
GROUP_PARAM = OpenApiParameter("group", int, description=gettext_lazy("A group id; all groups when left out."))


# --- serializers ----------------------------------------------------------------------------------------


class RecordSerializer(serializers.ModelSerializer):
    child_name = serializers.CharField(source="child.full_name", read_only=True)
    dispute_deadline = serializers.SerializerMethodField()

    class Meta:
        model = AttendanceRecord
        fields = ["id", "child", "child_name", "group", "date", "check_in", "check_out", "registered_at",
                  "dispute_deadline", "late_pickup_announced"]

    def get_dispute_deadline(self, record) -> str:
        return rules.dispute_deadline(record.registered_at).isoformat()


class CheckSerializer(serializers.Serializer):
    child = serializers.IntegerField()
    at = serializers.DateTimeField(required=False, allow_null=True,
                                   help_text=gettext_lazy("When it happened; now when left out."))
    late_pickup_announced = serializers.BooleanField(
        required=False, default=False,
        help_text=gettext_lazy("Check-out only: the parent phoned ahead about a late pick-up."))


class LatePickupSerializer(serializers.Serializer):
    late_pickup_announced = serializers.BooleanField()


class AbsenceSerializer(serializers.ModelSerializer):
    child_name = serializers.CharField(source="child.full_name", read_only=True)
    certificate_due = serializers.SerializerMethodField(
        help_text=gettext_lazy("Hospitalisation and quarantine: the last day for the doctor's certificate."))
    certificate_in_time = serializers.SerializerMethodField()

    class Meta:
        model = Absence
        fields = ["id", "child", "child_name", "kind", "start_date", "end_date", "reason", "reported_at",
                  "reported_late", "fine", "certificate_received_on", "certificate_due", "certificate_in_time"]
        read_only_fields = ["reported_at", "reported_late", "fine", "certificate_received_on"]

    def get_certificate_due(self, absence) -> date | None:
        return selectors.certificate_deadline(absence)

    def get_certificate_in_time(self, absence) -> bool | None:
        deadline = selectors.certificate_deadline(absence)
        if deadline is None:
            return None
        return absence.certificate_received_on is not None and absence.certificate_received_on <= deadline


class AbsenceCertificateSerializer(serializers.Serializer):
    certificate_received_on = serializers.DateField()


class AbsenceCreateSerializer(serializers.Serializer):
    child = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=Absence.Kind.choices)
    start_date = serializers.DateField()
    end_date = serializers.DateField(required=False, allow_null=True)
    reason = serializers.CharField(max_length=2000)


class DisputeSerializer(serializers.ModelSerializer):
    child = serializers.IntegerField(source="record.child_id", read_only=True)
    child_name = serializers.CharField(source="record.child.full_name", read_only=True)

    class Meta:
        model = TimeDispute
        fields = ["id", "record", "child", "child_name", "original_check_in", "original_check_out",
                  "proposed_check_in", "proposed_check_out", "reason", "raised_at", "status", "resolved_at",
                  "resolution_note"]


class DisputeCreateSerializer(serializers.Serializer):
    record = serializers.IntegerField()
    check_in = serializers.TimeField(help_text=gettext_lazy("HH:MM, the arrival according to the parent."))
    check_out = serializers.TimeField(required=False, allow_null=True,
                                      help_text=gettext_lazy("HH:MM, the departure according to the parent."))
    reason = serializers.CharField(max_length=2000)


class DisputeResolveSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=[("accept", "accept"), ("reject", "reject")])
    note = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class ExtraDaySerializer(serializers.ModelSerializer):
    child_name = serializers.CharField(source="child.full_name", read_only=True)
    reasons = serializers.SerializerMethodField()

    class Meta:
        model = ExtraDayRequest
        fields = ["id", "child", "child_name", "group", "date", "start_time", "end_time", "note", "requested_at",
                  "status", "reasons"]

    def get_reasons(self, request) -> list[dict]:
        return [{"code": item["code"], "slot": item.get("slot", ""), "message": services.reason_text(item)}
                for item in request.reasons]


class ExtraDayCreateSerializer(serializers.Serializer):
    child = serializers.IntegerField()
    date = serializers.DateField()
    start_time = serializers.TimeField()
    end_time = serializers.TimeField()
    note = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class SwapSerializer(serializers.ModelSerializer):
    child_name = serializers.CharField(source="child.full_name", read_only=True)
    reasons = serializers.SerializerMethodField()

    class Meta:
        model = SwapRequest
        fields = ["id", "child", "child_name", "group", "give_up_date", "date", "start_time", "end_time", "note",
                  "requested_at", "status", "reasons", "cancelled_at"]

    def get_reasons(self, swap) -> list[dict]:
        return [{"code": item["code"], "slot": item.get("slot", ""), "message": services.reason_text(item)}
                for item in swap.reasons]


class SwapCreateSerializer(serializers.Serializer):
    child = serializers.IntegerField()
    give_up_date = serializers.DateField(help_text=gettext_lazy("The contract day given up."))
    date = serializers.DateField(help_text=gettext_lazy("The new day."))
    start_time = serializers.TimeField()
    end_time = serializers.TimeField()
    note = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class AttendanceSettingsSerializer(serializers.ModelSerializer):
    swaps_per_month = serializers.IntegerField(min_value=0, max_value=31, allow_null=True, required=False,
                                               help_text=gettext_lazy("Empty: no limit; 0: no swaps."))

    class Meta:
        model = AttendanceSettings
        fields = ["swap_same_month", "swaps_per_month"]


class RegisterRowSerializer(serializers.Serializer):
    child = serializers.IntegerField(source="child.pk")
    child_name = serializers.CharField(source="child.full_name")
    group = serializers.IntegerField(source="child.group_id", allow_null=True)
    status = serializers.CharField()
    planned_start = serializers.TimeField(source="planned.start", allow_null=True, default=None)
    planned_end = serializers.TimeField(source="planned.end", allow_null=True, default=None)
    planned_source = serializers.CharField(source="planned.source", allow_null=True, default=None)
    absence = serializers.CharField(source="absence.kind", allow_null=True, default=None)
    records = RecordSerializer(many=True)


class SlotViolationSerializer(serializers.Serializer):
    code = serializers.CharField()
    message = serializers.CharField()


class SlotSerializer(serializers.Serializer):
    start = serializers.TimeField()
    end = serializers.TimeField()
    present = serializers.IntegerField()
    expected = serializers.IntegerField()
    counted = serializers.IntegerField()
    staff = serializers.IntegerField()
    required_staff = serializers.IntegerField(source="result.required_staff", allow_null=True)
    allowed = serializers.BooleanField()
    rule = serializers.CharField()
    violations = SlotViolationSerializer(many=True)


class GroupDaySerializer(serializers.Serializer):
    group = serializers.IntegerField(source="group.pk")
    group_name = serializers.CharField(source="group.name")
    date = serializers.DateField(source="day")
    open = serializers.SerializerMethodField()
    closed_reason = serializers.CharField()
    slots = SlotSerializer(many=True)

    def get_open(self, plan) -> bool:
        return plan.hours is not None


# --- views ----------------------------------------------------------------------------------------------


class CheckInView(APIView):
    permission_classes = [WORKERS]

    @extend_schema(request=CheckSerializer, responses={201: RecordSerializer}, tags=["attendance"])
    def post(self, request):
        data = _valid(CheckSerializer, request)
        record = services.check_in(visible_child(request, data["child"]), by=request.user, at=data.get("at"))
        return Response(RecordSerializer(record).data, status=status.HTTP_201_CREATED)


class CheckOutView(APIView):
    permission_classes = [WORKERS]

    @extend_schema(request=CheckSerializer, responses={200: RecordSerializer}, tags=["attendance"])
    def post(self, request):
        data = _valid(CheckSerializer, request)
        record = services.check_out(visible_child(request, data["child"]), by=request.user, at=data.get("at"),
                                    late_pickup_announced=data["late_pickup_announced"])
        return Response(RecordSerializer(record).data)


def _valid(serializer_class, request):
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


class RecordViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = RecordSerializer
    lookup_value_converter = "int"

    def get_permissions(self):
        return [WORKERS()] if self.action == "late_pickup" else [MEMBERS()]

    def get_serializer_class(self):
        return LatePickupSerializer if self.action == "late_pickup" else RecordSerializer

    @extend_schema(request=LatePickupSerializer, responses={200: RecordSerializer}, tags=["attendance"])
    @action(detail=True, methods=["post"], url_path="late-pickup")
    def late_pickup(self, request, pk=None):
        """Note on a stay that the parent phoned ahead about a late pick-up (no Flemish fine), or take it back."""
        record = self.get_object()
        data = _valid(LatePickupSerializer, request)
        record = services.set_late_pickup_announced(record, announced=data["late_pickup_announced"], by=request.user)
        return Response(RecordSerializer(record).data)

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return AttendanceRecord.objects.none()
        qs = selectors.records_for(self.request.user, request_roles(self.request))
        if self.action == "list":
            if self.request.query_params.get("date"):
                qs = qs.filter(date=query_date(self.request))
            child = self.request.query_params.get("child")
            if child:
                qs = qs.filter(child_id=int(child) if child.isdigit() else 0)
        return qs

    @extend_schema(parameters=[DATE_PARAM, OpenApiParameter("child", int)], tags=["attendance"])
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)


class RegisterView(APIView):
    permission_classes = [WORKERS]

    @extend_schema(parameters=[DATE_PARAM, GROUP_PARAM], responses={200: RegisterRowSerializer(many=True)},
                   tags=["attendance"])
    def get(self, request):
        day, group = query_date(request), query_group(request)
        rows = selectors.day_register(day, group.pk if group else None)
        return Response(RegisterRowSerializer(rows, many=True).data)


class PlanningView(APIView):
    permission_classes = [WORKERS]

    @extend_schema(parameters=[DATE_PARAM, GROUP_PARAM], responses={200: GroupDaySerializer(many=True)},
                   tags=["attendance"])
    def get(self, request):
        day, group = query_date(request), query_group(request)
        plans = [selectors.group_day(item, day) for item in ([group] if group else selectors.groups())]
        return Response(GroupDaySerializer(plans, many=True).data)


class AbsenceViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                     viewsets.GenericViewSet):
    lookup_value_converter = "int"

    def get_permissions(self):
        return [WORKERS()] if self.action == "certificate" else [MEMBERS()]

    def get_serializer_class(self):
        return {"create": AbsenceCreateSerializer, "certificate": AbsenceCertificateSerializer}.get(
            self.action, AbsenceSerializer)

    @extend_schema(request=AbsenceCertificateSerializer, responses={200: AbsenceSerializer}, tags=["attendance"])
    @action(detail=True, methods=["post"])
    def certificate(self, request, pk=None):
        """The day the doctor's certificate of a hospitalisation or quarantine came in."""
        absence = self.get_object()
        data = _valid(AbsenceCertificateSerializer, request)
        absence = services.record_certificate(absence, received_on=data["certificate_received_on"], by=request.user)
        return Response(AbsenceSerializer(absence).data)

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Absence.objects.none()
        return selectors.absences_for(self.request.user, request_roles(self.request))

    @extend_schema(request=AbsenceCreateSerializer, responses={201: AbsenceSerializer}, tags=["attendance"])
    def create(self, request, *args, **kwargs):
        data = _valid(AbsenceCreateSerializer, request)
        absence = services.report_absence(
            visible_child(request, data["child"]), kind=data["kind"], start_date=data["start_date"],
            end_date=data.get("end_date"), reason=data["reason"], by=request.user,
        )
        return Response(AbsenceSerializer(absence).data, status=status.HTTP_201_CREATED)


class DisputeViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                     viewsets.GenericViewSet):
    lookup_value_converter = "int"

    def get_permissions(self):
        if self.action == "create":
            return [PARENTS()]
        if self.action == "resolve":
            return [ENTREPRENEUR_ONLY()]
        return [PARENTS_AND_ENTREPRENEUR()]

    def get_serializer_class(self):
        return {"create": DisputeCreateSerializer, "resolve": DisputeResolveSerializer}.get(
            self.action, DisputeSerializer)

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return TimeDispute.objects.none()
        return selectors.disputes_for(self.request.user, request_roles(self.request))

    @extend_schema(request=DisputeCreateSerializer, responses={201: DisputeSerializer}, tags=["attendance"])
    def create(self, request, *args, **kwargs):
        data = _valid(DisputeCreateSerializer, request)
        record = AttendanceRecord.objects.filter(child__guardians=request.user, pk=data["record"]).first()
        if record is None:
            raise ValidationError({"record": [_("Choose a registered stay of one of your children.")]})
        dispute = services.raise_dispute(record, check_in=data["check_in"], check_out=data.get("check_out"),
                                         reason=data["reason"], by=request.user)
        return Response(DisputeSerializer(dispute).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=DisputeResolveSerializer, responses={200: DisputeSerializer}, tags=["attendance"])
    @action(detail=True, methods=["post"])
    def resolve(self, request, pk=None):
        dispute = self.get_object()
        data = _valid(DisputeResolveSerializer, request)
        dispute = services.resolve_dispute(dispute, accept=data["decision"] == "accept", note=data["note"],
                                           by=request.user)
        return Response(DisputeSerializer(dispute).data)


REPEAT_ANSWER = ("The same request was already stored (a double submit, also two sent at once): the accepted "
                 "request, or the stored refusal when it is refused again. Nothing new is stored.")


class _DayRequestViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                         viewsets.GenericViewSet):
    """Extra days and swaps: members read what they may see (`selector`); parents and the entrepreneur ask
    and cancel. A created request is decided at once: `status` is `accepted` or `refused`, with `reasons`
    in words."""

    lookup_value_converter = "int"
    model = None
    selector = None
    create_serializer = None
    read_serializer = None

    def get_permissions(self):
        if self.action in ("create", "cancel"):
            return [PARENTS_AND_ENTREPRENEUR()]
        return [MEMBERS()]

    def get_serializer_class(self):
        return self.create_serializer if self.action == "create" else self.read_serializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.model.objects.none()
        return type(self).selector(self.request.user, request_roles(self.request))


class ExtraDayViewSet(_DayRequestViewSet):
    """Care on a day outside the contract."""

    model = ExtraDayRequest
    selector = selectors.extra_days_for
    create_serializer = ExtraDayCreateSerializer
    read_serializer = ExtraDaySerializer

    @extend_schema(request=ExtraDayCreateSerializer, tags=["attendance"], responses={
        201: OpenApiResponse(ExtraDaySerializer, description="Decided and stored: accepted or refused."),
        200: OpenApiResponse(ExtraDaySerializer, description=REPEAT_ANSWER)})
    def create(self, request, *args, **kwargs):
        data = _valid(ExtraDayCreateSerializer, request)
        extra, created = services.request_extra_day_once(
            visible_child(request, data["child"]), date=data["date"], start_time=data["start_time"],
            end_time=data["end_time"], note=data["note"], by=request.user,
        )
        return Response(ExtraDaySerializer(extra).data,
                        status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)

    @extend_schema(request=None, responses={200: ExtraDaySerializer}, tags=["attendance"])
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        extra = services.cancel_extra_day(self.get_object(), by=request.user)
        return Response(ExtraDaySerializer(extra).data)


class SwapViewSet(_DayRequestViewSet):
    """Swap a contract day (`give_up_date`) for another day (`date`)."""

    model = SwapRequest
    selector = selectors.swaps_for
    create_serializer = SwapCreateSerializer
    read_serializer = SwapSerializer

    @extend_schema(request=SwapCreateSerializer, tags=["attendance"], responses={
        201: OpenApiResponse(SwapSerializer, description="Decided and stored: accepted or refused."),
        200: OpenApiResponse(SwapSerializer, description=REPEAT_ANSWER)})
    def create(self, request, *args, **kwargs):
        data = _valid(SwapCreateSerializer, request)
        swap, created = services.request_swap_once(
            visible_child(request, data["child"]), give_up_date=data["give_up_date"], date=data["date"],
            start_time=data["start_time"], end_time=data["end_time"], note=data["note"], by=request.user,
        )
        return Response(SwapSerializer(swap).data, status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)

    @extend_schema(request=None, responses={200: SwapSerializer}, tags=["attendance"])
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        swap = services.cancel_swap(self.get_object(), by=request.user)
        return Response(SwapSerializer(swap).data)


class SettingsView(APIView):
    """The location's swap limits (entrepreneur); PATCH changes only the fields sent."""

    permission_classes = [ENTREPRENEUR_ONLY]
    serializer_class = AttendanceSettingsSerializer

    @extend_schema(responses={200: AttendanceSettingsSerializer}, tags=["attendance"])
    def get(self, request):
        return Response(AttendanceSettingsSerializer(AttendanceSettings.load()).data)

    @extend_schema(request=AttendanceSettingsSerializer, responses={200: AttendanceSettingsSerializer},
                   tags=["attendance"])
    def put(self, request):
        return self._save(request, partial=False)

    @extend_schema(request=AttendanceSettingsSerializer, responses={200: AttendanceSettingsSerializer},
                   tags=["attendance"])
    def patch(self, request):
        return self._save(request, partial=True)

    def _save(self, request, partial: bool):
        current = AttendanceSettings.load()
        serializer = AttendanceSettingsSerializer(current, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        data = {"swap_same_month": current.swap_same_month, "swaps_per_month": current.swaps_per_month,
                **serializer.validated_data}
        return Response(AttendanceSettingsSerializer(services.update_settings(**data)).data)
