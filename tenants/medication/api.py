"""API of medication (read only; requests are signed and doses recorded on the pages).

- medication/requests: list and read the medication requests (staff and the entrepreneur: every child here;
  a parent: her own children's; other ids answer 404), with the doses given;
- medication/today: staff and the entrepreneur: today's doses due, with whether each is given or late.
"""
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import AtLocation, has_role, location_only
from accounts.roles import ENTREPRENEUR, STAFF, request_roles
from tenants.medication import selectors
from tenants.medication.models import DoseGiven, MedicationRequest

WORKERS = location_only(has_role(ENTREPRENEUR, STAFF))
MEMBERS = location_only(AtLocation)


class DoseSerializer(serializers.ModelSerializer):
    class Meta:
        model = DoseGiven
        fields = ["id", "kind", "due_date", "due_time", "given_at", "given_by_name", "dose", "remarks"]


class RequestSerializer(serializers.ModelSerializer):
    doses = DoseSerializer(many=True, read_only=True)

    class Meta:
        model = MedicationRequest
        fields = ["id", "child", "name", "dose", "times", "start_date", "end_date", "prescribed_by", "in_fridge",
                  "notes", "signed_at", "signed_name", "stopped_at", "doses"]


class RequestViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = RequestSerializer
    permission_classes = [MEMBERS]
    lookup_value_converter = "int"

    def get_queryset(self):
        return (selectors.requests_visible_to(self.request.user, request_roles(self.request))
                .prefetch_related("doses").order_by("-start_date", "pk"))


class DueSerializer(serializers.Serializer):
    request = serializers.IntegerField(source="request.pk")
    child = serializers.IntegerField(source="request.child_id")
    medicine = serializers.CharField(source="request.name")
    due_time = serializers.TimeField()
    given_at = serializers.DateTimeField(source="given.given_at", allow_null=True, default=None)
    overdue = serializers.BooleanField()


class TodayView(APIView):
    permission_classes = [WORKERS]

    @extend_schema(responses=DueSerializer(many=True))
    def get(self, request):
        return Response(DueSerializer(selectors.due_today(), many=True).data)
