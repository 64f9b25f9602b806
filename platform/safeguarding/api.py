"""Meldcode API.

At a location (`/api/v1/meldcode/…` on the location's host):
- reports: POST a concern (staff, entrepreneur, parent); GET the status of one's own reports;
- cases: GET the cases routing gives the entrepreneur and in which she is not involved (list and case file;
  any other case answers 404);
- housemates: the staff members who live with the entrepreneur (GET, POST, DELETE).

On the main domain, for the pedagogue only:
- cases: list, case file, POST steps, POST close, GET audit;
- figures: counts per year, route and kind of location.

Every read and write of a case is audited; errors are 400 with field messages.
"""
from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.generics import get_object_or_404  # a malformed id is a 404, not a ValueError
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import cooperative_only, has_role, location_only
from accounts.roles import ENTREPRENEUR, PARENT, PEDAGOGUE, STAFF, request_roles
from safeguarding import access, selectors, services
from safeguarding.models import Case, CaseAuditEntry, CaseStep, Housemate, Outcome, Route, Step

REPORTERS = location_only(has_role(ENTREPRENEUR, STAFF, PARENT))
ENTREPRENEUR_ONLY = location_only(has_role(ENTREPRENEUR))
PEDAGOGUE_ONLY = cooperative_only(has_role(PEDAGOGUE))


class ReportSerializer(serializers.Serializer):
    route = serializers.ChoiceField(choices=Route.choices)
    children = serializers.ListField(child=serializers.IntegerField(), allow_empty=True)
    observed_on = serializers.DateField()
    observed_place = serializers.CharField(allow_blank=True, max_length=500)
    description = serializers.CharField(allow_blank=True, trim_whitespace=True)
    subject = serializers.IntegerField(required=False, allow_null=True,
                                       help_text="Route 2: the account id of the staff member or entrepreneur.")
    subject_is_housemate = serializers.BooleanField(
        required=False, default=False,
        help_text="Route 2: the staff member chosen as subject lives with the entrepreneur (pedagogue only).")
    housemate_name = serializers.CharField(required=False, allow_blank=True, max_length=200)
    housemate_relation = serializers.CharField(required=False, allow_blank=True, max_length=200)


class ReportStatusSerializer(serializers.ModelSerializer):
    status_label = serializers.CharField(source="get_status_display")

    class Meta:
        model = Case
        fields = ["id", "reference", "route", "status", "status_label", "reported_on"]


class CaseStepSerializer(serializers.ModelSerializer):
    class Meta:
        model = CaseStep
        fields = ["id", "step", "done_on", "who", "notes", "consulted_veilig_thuis", "consulted_inspector",
                  "parents_not_told", "crime_suspected", "reported_veilig_thuis", "help_organised", "recorded_at"]
        read_only_fields = ["id", "recorded_at"]


class StepInputSerializer(serializers.Serializer):
    step = serializers.ChoiceField(choices=Step.choices)
    done_on = serializers.DateField()
    who = serializers.CharField(allow_blank=True, max_length=500)
    notes = serializers.CharField(required=False, allow_blank=True, default="")
    consulted_veilig_thuis = serializers.BooleanField(required=False, default=False)
    consulted_inspector = serializers.BooleanField(required=False, default=False)
    parents_not_told = serializers.BooleanField(required=False, default=False)
    crime_suspected = serializers.BooleanField(required=False, default=False)
    reported_veilig_thuis = serializers.BooleanField(required=False, default=False)
    help_organised = serializers.BooleanField(required=False, default=False)


class CloseSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=Outcome.choices)
    notes = serializers.CharField(required=False, allow_blank=True, default="")


class CaseListSerializer(serializers.ModelSerializer):
    location = serializers.CharField(source="location.name")

    class Meta:
        model = Case
        fields = ["id", "reference", "location", "location_kind", "route", "status", "reported_on", "closed_at"]


class CaseSerializer(serializers.ModelSerializer):
    location = serializers.CharField(source="location.name")
    children = serializers.SerializerMethodField()
    steps = CaseStepSerializer(many=True, read_only=True)
    deadlines = serializers.SerializerMethodField()

    class Meta:
        model = Case
        fields = ["id", "reference", "location", "location_kind", "route", "status", "reported_on", "observed_on",
                  "observed_place", "description", "children", "subject_kind", "subject_name", "subject_relation",
                  "routed_to_entrepreneur", "crime_suspected", "outcome", "outcome_notes", "closed_at", "steps",
                  "deadlines"]

    def get_children(self, case) -> list[dict]:
        names = case.child_names.split("\n") if case.child_names else []
        return [{"id": pk, "name": name} for pk, name in zip(case.child_ids, names, strict=False)]

    def get_deadlines(self, case) -> list[dict]:
        return [{"step": row["step"], "due": row["due"], "done": row["done"], "overdue": row["overdue"]}
                for row in selectors.steps_overview(case, timezone.localdate())]


class ReporterSerializer(serializers.Serializer):
    full_name = serializers.CharField()
    email = serializers.EmailField()
    role = serializers.CharField()


class PedagogueCaseSerializer(CaseSerializer):
    """The case file as the pedagogue reads it: also who reported it (to ask further), and whether the
    entrepreneur is left out because she is involved (then the pedagogue takes the owner's steps herself)."""

    reporter = serializers.SerializerMethodField()
    entrepreneur_left_out = serializers.SerializerMethodField()

    class Meta(CaseSerializer.Meta):
        fields = [*CaseSerializer.Meta.fields, "reporter", "entrepreneur_left_out"]

    @extend_schema_field(ReporterSerializer)
    def get_reporter(self, case) -> dict:
        return {"full_name": case.reporter.full_name, "email": case.reporter.email, "role": case.reporter_role}

    def get_entrepreneur_left_out(self, case) -> bool:
        return selectors.entrepreneur_left_out(case)


class AuditEntrySerializer(serializers.ModelSerializer):
    class Meta:
        model = CaseAuditEntry
        fields = ["id", "at", "actor_id", "actor_name", "actor_role", "action", "detail"]


def no_fake(view):
    return getattr(view, "swagger_fake_view", False)


class ReportViewSet(mixins.ListModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet):
    """Report a concern at this location; list the status of your own reports here."""

    permission_classes = [REPORTERS]
    pagination_class = None  # list() answers every row at once, not in pages
    serializer_class = ReportStatusSerializer

    def get_queryset(self):
        if no_fake(self):
            return Case.objects.none()
        return selectors.reports_of(self.request.user, self.request._request.location)

    def list(self, request, *args, **kwargs):
        reports = list(self.get_queryset())
        role = next(r for r in (ENTREPRENEUR, STAFF, PARENT) if r in request_roles(request))
        services.audit(reports, request.user, role, CaseAuditEntry.Action.STATUS_VIEWED)
        return Response(ReportStatusSerializer(reports, many=True).data)

    @extend_schema(request=ReportSerializer, responses={201: ReportStatusSerializer})
    def create(self, request, *args, **kwargs):
        data = ReportSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        case = services.report_concern(
            location=request._request.location, reporter=request.user, roles=request_roles(request),
            route=values["route"], child_ids=values["children"], observed_on=values["observed_on"],
            observed_place=values["observed_place"], description=values["description"],
            subject_user_id=values.get("subject"), housemate_name=values.get("housemate_name", ""),
            housemate_relation=values.get("housemate_relation", ""),
            subject_is_housemate=values.get("subject_is_housemate", False))
        return Response(ReportStatusSerializer(case).data, status=status.HTTP_201_CREATED)


class LocationCaseViewSet(viewsets.ReadOnlyModelViewSet):
    """The cases of this location that routing gives its entrepreneur."""

    permission_classes = [ENTREPRENEUR_ONLY]
    pagination_class = None  # list() answers every row at once, not in pages
    lookup_value_regex = "[0-9]+"  # the regex router ignores lookup_value_converter
    lookup_value_converter = "int"

    def get_queryset(self):
        if no_fake(self):
            return Case.objects.none()
        return selectors.cases_for_entrepreneur(self.request.user, self.request._request.location)

    def get_serializer_class(self):
        return CaseListSerializer if self.action == "list" else CaseSerializer

    def list(self, request, *args, **kwargs):
        cases = list(selectors.list_only(self.get_queryset()))
        services.audit(cases, request.user, ENTREPRENEUR, CaseAuditEntry.Action.LISTED)
        return Response(CaseListSerializer(cases, many=True).data)

    def get_object(self):
        return access.entrepreneur_case_or_404(self.request.user, self.request._request.location,
                                               self.kwargs[self.lookup_field])

    def retrieve(self, request, *args, **kwargs):
        case = services.read_case(self.get_object(), request.user, ENTREPRENEUR)
        return Response(CaseSerializer(case).data)


class HousemateSerializer(serializers.Serializer):
    user = serializers.IntegerField(min_value=1, max_value=2**63 - 1,
                                    help_text="The account id of a staff member of this location.")
    full_name = serializers.CharField(read_only=True)


class HousemateViewSet(mixins.ListModelMixin, mixins.CreateModelMixin, mixins.DestroyModelMixin,
                       viewsets.GenericViewSet):
    """The staff members who live with the entrepreneur asking (a concern about them goes to the pedagogue only
    and is never shown to her). DELETE takes the staff member's account id."""

    permission_classes = [ENTREPRENEUR_ONLY]
    pagination_class = None  # list() answers every row at once, not in pages
    serializer_class = HousemateSerializer
    lookup_value_converter = "int"

    def get_queryset(self):
        if no_fake(self):
            return Housemate.objects.none()
        return (Housemate.objects.filter(location=self.request._request.location, entrepreneur=self.request.user)
                .select_related("housemate").order_by("housemate__full_name"))

    def list(self, request, *args, **kwargs):
        return Response(HousemateSerializer(
            [{"user": fact.housemate_id, "full_name": fact.housemate.full_name} for fact in self.get_queryset()],
            many=True).data)

    def create(self, request, *args, **kwargs):
        data = HousemateSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fact = services.add_housemate(location=request._request.location, entrepreneur=request.user,
                                      user_id=data.validated_data["user"])
        return Response(HousemateSerializer({"user": fact.housemate_id, "full_name": fact.housemate.full_name}).data,
                        status=status.HTTP_201_CREATED)

    def destroy(self, request, *args, **kwargs):
        fact = get_object_or_404(self.get_queryset(), housemate_id=self.kwargs[self.lookup_field])
        services.remove_housemate(location=fact.location, entrepreneur=request.user, user_id=fact.housemate_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class CaseViewSet(viewsets.ReadOnlyModelViewSet):
    """The pedagogue's cases: every case of the cooperative."""

    permission_classes = [PEDAGOGUE_ONLY]
    pagination_class = None  # list() answers every row at once, not in pages
    lookup_value_converter = "int"

    def get_queryset(self):
        if no_fake(self):
            return Case.objects.none()
        return selectors.cases_for_pedagogue(self.request.user)

    def get_serializer_class(self):
        return CaseListSerializer if self.action == "list" else PedagogueCaseSerializer

    def list(self, request, *args, **kwargs):
        cases = list(selectors.list_only(self.get_queryset()))
        services.audit(cases, request.user, PEDAGOGUE, CaseAuditEntry.Action.LISTED)
        return Response(CaseListSerializer(cases, many=True).data)

    def retrieve(self, request, *args, **kwargs):
        case = services.read_case(self.get_object(), request.user, PEDAGOGUE)
        return Response(PedagogueCaseSerializer(case).data)

    @extend_schema(request=StepInputSerializer, responses={201: CaseStepSerializer})
    @action(detail=True, methods=["post"])
    def steps(self, request, pk=None):
        case = self.get_object()
        data = StepInputSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        entry = services.record_step(case, actor=request.user, **data.validated_data)
        return Response(CaseStepSerializer(entry).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=CloseSerializer, responses={200: CaseListSerializer})
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        case = self.get_object()
        data = CloseSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        case = services.close_case(case, actor=request.user, **data.validated_data)
        return Response(CaseListSerializer(case).data)

    @extend_schema(responses={200: AuditEntrySerializer(many=True)})
    @action(detail=True, methods=["get"])
    def audit(self, request, pk=None):
        case = self.get_object()
        return Response(AuditEntrySerializer(services.audit_trail(case, request.user), many=True).data)


class FigureSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    route = serializers.IntegerField()
    location_kind = serializers.CharField()
    count = serializers.IntegerField()


class FiguresView(APIView):
    """Counts of cases per year, route and kind of location (no names), for the annual accountability."""

    permission_classes = [PEDAGOGUE_ONLY]
    serializer_class = FigureSerializer

    @extend_schema(responses=FigureSerializer(many=True))
    def get(self, request):
        return Response(FigureSerializer(selectors.figures(), many=True).data)

