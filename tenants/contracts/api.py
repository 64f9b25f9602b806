"""Contracts API. The entrepreneur manages; a parent reads and signs her own children's contracts; staff
read the schedules only. Change requests: a parent asks (new schedule, end, another wish) and may cancel
while it is open; the entrepreneur lists and answers."""
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import has_role, location_only
from accounts.roles import ENTREPRENEUR, PARENT, STAFF, request_roles
from tenants.children.models import Child
from tenants.contracts import selectors, services
from tenants.contracts.models import (
    CareType,
    ChangeRequest,
    Contract,
    ContractSettings,
    ContractVersion,
    EvaluationTask,
    ScheduleType,
)
from tenants.groups.models import Group

ENTREPRENEUR_ONLY = location_only(has_role(ENTREPRENEUR))
ENTREPRENEUR_OR_PARENT = location_only(has_role(ENTREPRENEUR, PARENT))
PARENT_ONLY = location_only(has_role(PARENT))
ENTREPRENEUR_OR_STAFF = location_only(has_role(ENTREPRENEUR, STAFF))


def client_ip(request) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


def pdf_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(bytes(data), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class VersionSerializer(serializers.ModelSerializer):
    group_name = serializers.CharField(source="group.name", default=None, read_only=True)

    class Meta:
        model = ContractVersion
        fields = ["number", "effective_from", "group", "group_name", "start_date", "end_date", "schedule_type",
                  "schedule", "estimated_hours_per_quarter", "is_reduction", "requested_on", "note", "created_at",
                  "document_sha256", "signed_at", "signed_name", "signed_ip"]
        read_only_fields = fields


class ContractSerializer(serializers.ModelSerializer):
    child_name = serializers.CharField(source="child.full_name", read_only=True)
    current_version = serializers.SerializerMethodField()

    class Meta:
        model = Contract
        fields = ["id", "child", "child_name", "care_type", "status", "start_date", "end_date", "notice_given_on",
                  "notice_by", "current_version"]
        read_only_fields = fields

    @extend_schema(responses=VersionSerializer)
    def get_current_version(self, obj) -> dict | None:
        version = obj.current_version
        return VersionSerializer(version).data if version else None


class ScheduleFields(serializers.Serializer):
    schedule_type = serializers.ChoiceField(choices=ScheduleType.choices)
    schedule = serializers.JSONField(required=False, default=list,
                                     help_text='Weeks of care days: [[{"weekday": 0, "start": "08:00", '
                                               '"end": "17:30"}]]; two weeks for an alternating plan, none for '
                                               'a flexible one.')
    estimated_hours_per_quarter = serializers.DecimalField(max_digits=6, decimal_places=1, required=False,
                                                           allow_null=True, min_value=0)
    note = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class NewContractSerializer(ScheduleFields):
    child = serializers.PrimaryKeyRelatedField(queryset=Child.objects.all())
    care_type = serializers.ChoiceField(choices=CareType.choices)
    group = serializers.PrimaryKeyRelatedField(queryset=Group.objects.all())
    start_date = serializers.DateField()
    end_date = serializers.DateField(required=False, allow_null=True, default=None)


class ChangeSerializer(ScheduleFields):
    effective_from = serializers.DateField()
    group = serializers.PrimaryKeyRelatedField(queryset=Group.objects.all(), required=False)
    end_date = serializers.DateField(required=False, allow_null=True)
    requested_on = serializers.DateField(required=False, help_text="When the parent asked (default: today).")


class SignSerializer(serializers.Serializer):
    typed_name = serializers.CharField(max_length=200, allow_blank=True)


class NoticeSerializer(serializers.Serializer):
    party = serializers.ChoiceField(choices=Contract.Party.choices)
    given_on = serializers.DateField(required=False)
    end_date = serializers.DateField(required=False, allow_null=True, default=None)


class ContractViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Contracts: list and read (entrepreneur: all; parent: own children), create and change (entrepreneur),
    sign (parent), notice (entrepreneur), the versions and their PDFs."""

    serializer_class = ContractSerializer
    lookup_value_converter = "int"

    def get_permissions(self):
        if self.action in ("create", "change", "notice", None):  # None: a method the route does not offer
            return [ENTREPRENEUR_ONLY()]
        if self.action == "sign":
            return [PARENT_ONLY()]
        return [ENTREPRENEUR_OR_PARENT()]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Contract.objects.none()
        return selectors.contracts_visible_to(self.request.user, request_roles(self.request))

    @extend_schema(request=NewContractSerializer, responses={201: ContractSerializer})
    def create(self, request):
        serializer = NewContractSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        contract = services.create_contract(**serializer.validated_data, user=request.user)
        return Response(ContractSerializer(contract).data, status=201)

    @extend_schema(request=ChangeSerializer, responses={201: VersionSerializer})
    @action(detail=True, methods=["post"])
    def change(self, request, pk=None):
        contract = self.get_object()
        serializer = ChangeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        version = services.change_contract(contract, **serializer.validated_data, user=request.user)
        return Response(VersionSerializer(version).data, status=201)

    @extend_schema(request=SignSerializer, responses=VersionSerializer)
    @action(detail=True, methods=["post"])
    def sign(self, request, pk=None):
        contract = self.get_object()
        serializer = SignSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        version = services.sign_version(contract.current_version, user=request.user,
                                        typed_name=serializer.validated_data["typed_name"], ip=client_ip(request))
        return Response(VersionSerializer(version).data)

    @extend_schema(request=NoticeSerializer, responses=ContractSerializer)
    @action(detail=True, methods=["post"])
    def notice(self, request, pk=None):
        contract = self.get_object()
        serializer = NoticeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        contract = services.give_notice(contract, **serializer.validated_data)
        return Response(ContractSerializer(contract).data)

    @extend_schema(responses=VersionSerializer(many=True))
    @action(detail=True)
    def versions(self, request, pk=None):
        return Response(VersionSerializer(self.get_object().versions.order_by("number"), many=True).data)

    def _version(self, request):
        contract = self.get_object()
        number = request.query_params.get("version")
        versions = contract.versions.order_by("-number")
        if number:
            if not number.isdigit():
                raise Http404
            versions = versions.filter(number=int(number))
        version = versions.first()
        if version is None:
            raise Http404
        return contract, version

    @extend_schema(responses={(200, "application/pdf"): bytes})
    @action(detail=True)
    def pdf(self, request, pk=None):
        """The contract document of the latest version (or ?version=n), as the parent reads it before signing."""
        contract, version = self._version(request)
        return pdf_response(version.document, f"contract-{contract.pk}-v{version.number}.pdf")

    @extend_schema(responses={(200, "application/pdf"): bytes})
    @action(detail=True, url_path="signed-pdf")
    def signed_pdf(self, request, pk=None):
        """The signed contract (latest signed version, or ?version=n)."""
        contract = self.get_object()
        versions = contract.versions.filter(signed_at__isnull=False).order_by("-number")
        number = request.query_params.get("version")
        if number:
            versions = versions.filter(number=int(number)) if number.isdigit() else versions.none()
        version = versions.first()
        if version is None:
            raise Http404("No signed version.")
        return pdf_response(version.signed_document, f"contract-{contract.pk}-v{version.number}-signed.pdf")


class ScheduleSerializer(serializers.Serializer):
    contract = serializers.IntegerField(source="id")
    child = serializers.IntegerField(source="child_id")
    child_name = serializers.CharField(source="child.full_name")
    care_type = serializers.CharField()
    start_date = serializers.DateField()
    end_date = serializers.DateField(allow_null=True)
    group = serializers.SerializerMethodField()
    schedule_type = serializers.SerializerMethodField()
    schedule = serializers.SerializerMethodField()

    def _version(self, obj):
        if not hasattr(obj, "_schedule_version"):
            obj._schedule_version = obj.signed_version
        return obj._schedule_version

    def get_group(self, obj) -> str | None:
        version = self._version(obj)
        return version.group.name if version and version.group else None

    def get_schedule_type(self, obj) -> str | None:
        version = self._version(obj)
        return version.schedule_type if version else None

    def get_schedule(self, obj) -> list:
        version = self._version(obj)
        return version.schedule if version else []


class ScheduleViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """The schedules of signed contracts (staff and entrepreneur): who comes when, in which group."""

    serializer_class = ScheduleSerializer
    permission_classes = [ENTREPRENEUR_OR_STAFF]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Contract.objects.none()
        return selectors.schedules_visible_to(self.request.user, request_roles(self.request))


class ContractSettingsSerializer(serializers.ModelSerializer):
    applies_flemish_rules = serializers.SerializerMethodField()

    class Meta:
        model = ContractSettings
        fields = ["flemish_rules", "applies_flemish_rules", "min_care_days", "max_reductions_total",
                  "max_reductions_per_year", "reduction_notice_months"]

    def get_applies_flemish_rules(self, obj) -> bool:
        return obj.applies_flemish_rules(self.context["location"].jurisdiction)


class SettingsView(APIView):
    """The location's contract settings: the Flemish care-plan rules (entrepreneur)."""

    permission_classes = [ENTREPRENEUR_ONLY]
    serializer_class = ContractSettingsSerializer

    def get(self, request):
        settings = ContractSettings.load()
        return Response(ContractSettingsSerializer(settings, context={"location": request.location}).data)

    def put(self, request):
        serializer = ContractSettingsSerializer(ContractSettings.load(), data=request.data, partial=True,
                                        context={"location": request.location})
        serializer.is_valid(raise_exception=True)
        settings = services.update_settings(**serializer.validated_data)
        return Response(ContractSettingsSerializer(settings, context={"location": request.location}).data)

    patch = put


class EvaluationSerializer(serializers.ModelSerializer):
    child_name = serializers.CharField(source="contract.child.full_name", read_only=True)

    class Meta:
        model = EvaluationTask
        fields = ["id", "contract", "child_name", "kind", "due_date", "done_at", "notes"]
        read_only_fields = ["id", "contract", "child_name", "kind", "due_date", "done_at"]


class EvaluationViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """Evaluation tasks (trial and yearly) for the entrepreneur; ?open=1 for the ones not done yet."""

    serializer_class = EvaluationSerializer
    permission_classes = [ENTREPRENEUR_ONLY]
    lookup_value_converter = "int"

    def get_queryset(self):
        qs = EvaluationTask.objects.select_related("contract__child")
        if self.request.query_params.get("open"):
            qs = qs.filter(done_at__isnull=True)
        return qs

    @extend_schema(request=EvaluationSerializer, responses=EvaluationSerializer)
    @action(detail=True, methods=["post"])
    def done(self, request, pk=None):
        task = self.get_object()
        notes = request.data.get("notes", "")
        if not isinstance(notes, str):
            raise serializers.ValidationError({"notes": ["Give the notes as text."]})
        return Response(EvaluationSerializer(services.complete_evaluation(task, user=request.user, notes=notes)).data)


class ChangeRequestSerializer(serializers.ModelSerializer):
    child = serializers.IntegerField(source="contract.child_id", read_only=True)
    child_name = serializers.CharField(source="contract.child.full_name", read_only=True)
    version = serializers.IntegerField(source="version.number", default=None, read_only=True,
                                       help_text="The contract version made when a new schedule was accepted.")

    class Meta:
        model = ChangeRequest
        fields = ["id", "contract", "child", "child_name", "kind", "effective_from", "schedule_type", "schedule",
                  "estimated_hours_per_quarter", "end_date", "message", "requested_at", "status", "answer",
                  "answered_at", "version"]
        read_only_fields = fields


class NewChangeRequestSerializer(serializers.Serializer):
    contract = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=ChangeRequest.Kind.choices)
    effective_from = serializers.DateField(required=False, allow_null=True, default=None,
                                           help_text="For a new schedule: the day it starts.")
    schedule_type = serializers.ChoiceField(choices=ScheduleType.choices, required=False, allow_blank=True,
                                            default="")
    schedule = serializers.JSONField(required=False, default=list,
                                     help_text='For a new schedule, as for a contract: [[{"weekday": 0, "start": '
                                               '"08:00", "end": "17:30"}]].')
    estimated_hours_per_quarter = serializers.DecimalField(max_digits=6, decimal_places=1, required=False,
                                                           allow_null=True, min_value=0, default=None)
    end_date = serializers.DateField(required=False, allow_null=True, default=None,
                                     help_text="To end the contract: the last day of care.")
    message = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class AnswerChangeRequestSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=[("accept", "accept"), ("refuse", "refuse")])
    answer = serializers.CharField(max_length=2000, required=False, allow_blank=True, default="")


class ChangeRequestViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                           viewsets.GenericViewSet):
    """A parent's requests to change a contract: list and read (entrepreneur: all; parent: her own), create and
    cancel (parent, while open), answer (entrepreneur). ?open=1 lists the open ones only."""

    lookup_value_converter = "int"

    def get_permissions(self):
        if self.action in ("create", "cancel"):
            return [PARENT_ONLY()]
        if self.action in ("answer", None):
            return [ENTREPRENEUR_ONLY()]
        return [ENTREPRENEUR_OR_PARENT()]

    def get_serializer_class(self):
        return {"create": NewChangeRequestSerializer, "answer": AnswerChangeRequestSerializer}.get(
            self.action, ChangeRequestSerializer)

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ChangeRequest.objects.none()
        qs = selectors.change_requests_visible_to(self.request.user, request_roles(self.request))
        if self.action == "list" and self.request.query_params.get("open"):
            qs = qs.filter(status=ChangeRequest.Status.OPEN)
        return qs

    @extend_schema(request=NewChangeRequestSerializer, responses={201: ChangeRequestSerializer})
    def create(self, request, *args, **kwargs):
        serializer = NewChangeRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        contract = selectors.contracts_visible_to(request.user, {PARENT}).filter(pk=data.pop("contract")).first()
        if contract is None:
            raise serializers.ValidationError({"contract": [_("Choose a contract of one of your children.")]})
        change = services.request_change(contract, **data, by=request.user)
        return Response(ChangeRequestSerializer(change).data, status=201)

    @extend_schema(request=None, responses=ChangeRequestSerializer)
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        return Response(ChangeRequestSerializer(services.cancel_change_request(self.get_object(),
                                                                               by=request.user)).data)

    @extend_schema(request=AnswerChangeRequestSerializer, responses=ChangeRequestSerializer)
    @action(detail=True, methods=["post"])
    def answer(self, request, pk=None):
        change = self.get_object()
        serializer = AnswerChangeRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        change = services.answer_change_request(change, accept=serializer.validated_data["decision"] == "accept",
                                                answer=serializer.validated_data["answer"], by=request.user)
        return Response(ChangeRequestSerializer(change).data)
