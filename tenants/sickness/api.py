"""API of sickness.

- `GET /api/v1/sickness/checklist/`: the location's checklist (every person here): each row with its decision
  (admitted, conditions, not_admitted), condition and when the child may come back, and the fever rule.
- `/api/v1/sickness/records/`: list and read (staff and the entrepreneur: every record here; a parent: her own
  children's, other ids answer 404); create (staff, entrepreneur): the checklist decides and says from when the
  child may come back; `tell_parents` (default: when the child may not stay or only with conditions) sends the
  parents a message. `POST …/{id}/tell-parents/` sends it afterwards.
- On the main domain, `GET /api/v1/health/locations/{slug}/figures/` (cooperative admin, advisers of the location):
  counts only — records per decision and contagious-disease cases per disease this year; no child, no name.
"""
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import AtLocation, cooperative_only, has_role, location_only
from accounts.roles import ADVISER, COOP_ADMIN, ENTREPRENEUR, STAFF, request_roles
from tenants.children.models import Child
from tenants.children.selectors import children_visible_to
from tenants.sickness import rules, selectors, services
from tenants.sickness.models import SicknessRecord

WORKERS = location_only(has_role(ENTREPRENEUR, STAFF))
MEMBERS = location_only(AtLocation)


class SicknessRowSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()
    decision = serializers.ChoiceField(choices=rules.DECISIONS)
    condition = serializers.CharField()
    back = serializers.CharField()
    source = serializers.CharField()
    own = serializers.BooleanField(help_text="Set or changed by the location.")


class SicknessChecklistSerializer(serializers.Serializer):
    key = serializers.CharField()
    name = serializers.CharField()
    fever_from = serializers.DecimalField(max_digits=3, decimal_places=1)
    fever_free_hours = serializers.IntegerField(allow_null=True,
                                                help_text="Hours without fever before the child may come back; "
                                                          "null: no fixed rule.")
    vaccination_exception = serializers.BooleanField()
    rows = SicknessRowSerializer(many=True)


def checklist_data(checklist: rules.Checklist) -> dict:
    return {"key": checklist.key, "name": _(checklist.name), "fever_from": checklist.fever_from,
            "fever_free_hours": checklist.fever_free_hours, "vaccination_exception": checklist.vaccination_exception,
            "rows": [{"key": r.key, "label": _(r.label), "decision": r.decision, "condition": _(r.condition)
                      if r.condition else "", "back": _(r.back) if r.back else "", "source": r.source, "own": r.own}
                     for r in checklist.rows]}


class ChecklistView(APIView):
    permission_classes = [MEMBERS]

    @extend_schema(responses={200: SicknessChecklistSerializer})
    def get(self, request):
        return Response(SicknessChecklistSerializer(checklist_data(selectors.checklist_here())).data)


class SicknessRecordSerializer(serializers.ModelSerializer):
    child = serializers.PrimaryKeyRelatedField(queryset=Child.objects.all())
    temperature = serializers.CharField(required=False, allow_blank=True, allow_null=True,
                                        help_text="°C with one decimal, e.g. 38.2 (or 38,2).")
    symptoms = serializers.ListField(child=serializers.CharField(), required=False,
                                     help_text="Keys of the checklist's rows.")
    observed_at = serializers.DateTimeField(required=False, help_text="Default: now.")
    tell_parents = serializers.BooleanField(required=False, allow_null=True, write_only=True, default=None,
                                            help_text="Send the parents a message; default: when the child may "
                                                      "not stay or only with conditions.")

    class Meta:
        model = SicknessRecord
        fields = ["id", "child", "moment", "observed_at", "temperature", "after_vaccination", "symptoms", "note",
                  "tell_parents", "decision", "reasons", "may_return_at", "parents_told_at", "checklist"]
        read_only_fields = ["id", "decision", "reasons", "may_return_at", "parents_told_at", "checklist"]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["temperature"] = str(instance.temperature) if instance.temperature is not None else None
        return data


class RecordViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                    viewsets.GenericViewSet):
    serializer_class = SicknessRecordSerializer
    lookup_value_converter = "int"

    def get_permissions(self):
        if self.action in ("create", "tell_parents"):
            return [WORKERS()]
        return [MEMBERS()]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return SicknessRecord.objects.none()
        return selectors.records_visible_to(self.request.user, request_roles(self.request))

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        child = data.pop("child")
        if not children_visible_to(self.request.user, request_roles(self.request)).filter(pk=child.pk).exists():
            raise serializers.ValidationError({"child": ["Unknown child."]})
        data.setdefault("observed_at", timezone.now())
        serializer.instance = services.record_sickness(child, by=self.request.user, **data)

    @extend_schema(request=None, responses={200: SicknessRecordSerializer})
    @action(detail=True, methods=["post"], url_path="tell-parents")
    def tell_parents(self, request, pk=None):
        """Send the parents the message about this record (once)."""
        record = services.tell_parents(self.get_object(), by=request.user)
        return Response(SicknessRecordSerializer(record).data, status=status.HTTP_200_OK)


class FiguresView(APIView):
    """Counts only, for the cooperative's health and safety visit."""

    permission_classes = [cooperative_only(has_role(COOP_ADMIN, ADVISER))]

    @extend_schema(parameters=[OpenApiParameter("year", int, required=False)],
                   responses={200: inline_serializer("HealthFigures", {
                       "sickness": serializers.DictField(), "contagious_diseases": serializers.DictField()})})
    def get(self, request, slug):
        from django_tenants.utils import schema_context

        from cooperative.selectors import locations_visible_to
        from tenants.outbreaks import selectors as outbreaks

        location = get_object_or_404(locations_visible_to(request.user), slug=slug)
        year = request.query_params.get("year", "")
        year = int(year) if year.isdigit() and 2000 <= int(year) <= 2100 else timezone.localdate().year
        with schema_context(location.schema_name):
            return Response({"sickness": selectors.figures(year), "contagious_diseases": outbreaks.figures(year)})
