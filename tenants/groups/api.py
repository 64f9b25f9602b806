"""API for groups, staff members and the day roster.

Groups, staff and roster are read by the entrepreneur and staff, and written by the entrepreneur. Parents
have no access. Inviting a staff member creates (or reuses) the account, the staff membership and profile; the
invitation e-mail goes out after the commit. Inviting again someone who never activated the account answers 200
and sends the invitation again; `invitation` says where it stands, and `reinvite` sends it again.
"""
from datetime import date

from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from accounts.permissions import has_role, location_only
from accounts.roles import ENTREPRENEUR, STAFF, request_roles
from tenants.groups import selectors, services
from tenants.groups.models import Group, Shift, StaffProfile

ENTREPRENEUR_ONLY = location_only(has_role(ENTREPRENEUR))
WORKERS = location_only(has_role(ENTREPRENEUR, STAFF))
READS = ("list", "retrieve")


class WorkerReadEntrepreneurWrite:
    lookup_value_converter = "int"

    def get_permissions(self):
        return [WORKERS()] if self.action in READS else [ENTREPRENEUR_ONLY()]


class GroupSerializer(serializers.ModelSerializer):
    class Meta:
        model = Group
        fields = ["id", "name", "kind", "play_space_m2", "min_age", "max_age"]
        # Uniqueness is checked by the service (one place for page and API).
        extra_kwargs = {"name": {"validators": []}}


class GroupViewSet(WorkerReadEntrepreneurWrite, viewsets.ModelViewSet):
    serializer_class = GroupSerializer
    queryset = Group.objects.all()

    def perform_create(self, serializer):
        serializer.instance = services.create_group(**serializer.validated_data)

    def perform_update(self, serializer):
        serializer.instance = services.update_group(serializer.instance, **serializer.validated_data)

    def perform_destroy(self, instance):
        services.delete_group(instance)


class StaffSerializer(serializers.ModelSerializer):
    email = serializers.EmailField(source="user.email", read_only=True)
    full_name = serializers.CharField(source="user.full_name", read_only=True)
    groups = serializers.PrimaryKeyRelatedField(queryset=Group.objects.all(), many=True, required=False)
    invitation = serializers.SerializerMethodField(help_text=(
        "For the entrepreneur: active (the account is in use), pending (invited, not activated yet), retrying "
        "(the e-mail could not be sent yet; it is tried again), failed (given up: send it again). Empty for staff."))

    class Meta:
        model = StaffProfile
        fields = ["id", "email", "full_name", "job_role", "qualification", "groups", "is_active", "invitation"]
        read_only_fields = ["is_active"]

    @extend_schema_field(serializers.ChoiceField(
        choices=[selectors.INVITATION_ACTIVE, selectors.INVITATION_PENDING, selectors.INVITATION_RETRYING,
                 selectors.INVITATION_FAILED], allow_null=True))
    def get_invitation(self, profile):
        request = self.context.get("request")
        if request is None or ENTREPRENEUR not in request_roles(request):
            return None
        return selectors.invitation_state(profile, request._request.location)


class InviteStaffSerializer(serializers.Serializer):
    email = serializers.EmailField()
    full_name = serializers.CharField(max_length=200, required=False, allow_blank=True)
    job_role = serializers.ChoiceField(choices=StaffProfile.JobRole.choices,
                                       default=StaffProfile.JobRole.PEDAGOGICAL_EMPLOYEE)
    qualification = serializers.CharField(max_length=200, required=False, allow_blank=True)
    groups = serializers.PrimaryKeyRelatedField(queryset=Group.objects.all(), many=True, required=False)


class StaffViewSet(WorkerReadEntrepreneurWrite, mixins.ListModelMixin, mixins.RetrieveModelMixin,
                   mixins.UpdateModelMixin, mixins.DestroyModelMixin, viewsets.GenericViewSet):
    """Staff members. POST invites by e-mail; DELETE ends the person's work here (history stays)."""

    serializer_class = StaffSerializer

    def get_queryset(self):
        return selectors.active_staff()

    @extend_schema(request=InviteStaffSerializer, responses={
        201: StaffSerializer,
        200: OpenApiResponse(StaffSerializer, description="Already a staff member here who never activated the "
                                                          "account: the invitation is sent again."),
    })
    def create(self, request):
        data = InviteStaffSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        profile = services.invite_staff(location=request._request.location, **data.validated_data)
        return Response(StaffSerializer(profile, context=self.get_serializer_context()).data,
                        status=status.HTTP_200_OK if profile.invitation_resent else status.HTTP_201_CREATED)

    @extend_schema(request=None, responses={202: StaffSerializer})
    @action(detail=True, methods=["post"])
    def reinvite(self, request, pk=None):
        """Send the invitation again (not activated yet, or the e-mail could not be delivered)."""
        profile = services.send_invitation_again(self.get_object(), location=request._request.location)
        return Response(StaffSerializer(profile, context=self.get_serializer_context()).data,
                        status=status.HTTP_202_ACCEPTED)

    def perform_update(self, serializer):
        serializer.instance = services.update_staff(serializer.instance, **serializer.validated_data)

    def perform_destroy(self, instance):
        services.remove_staff(instance, location=self.request._request.location)


class ShiftSerializer(serializers.ModelSerializer):
    staff = serializers.PrimaryKeyRelatedField(queryset=StaffProfile.objects.filter(is_active=True))
    staff_name = serializers.CharField(source="staff.user.full_name", read_only=True)
    group_name = serializers.CharField(source="group.name", read_only=True)

    class Meta:
        model = Shift
        fields = ["id", "date", "staff", "staff_name", "group", "group_name", "start_time", "end_time"]


def query_date(request) -> date:
    raw = request.query_params.get("date")
    if not raw:
        return timezone.localdate()
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise ValidationError({"date": ["Give the date as YYYY-MM-DD."]}) from None


class ShiftViewSet(WorkerReadEntrepreneurWrite, viewsets.ModelViewSet):
    """The day roster: which staff member is on which group, when. List one day with ?date= and ?group=."""

    serializer_class = ShiftSerializer

    def get_queryset(self):
        if self.action != "list":
            return Shift.objects.select_related("staff__user", "group")
        shifts = selectors.roster_for(query_date(self.request))
        group = self.request.query_params.get("group")
        if group:
            if not group.isdigit():
                raise ValidationError({"group": ["Give the group's id."]})
            shifts = shifts.filter(group_id=int(group))
        return shifts

    @extend_schema(parameters=[
        OpenApiParameter("date", OpenApiTypes.DATE, description="The day (default: today)"),
        OpenApiParameter("group", OpenApiTypes.INT, description="Only this group"),
    ])
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    def perform_create(self, serializer):
        serializer.instance = services.add_shift(**serializer.validated_data)

    def perform_update(self, serializer):
        serializer.instance = services.update_shift(serializer.instance, **serializer.validated_data)

    def perform_destroy(self, instance):
        services.delete_shift(instance)
