"""API for the child file.

- children: list (entrepreneur, staff), read (entrepreneur, staff, the child's guardians), add and change
  (entrepreneur); `mine` lists a parent's own children here; guardians are invited and removed by the
  entrepreneur, who also reads the change log. What a reader gets of a file follows `selectors.FileAccess`.
- pickup-persons and custody-notes: read like the child, written by the entrepreneur.
- corrections: a parent asks for a correction of their own child's file; the entrepreneur accepts or rejects.
"""
from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts.models import User
from accounts.permissions import AtLocation, has_role, location_only
from accounts.roles import ENTREPRENEUR, PARENT, STAFF, request_roles
from tenants.children import selectors, services
from tenants.children.models import Child, ChildChange, CorrectionRequest, CustodyNote, PickupPerson
from tenants.groups.models import Group

ENTREPRENEUR_ONLY = location_only(has_role(ENTREPRENEUR))
WORKERS = location_only(has_role(ENTREPRENEUR, STAFF))
MEMBERS = location_only(AtLocation)


class GuardianSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ["id", "full_name", "email"]


class PickupPersonSerializer(serializers.ModelSerializer):
    child = serializers.PrimaryKeyRelatedField(queryset=Child.objects.all())

    class Meta:
        model = PickupPerson
        fields = ["id", "child", "name", "relation", "phone", "birth_date", "is_minor", "permission_signed_on"]


class CustodyNoteSerializer(serializers.ModelSerializer):
    child = serializers.PrimaryKeyRelatedField(queryset=Child.objects.all())
    weekdays = serializers.ListField(child=serializers.IntegerField(min_value=0, max_value=6), allow_empty=True,
                                     help_text="0 = Monday … 6 = Sunday")

    class Meta:
        model = CustodyNote
        fields = ["id", "child", "person_name", "may_pick_up", "weekdays", "court_order", "valid_from",
                  "valid_until", "notes"]


class ChildSerializer(serializers.ModelSerializer):
    """The child file. `bsn` and `medical_notes` are left out for readers who may not see them."""

    bsn = serializers.CharField(max_length=20, required=False, allow_blank=True)
    group = serializers.PrimaryKeyRelatedField(queryset=Group.objects.all(), required=False, allow_null=True)
    guardians = GuardianSerializer(many=True, read_only=True)
    pickup_persons = PickupPersonSerializer(many=True, read_only=True)
    custody_notes = CustodyNoteSerializer(many=True, read_only=True)

    class Meta:
        model = Child
        fields = ["id", "first_name", "last_name", "birth_date", "bsn", "gp_name", "gp_phone", "allergies", "diet",
                  "medication", "medical_notes", "group", "guardians", "pickup_persons", "custody_notes"]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        access = self.context.get("access")
        if access is not None:
            if not access.bsn(instance):
                data.pop("bsn", None)
            if not access.medical_notes(instance):
                data.pop("medical_notes", None)
        return data


class ChildChangeSerializer(serializers.ModelSerializer):
    class Meta:
        model = ChildChange
        fields = ["id", "at", "actor_name", "action", "field", "old_value", "new_value"]


class InviteGuardianSerializer(serializers.Serializer):
    email = serializers.EmailField()
    full_name = serializers.CharField(max_length=200, required=False, allow_blank=True)


class RemoveGuardianSerializer(serializers.Serializer):
    user = serializers.IntegerField()


def file_queryset(qs):
    return qs.prefetch_related(
        Prefetch("guardians", queryset=User.objects.order_by("full_name")), "pickup_persons", "custody_notes")


class ChildViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                   mixins.UpdateModelMixin, viewsets.GenericViewSet):
    serializer_class = ChildSerializer
    lookup_value_converter = "int"

    def get_permissions(self):
        if self.action in ("create", "update", "partial_update", "guardians", "remove_guardian", "changes"):
            return [ENTREPRENEUR_ONLY()]
        if self.action == "list":
            return [WORKERS()]
        return [MEMBERS()]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # drf-spectacular building the schema: no request
            return Child.objects.none()
        return file_queryset(selectors.children_visible_to(self.request.user, request_roles(self.request)))

    def get_serializer_context(self):
        context = super().get_serializer_context()
        if not getattr(self, "swagger_fake_view", False):
            context["access"] = selectors.FileAccess(self.request.user, request_roles(self.request))
        return context

    def perform_create(self, serializer):
        serializer.instance = services.create_child(actor=self.request.user, **serializer.validated_data)

    def perform_update(self, serializer):
        serializer.instance = services.update_child(serializer.instance, actor=self.request.user,
                                                    **serializer.validated_data)

    @extend_schema(responses=ChildSerializer(many=True))
    @action(detail=False, methods=["get"], pagination_class=None)
    def mine(self, request):
        """The requesting parent's own children at this location."""
        children = file_queryset(selectors.children_of_parent(request.user))
        return Response(self.get_serializer(children, many=True).data)

    @extend_schema(request=InviteGuardianSerializer, responses={201: GuardianSerializer})
    @action(detail=True, methods=["post"])
    def guardians(self, request, pk=None):
        """Invite a guardian by e-mail: an existing account is linked, a new one is made and invited."""
        child = self.get_object()
        data = InviteGuardianSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = services.invite_guardian(child, actor=request.user, location=request._request.location,
                                        **data.validated_data)
        return Response(GuardianSerializer(user).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=RemoveGuardianSerializer, responses={204: None})
    @action(detail=True, methods=["post"], url_path="remove-guardian")
    def remove_guardian(self, request, pk=None):
        child = self.get_object()
        data = RemoveGuardianSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = child.guardians.filter(pk=data.validated_data["user"]).first()
        if user is None:
            return Response({"user": ["This person is not a guardian of the child."]}, status=400)
        services.remove_guardian(child, user, actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(responses={200: ChildChangeSerializer(many=True)})
    @action(detail=True, methods=["get"])
    def changes(self, request, pk=None):
        """The change log of the child's file (entrepreneur)."""
        child = self.get_object()
        page = self.paginate_queryset(selectors.changes_of(child))
        return self.get_paginated_response(ChildChangeSerializer(page, many=True).data)


class ChildPartViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                       mixins.DestroyModelMixin, viewsets.GenericViewSet):
    """Common ground of pick-up persons and custody notes: visible like the child, written by the entrepreneur."""

    model = None
    lookup_value_converter = "int"

    def get_permissions(self):
        if self.action in ("create", "destroy"):
            return [ENTREPRENEUR_ONLY()]
        return [MEMBERS()]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return self.model.objects.none()
        children = selectors.children_visible_to(self.request.user, request_roles(self.request))
        qs = self.model.objects.filter(child__in=children.values("id"))
        child = self.request.query_params.get("child")
        if child and child.isdigit():
            qs = qs.filter(child_id=int(child))
        return qs


class PickupPersonViewSet(ChildPartViewSet):
    """People authorised to pick up a child (filter with ?child=<id>)."""

    model = PickupPerson
    serializer_class = PickupPersonSerializer

    def perform_create(self, serializer):
        serializer.instance = services.add_pickup_person(actor=self.request.user, **serializer.validated_data)

    def perform_destroy(self, instance):
        services.remove_pickup_person(instance, actor=self.request.user)


class CustodyNoteViewSet(ChildPartViewSet):
    """Custody notes (court orders on who may or may not pick up on which weekdays); ?child=<id>."""

    model = CustodyNote
    serializer_class = CustodyNoteSerializer

    def perform_create(self, serializer):
        serializer.instance = services.add_custody_note(actor=self.request.user, **serializer.validated_data)

    def perform_destroy(self, instance):
        services.remove_custody_note(instance, actor=self.request.user)


class CorrectionRequestSerializer(serializers.ModelSerializer):
    child = serializers.PrimaryKeyRelatedField(queryset=Child.objects.all())
    requested_by = serializers.StringRelatedField()
    decided_by = serializers.StringRelatedField()

    class Meta:
        model = CorrectionRequest
        fields = ["id", "child", "field", "requested_change", "reason", "status", "requested_by", "created_at",
                  "decided_by", "decided_at", "decision_note"]
        read_only_fields = ["status", "requested_by", "created_at", "decided_by", "decided_at", "decision_note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None and request.user.is_authenticated:
            # A parent can only name their own children; anything else is "does not exist".
            self.fields["child"].queryset = Child.objects.filter(guardians=request.user)


class DecisionSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True)
    value = serializers.CharField(required=False, allow_blank=True,
                                  help_text="The value to store (accept only); by default the requested change.")


class CorrectionRequestViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                               viewsets.GenericViewSet):
    """Correction requests: parents file them for their own child; the entrepreneur decides."""

    serializer_class = CorrectionRequestSerializer
    lookup_value_converter = "int"

    def get_permissions(self):
        if self.action == "create":
            return [location_only(has_role(PARENT))()]
        if self.action in ("accept", "reject"):
            return [ENTREPRENEUR_ONLY()]
        return [location_only(has_role(ENTREPRENEUR, PARENT))()]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return CorrectionRequest.objects.none()
        qs = selectors.corrections_visible_to(self.request.user, request_roles(self.request))
        wanted = self.request.query_params.get("status")
        return qs.filter(status=wanted) if wanted in CorrectionRequest.Status.values else qs

    def perform_create(self, serializer):
        serializer.instance = services.request_correction(requested_by=self.request.user,
                                                          **serializer.validated_data)

    def _decide(self, request, accept: bool):
        correction = self.get_object()
        data = DecisionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.decide_correction(correction, accept=accept, actor=request.user, **data.validated_data)
        return Response(self.get_serializer(correction).data)

    @extend_schema(request=DecisionSerializer, responses={200: CorrectionRequestSerializer})
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        """Accept: the requested change (or `value`) is stored in the child's file."""
        return self._decide(request, True)

    @extend_schema(request=DecisionSerializer, responses={200: CorrectionRequestSerializer})
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None):
        return self._decide(request, False)


