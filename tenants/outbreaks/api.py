"""API of contagious diseases.

- `GET /api/v1/outbreaks/diseases/`: the diseases of the location's list, with the advice and whether the agency
  must be told (always, from a number of cases in a group within days, never).
- `/api/v1/outbreaks/`: list and read — staff and the entrepreneur: every case with the agency's part and the
  internal note; a parent: the notices of her children's groups, anonymous (disease, group, date, advice only);
  create (staff, entrepreneur): records the case and sends the group's parents the anonymous notice by e-mail and
  push. `POST …/{id}/agency-told/` (staff, entrepreneur): when and by whom the agency was told.
"""
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import AtLocation, has_role, location_only
from accounts.roles import ENTREPRENEUR, STAFF, request_roles
from tenants.groups.models import Group
from tenants.outbreaks import rules, selectors, services
from tenants.outbreaks.models import ContagiousCase

WORKERS = location_only(has_role(ENTREPRENEUR, STAFF))
MEMBERS = location_only(AtLocation)


class ContagiousDiseaseSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()
    advice = serializers.CharField()
    away = serializers.CharField()
    report = serializers.ChoiceField(choices=[rules.ALWAYS, rules.CLUSTER, rules.NEVER])
    cluster_cases = serializers.IntegerField()
    cluster_days = serializers.IntegerField()


class DiseasesView(APIView):
    permission_classes = [MEMBERS]

    @extend_schema(responses={200: ContagiousDiseaseSerializer(many=True)})
    def get(self, request):
        return Response([{"key": d.key, "label": _(d.label), "advice": _(d.advice), "away": _(d.away) if d.away
                          else "", "report": d.report, "cluster_cases": d.cluster_cases,
                          "cluster_days": d.cluster_days} for d in selectors.diseases_here()])


class ContagiousNoticeSerializer(serializers.ModelSerializer):
    """What a parent reads: anonymous."""

    group_name = serializers.CharField(source="group.name", read_only=True)
    disease_label = serializers.SerializerMethodField()

    class Meta:
        model = ContagiousCase
        fields = ["id", "disease", "disease_label", "group_name", "noticed_on", "advice"]

    def get_disease_label(self, obj) -> str:
        disease = selectors.disease_of(obj)
        return _(disease.label) if disease else obj.disease


class ContagiousCaseSerializer(ContagiousNoticeSerializer):
    group = serializers.PrimaryKeyRelatedField(queryset=Group.objects.all())
    advice = serializers.CharField(required=False, allow_blank=True,
                                   help_text="Empty: the list's advice for the disease. Never a child's name.")
    agency_told_by = serializers.SerializerMethodField()

    class Meta:
        model = ContagiousCase
        fields = ["id", "group", "group_name", "disease", "disease_label", "noticed_on", "advice", "note",
                  "agency_must_tell", "agency_reason", "cases_in_window", "agency_told_at", "agency_told_by",
                  "agency_reference", "recipients", "recorded_at"]
        read_only_fields = ["id", "agency_must_tell", "agency_reason", "cases_in_window", "agency_told_at",
                            "agency_reference", "recipients", "recorded_at"]

    def get_agency_told_by(self, obj) -> str | None:
        return obj.agency_told_by.full_name if obj.agency_told_by_id and obj.agency_told_by else None


class AgencyToldSerializer(serializers.Serializer):
    told_at = serializers.DateTimeField(required=False, help_text="Default: now.")
    reference = serializers.CharField(required=False, allow_blank=True, max_length=200)


class CaseViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                  viewsets.GenericViewSet):
    lookup_value_converter = "int"

    def get_permissions(self):
        if self.action in ("create", "agency_told"):
            return [WORKERS()]
        return [MEMBERS()]

    def is_worker(self) -> bool:
        return bool(request_roles(self.request) & {ENTREPRENEUR, STAFF})

    def get_serializer_class(self):
        if getattr(self, "swagger_fake_view", False) or self.is_worker():
            return ContagiousCaseSerializer
        return ContagiousNoticeSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ContagiousCase.objects.none()
        return selectors.cases_visible_to(self.request.user, request_roles(self.request))

    def perform_create(self, serializer):
        data = serializer.validated_data
        serializer.instance = services.record_case(by=self.request.user, group=data["group"],
                                                   disease=data["disease"], noticed_on=data["noticed_on"],
                                                   advice=data.get("advice", ""), note=data.get("note", ""))

    @extend_schema(request=AgencyToldSerializer, responses={200: ContagiousCaseSerializer})
    @action(detail=True, methods=["post"], url_path="agency-told")
    def agency_told(self, request, pk=None):
        data = AgencyToldSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        case = services.record_agency_told(self.get_object(), by=request.user, **data.validated_data)
        return Response(ContagiousCaseSerializer(case).data, status=status.HTTP_200_OK)
