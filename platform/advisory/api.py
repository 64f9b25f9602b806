"""Oversight API. Main domain (/api/v1/advisory/): the dashboard, visits, follow-up actions and inspections for
advisers and the cooperative admin. A location's host: the entrepreneur's visits, actions and documents.

Serializers only shape; the services validate (their Django ValidationErrors become 400s with field errors).
"""
from django.urls import include, path
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.generics import get_object_or_404  # a malformed id is a 404, not a ValueError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter
from rest_framework.views import APIView

from accounts.models import User
from accounts.permissions import cooperative_only, has_role, location_only
from accounts.roles import ADVISER, COOP_ADMIN, ENTREPRENEUR
from advisory import rules, selectors, services
from advisory.models import FollowUpAction, Inspection, QualityDocument, QualityDocumentType, Visit

COOPERATIVE = cooperative_only(has_role(COOP_ADMIN, ADVISER))
ADVISER_ONLY = cooperative_only(has_role(ADVISER))
ENTREPRENEUR_ONLY = location_only(has_role(ENTREPRENEUR))


class VisitSerializer(serializers.ModelSerializer):
    location = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    adviser_name = serializers.CharField(source="adviser.full_name", read_only=True)
    status = serializers.SerializerMethodField()

    class Meta:
        model = Visit
        fields = ["id", "location", "year", "visit_type", "adviser", "adviser_name", "deadline", "scheduled_at",
                  "status", "summary", "completed_at", "reaction", "reacted_at"]
        read_only_fields = fields

    def get_status(self, visit) -> str:
        return selectors._visit_status(visit, visit.visit_type, visit.year, timezone.localdate())


class PlanVisitSerializer(serializers.Serializer):
    location = serializers.SlugField()
    year = serializers.IntegerField()
    visit_type = serializers.ChoiceField(choices=rules.VISIT_TYPES)
    adviser = serializers.PrimaryKeyRelatedField(queryset=User.objects.all())
    deadline = serializers.DateField(required=False, allow_null=True, default=None)
    scheduled_at = serializers.DateTimeField(required=False, allow_null=True, default=None)


class ActionSerializer(serializers.ModelSerializer):
    location = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = FollowUpAction
        fields = ["id", "location", "visit", "inspection", "description", "owner", "due_date", "status", "done_at",
                  "done_note"]
        read_only_fields = fields


class NewActionSerializer(serializers.Serializer):
    location = serializers.SlugField()
    description = serializers.CharField(max_length=500)
    owner = serializers.CharField(required=False, allow_blank=True, default="")
    due_date = serializers.DateField()
    visit = serializers.IntegerField(required=False, allow_null=True, default=None)


class DoneSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, default="")


class FindingSerializer(serializers.Serializer):
    domain = serializers.CharField()
    met = serializers.BooleanField()
    remark = serializers.CharField(required=False, allow_blank=True, default="")


class InspectionSerializer(serializers.ModelSerializer):
    location = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    findings = FindingSerializer(many=True, read_only=True)
    has_report = serializers.SerializerMethodField()

    class Meta:
        model = Inspection
        fields = ["id", "location", "inspected_on", "kind", "met_requirements", "summary", "findings", "has_report"]
        read_only_fields = fields

    def get_has_report(self, obj) -> bool:
        return bool(obj.report_file)


class NewInspectionSerializer(serializers.Serializer):
    location = serializers.SlugField()
    inspected_on = serializers.DateField()
    kind = serializers.ChoiceField(choices=Inspection.Kind.choices)
    met_requirements = serializers.BooleanField()
    summary = serializers.CharField(required=False, allow_blank=True, default="")
    report_file = serializers.FileField(required=False, allow_null=True, default=None)


class DocumentSerializer(serializers.ModelSerializer):
    doc_type = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = QualityDocument
        fields = ["id", "doc_type", "version", "effective_date", "review_date", "uploaded_at"]
        read_only_fields = fields


class NewDocumentSerializer(serializers.Serializer):
    doc_type = serializers.SlugRelatedField(slug_field="code", queryset=QualityDocumentType.objects.all())
    file = serializers.FileField()
    effective_date = serializers.DateField()
    review_date = serializers.DateField()


class DashboardView(APIView):
    """Tiles and one row of figures per location (no personal data), with the page's filters."""

    permission_classes = [COOPERATIVE]

    @extend_schema(responses={200: dict})
    def get(self, request):
        from advisory.views import filters_from

        _form, filters = filters_from(request._request)
        board = selectors.dashboard(request.user, filters, timezone.localdate())
        return Response({
            "year": filters.year, "tiles": board.tiles, "licensed_places": board.licensed_places,
            "children_under_contract": board.children, "occupancy_percent": board.occupancy,
            "locations": [{
                "slug": r.slug, "name": r.name, "kind": r.kind, "region": r.region, "lrk_numbers": r.lrk_numbers,
                "licensed_places": r.licensed_places, "children_under_contract": r.children,
                "occupancy_percent": r.occupancy, "visits": r.visits, "open_actions": r.open_actions,
                "overdue_actions": r.overdue_actions, "documents": r.documents,
                "latest_inspection": r.inspection_on, "latest_inspection_met": r.inspection_met,
                "complaints": r.complaints,
            } for r in board.rows],
        })


class VisitViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = VisitSerializer

    def get_permissions(self):
        return [ADVISER_ONLY() if self.action == "create" else COOPERATIVE()]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Visit.objects.none()
        qs = selectors.visits_visible_to(self.request.user).order_by("-year", "location__name", "visit_type")
        if self.request.query_params.get("year", "").isdigit():
            qs = qs.filter(year=int(self.request.query_params["year"]))
        return qs

    @extend_schema(request=PlanVisitSerializer, responses={201: VisitSerializer})
    def create(self, request):
        serializer = PlanVisitSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        location = selectors.location_for(request.user, data.pop("location"))
        visit = services.plan_visit(location, user=request.user, **data)
        return Response(VisitSerializer(visit).data, status=201)


class ActionViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = ActionSerializer

    def get_permissions(self):
        return [COOPERATIVE() if self.action in ("list", "retrieve") else ADVISER_ONLY()]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return FollowUpAction.objects.none()
        return selectors.actions_visible_to(self.request.user)

    @extend_schema(request=NewActionSerializer, responses={201: ActionSerializer})
    def create(self, request):
        serializer = NewActionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        location = selectors.location_for(request.user, data.pop("location"))
        visit_id = data.pop("visit")
        visit = get_object_or_404(Visit.objects.filter(location=location), pk=visit_id) if visit_id else None
        created = services.create_action(location, user=request.user, visit=visit, **data)
        return Response(ActionSerializer(created).data, status=201)

    @extend_schema(request=DoneSerializer, responses={200: ActionSerializer})
    @action(detail=True, methods=["post"])
    def done(self, request, pk=None):
        item = get_object_or_404(self.get_queryset().filter(owner=rules.OWNER_ADVISER), pk=pk)
        serializer = DoneSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.mark_action_done(item, user=request.user, note=serializer.validated_data["note"])
        return Response(ActionSerializer(item).data)


class InspectionViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = InspectionSerializer
    parser_classes = [MultiPartParser, FormParser, JSONParser]

    def get_permissions(self):
        return [COOPERATIVE() if self.action in ("list", "retrieve") else ADVISER_ONLY()]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Inspection.objects.none()
        return selectors.inspections_visible_to(self.request.user).prefetch_related("findings")

    @extend_schema(request=NewInspectionSerializer, responses={201: InspectionSerializer})
    def create(self, request):
        serializer = NewInspectionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        location = selectors.location_for(request.user, data.pop("location"))
        inspection = services.record_inspection(location, user=request.user, **data)
        return Response(InspectionSerializer(inspection).data, status=201)


# A location's host --------------------------------------------------------------------------------------


class MyVisitViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = VisitSerializer
    permission_classes = [ENTREPRENEUR_ONLY]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Visit.objects.none()
        return Visit.objects.filter(location=self.request._request.location).select_related("adviser", "location")


class MyActionViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = ActionSerializer
    permission_classes = [ENTREPRENEUR_ONLY]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return FollowUpAction.objects.none()
        return FollowUpAction.objects.filter(location=self.request._request.location).select_related("location")

    @extend_schema(request=DoneSerializer, responses={200: ActionSerializer})
    @action(detail=True, methods=["post"])
    def done(self, request, pk=None):
        item = get_object_or_404(self.get_queryset().filter(owner=rules.OWNER_ENTREPRENEUR), pk=pk)
        serializer = DoneSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.mark_action_done(item, user=request.user, note=serializer.validated_data["note"])
        return Response(ActionSerializer(item).data)


class MyDocumentViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    serializer_class = DocumentSerializer
    permission_classes = [ENTREPRENEUR_ONLY]
    parser_classes = [MultiPartParser, FormParser]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return QualityDocument.objects.none()
        return QualityDocument.objects.filter(location=self.request._request.location).select_related("doc_type")

    @extend_schema(request=NewDocumentSerializer, responses={201: DocumentSerializer})
    def create(self, request):
        serializer = NewDocumentSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        document = services.upload_document(request._request.location, user=request.user,
                                            **serializer.validated_data)
        return Response(DocumentSerializer(document).data, status=201)


public_router = SimpleRouter()
public_router.register("visits", VisitViewSet, basename="advisory-visit-api")
public_router.register("actions", ActionViewSet, basename="advisory-action-api")
public_router.register("inspections", InspectionViewSet, basename="advisory-inspection-api")
public_urls = [path("dashboard/", DashboardView.as_view(), name="advisory-dashboard-api"),
               path("", include(public_router.urls))]

location_router = SimpleRouter()
location_router.register("visits", MyVisitViewSet, basename="my-advisory-visit-api")
location_router.register("actions", MyActionViewSet, basename="my-advisory-action-api")
location_router.register("documents", MyDocumentViewSet, basename="my-advisory-document-api")
location_urls = [path("", include(location_router.urls))]
