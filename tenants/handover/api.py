"""API of the daily handover.

- handovers: list and read (staff and the entrepreneur: every child here; a parent: own children only, other
  ids answer 404); write (staff, entrepreneur: creates or completes the child's handover of today);
  `reply` (the child's guardians, staff); `missing` (staff: today's children without a handover).
  Photos come as signed links for the person asking, valid for a few minutes.
"""
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts.permissions import AtLocation, has_role, location_only
from accounts.roles import ENTREPRENEUR, STAFF, request_roles
from tenants.attendance.selectors import local_today
from tenants.children.models import Child
from tenants.children.selectors import children_visible_to
from tenants.handover import rules, selectors, services
from tenants.handover.models import Handover, HandoverReply

WORKERS = location_only(has_role(ENTREPRENEUR, STAFF))
MEMBERS = location_only(AtLocation)


class ReplySerializer(serializers.ModelSerializer):
    class Meta:
        model = HandoverReply
        fields = ["id", "author_name", "text", "created_at"]
        read_only_fields = ["id", "author_name", "created_at"]


class HandoverSerializer(serializers.ModelSerializer):
    child = serializers.PrimaryKeyRelatedField(queryset=Child.objects.all())
    sleep = serializers.CharField(write_only=True, required=False, allow_blank=True,
                                  help_text="Sleep times, e.g. 12:30-14:00, 15:15-15:45")
    naps = serializers.JSONField(read_only=True)
    photos = serializers.SerializerMethodField()
    replies = ReplySerializer(many=True, read_only=True)

    class Meta:
        model = Handover
        fields = ["id", "child", "date", "eating", "sleep", "naps", "nappies", "mood", "behaviour", "activities",
                  "message", "written_at", "updated_at", "photos", "replies"]
        read_only_fields = ["id", "date", "written_at", "updated_at"]

    def get_photos(self, obj) -> list[dict]:
        user = self.context["request"].user
        return [{"id": p.pk, "url": selectors.photo_url(p, user), "expires_in": rules.PHOTO_LINK_SECONDS}
                for p in obj.photos.all()]


class MissingSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    full_name = serializers.CharField()


class HandoverViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                      viewsets.GenericViewSet):
    serializer_class = HandoverSerializer
    lookup_value_converter = "int"

    def get_permissions(self):
        if self.action in ("create", "missing"):
            return [WORKERS()]
        return [MEMBERS()]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Handover.objects.none()
        qs = selectors.handovers_visible_to(self.request.user, request_roles(self.request))
        day = self.request.query_params.get("date")
        if day:
            qs = qs.filter(date=day) if _is_date(day) else qs.none()
        return qs.prefetch_related("photos", "replies")

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        child = data.pop("child")
        if not children_visible_to(self.request.user, request_roles(self.request)).filter(pk=child.pk).exists():
            raise serializers.ValidationError({"child": ["Unknown child."]})
        serializer.instance = services.write_handover(child, day=local_today(), by=self.request.user, **data)

    @extend_schema(request=ReplySerializer, responses={201: ReplySerializer})
    @action(detail=True, methods=["post"])
    def reply(self, request, pk=None):
        handover = self.get_object()
        data = ReplySerializer(data=request.data)
        data.is_valid(raise_exception=True)
        answer = services.reply(handover, by=request.user, roles=request_roles(request),
                                text=data.validated_data["text"])
        return Response(ReplySerializer(answer).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses={200: MissingSerializer(many=True)})
    @action(detail=False, methods=["get"], pagination_class=None)
    def missing(self, request):
        """Today's children whose handover is not yet written."""
        children = selectors.missing_today(local_today())
        return Response([{"id": c.pk, "full_name": c.full_name} for c in children])


def _is_date(text: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True
