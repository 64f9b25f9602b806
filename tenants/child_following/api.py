"""API of following each child.

- observations: list and read (the entrepreneur: all; staff: those of the groups they work with today, and a
  child's earlier groups only with the parent's consent to hand over; a parent: her own children's; other ids
  answer 404); create (entrepreneur, staff of the child's group).
- following-summaries: list and read with the same visibility; `respond` (a parent of the child: a comment and
  the confirmation that the summary was discussed with her).
Advisers and other locations are refused.
"""
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts.permissions import has_role, location_only
from accounts.roles import ENTREPRENEUR, PARENT, STAFF, request_roles
from tenants.calendar.selectors import location_today
from tenants.child_following import selectors, services
from tenants.child_following.models import Observation, ParentResponse, Summary
from tenants.children.models import Child

MEMBERS = location_only(has_role(ENTREPRENEUR, STAFF, PARENT))
WORKERS = location_only(has_role(ENTREPRENEUR, STAFF))


class ObservationSerializer(serializers.ModelSerializer):
    child = serializers.PrimaryKeyRelatedField(queryset=Child.objects.all())

    class Meta:
        model = Observation
        fields = ["id", "child", "area", "observed_on", "text", "written_by_name", "created_at"]
        read_only_fields = ["id", "written_by_name", "created_at"]


class ResponseSerializer(serializers.ModelSerializer):
    class Meta:
        model = ParentResponse
        fields = ["user_name", "comment", "confirmed_discussed", "updated_at"]
        read_only_fields = ["user_name", "updated_at"]


class SummarySerializer(serializers.ModelSerializer):
    responses = ResponseSerializer(many=True, read_only=True)

    class Meta:
        model = Summary
        fields = ["id", "child", "kind", "period_start", "period_end", "text", "discussed_on", "written_by_name",
                  "created_at", "responses"]
        read_only_fields = fields


class ObservationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                         viewsets.GenericViewSet):
    serializer_class = ObservationSerializer
    lookup_value_converter = "int"

    def get_permissions(self):
        return [WORKERS()] if self.action == "create" else [MEMBERS()]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Observation.objects.none()
        return selectors.observations_visible_to(self.request.user, request_roles(self.request), location_today())

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        child = data.pop("child")
        roles = request_roles(self.request)
        if not selectors.children_followed_by(self.request.user, roles, location_today()).filter(pk=child.pk).exists():
            raise serializers.ValidationError({"child": ["Unknown child."]})
        serializer.instance = services.record_observation(child, by=self.request.user, roles=roles, **data)


class SummaryViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = SummarySerializer
    lookup_value_converter = "int"

    def get_permissions(self):
        return [MEMBERS()]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Summary.objects.none()
        return (selectors.summaries_visible_to(self.request.user, request_roles(self.request), location_today())
                .prefetch_related("responses"))

    @extend_schema(request=ResponseSerializer, responses={200: ResponseSerializer})
    @action(detail=True, methods=["post"])
    def respond(self, request, pk=None):
        data = ResponseSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        answer = services.respond(self.get_object(), by=request.user, roles=request_roles(request),
                                  comment=data.validated_data.get("comment", ""),
                                  confirmed_discussed=data.validated_data.get("confirmed_discussed", False))
        return Response(ResponseSerializer(answer).data)
