"""API of the house rules.

- house-rules: list and read the versions (everyone at the location: entrepreneur, staff, parents), each with
  whether the asking parent acknowledged it; create (the entrepreneur: announces the next version, the parents
  are told); `acknowledge` (a parent: she received and read this version); `correct` (the entrepreneur: another
  effective date, or the change is to the family's disadvantage after all). A change to the family's
  disadvantage takes effect two months after it is announced at the earliest (seed 003 §4.5.3).
"""
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts.permissions import has_role, location_only
from accounts.roles import ENTREPRENEUR, PARENT, STAFF, request_roles
from tenants.house_rules import services
from tenants.house_rules.models import HouseRulesVersion

MEMBERS = location_only(has_role(ENTREPRENEUR, STAFF, PARENT))
ENTREPRENEURS = location_only(has_role(ENTREPRENEUR))
PARENTS = location_only(has_role(PARENT))


class HouseRulesVersionSerializer(serializers.ModelSerializer):
    acknowledged_by_me = serializers.SerializerMethodField()
    has_document = serializers.SerializerMethodField()

    class Meta:
        model = HouseRulesVersion
        fields = ["id", "number", "text", "summary", "disadvantageous", "announced_on", "effective_on",
                  "corrected_at", "has_document", "acknowledged_by_me"]
        read_only_fields = ["id", "number", "announced_on", "corrected_at"]

    def get_acknowledged_by_me(self, obj) -> bool:
        return obj.acknowledgements.filter(user=self.context["request"].user).exists()

    def get_has_document(self, obj) -> bool:
        return bool(obj.document)


class HouseRulesCorrectionSerializer(serializers.Serializer):
    effective_on = serializers.DateField(required=False)
    disadvantageous = serializers.BooleanField(required=False, allow_null=True, default=None)


class AcknowledgementSerializer(serializers.Serializer):
    version = serializers.IntegerField()
    acknowledged_at = serializers.DateTimeField()


class HouseRulesViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                        viewsets.GenericViewSet):
    serializer_class = HouseRulesVersionSerializer
    queryset = HouseRulesVersion.objects.all()
    lookup_value_converter = "int"

    def get_permissions(self):
        if self.action in ("create", "correct"):
            return [ENTREPRENEURS()]
        if self.action == "acknowledge":
            return [PARENTS()]
        return [MEMBERS()]

    def perform_create(self, serializer):
        data = serializer.validated_data
        serializer.instance = services.announce_version(
            by=self.request.user, effective_on=data.get("effective_on"), text=data.get("text", ""),
            summary=data.get("summary", ""), disadvantageous=data.get("disadvantageous", False))

    @extend_schema(request=None, responses={201: AcknowledgementSerializer})
    @action(detail=True, methods=["post"])
    def acknowledge(self, request, pk=None):
        record = services.acknowledge(self.get_object(), user=request.user, roles=request_roles(request))
        return Response({"version": record.version_id, "acknowledged_at": record.acknowledged_at},
                        status=status.HTTP_201_CREATED)

    @extend_schema(request=HouseRulesCorrectionSerializer, responses={200: HouseRulesVersionSerializer})
    @action(detail=True, methods=["post"])
    def correct(self, request, pk=None):
        data = HouseRulesCorrectionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        version = services.correct_version(self.get_object(), by=request.user, **data.validated_data)
        return Response(HouseRulesVersionSerializer(version, context={"request": request}).data)
