"""API of consents.

- consents: the decisions (history) visible to the person asking — staff and the entrepreneur: every child here;
  a parent: her own children; create: a guardian gives (`given: true`) or withdraws a consent for her child
  (`kind`, optionally the `version` of the text she read).
- consents/allowed: {child id: {kind: may}} for the children the person may see.
"""
from drf_spectacular.utils import OpenApiTypes, extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts.permissions import AtLocation, location_only
from accounts.roles import request_roles
from tenants.children.models import Child
from tenants.children.selectors import children_visible_to
from tenants.consents import rules, selectors, services
from tenants.consents.models import ConsentDecision

MEMBERS = location_only(AtLocation)


class ConsentDecisionSerializer(serializers.ModelSerializer):
    child = serializers.PrimaryKeyRelatedField(queryset=Child.objects.all())
    kind = serializers.ChoiceField(choices=rules.KINDS)
    version = serializers.IntegerField(required=False, write_only=True,
                                       help_text="The version of the text the parent read.")
    text_version = serializers.IntegerField(source="text.version", read_only=True)

    class Meta:
        model = ConsentDecision
        fields = ["id", "child", "kind", "given", "version", "text_version", "decided_by_name", "decided_at"]
        read_only_fields = ["id", "text_version", "decided_by_name", "decided_at"]


class ConsentDecisionViewSet(mixins.ListModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet):
    serializer_class = ConsentDecisionSerializer
    permission_classes = [MEMBERS]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ConsentDecision.objects.none()
        children = children_visible_to(self.request.user, request_roles(self.request))
        return ConsentDecision.objects.filter(child__in=children).select_related("text")

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        child = data.pop("child")
        if not children_visible_to(self.request.user, request_roles(self.request)).filter(pk=child.pk).exists():
            raise serializers.ValidationError({"child": ["Unknown child."]})
        serializer.instance = services.decide(child, by=self.request.user, **data)

    @extend_schema(responses={200: OpenApiTypes.OBJECT})
    @action(detail=False, methods=["get"], pagination_class=None)
    def allowed(self, request):
        """What each child the person may see is allowed: {child id: {kind: true/false}}."""
        ids = children_visible_to(request.user, request_roles(request)).values_list("pk", flat=True)
        return Response({str(k): v for k, v in selectors.allowed_by_child(ids).items()})
