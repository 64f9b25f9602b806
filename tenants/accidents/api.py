"""API of the accident register.

- accidents: list and read (staff and the entrepreneur: every report here; a parent: her own children's, other
  ids answer 404); create (staff, entrepreneur: records and signs the report — `confirmed` must be true — and
  the child's guardians get a message); `complete` (staff, entrepreneur: add the claim number or the moment the
  parent was told).
"""
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts.permissions import AtLocation, has_role, location_only
from accounts.roles import ENTREPRENEUR, STAFF, request_roles
from tenants.accidents import selectors, services
from tenants.accidents.models import Accident
from tenants.children.models import Child
from tenants.children.selectors import children_visible_to

WORKERS = location_only(has_role(ENTREPRENEUR, STAFF))
MEMBERS = location_only(AtLocation)


class AccidentSerializer(serializers.ModelSerializer):
    child = serializers.PrimaryKeyRelatedField(queryset=Child.objects.all())
    confirmed = serializers.BooleanField(write_only=True, required=True,
                                         help_text="True: the staff member confirms the report, which signs it.")

    class Meta:
        model = Accident
        fields = ["id", "child", "happened_at", "place", "kind", "what_happened", "present", "first_aid",
                  "called_112", "doctor_called", "parent_informed_at", "claim_number", "confirmed",
                  "signed_by_name", "signed_at"]
        read_only_fields = ["id", "signed_by_name", "signed_at"]


class AccidentCompleteSerializer(serializers.Serializer):
    claim_number = serializers.CharField(required=False, allow_blank=True, max_length=40)
    parent_informed_at = serializers.DateTimeField(required=False)


class AccidentViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                      viewsets.GenericViewSet):
    serializer_class = AccidentSerializer
    lookup_value_converter = "int"

    def get_permissions(self):
        if self.action in ("create", "complete"):
            return [WORKERS()]
        return [MEMBERS()]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Accident.objects.none()
        return selectors.accidents_visible_to(self.request.user, request_roles(self.request))

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        child = data.pop("child")
        if not children_visible_to(self.request.user, request_roles(self.request)).filter(pk=child.pk).exists():
            raise serializers.ValidationError({"child": ["Unknown child."]})
        serializer.instance = services.record_accident(child, by=self.request.user, **data)

    @extend_schema(request=AccidentCompleteSerializer, responses={200: AccidentSerializer})
    @action(detail=True, methods=["post"])
    def complete(self, request, pk=None):
        accident = self.get_object()
        data = AccidentCompleteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.complete(accident, **data.validated_data)
        return Response(AccidentSerializer(accident).data)
