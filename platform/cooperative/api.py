"""API for locations: the cooperative admin provisions, suspends and offboards; advisers read. And the runs
of the jobs over the locations, for the cooperative admin."""
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from accounts.permissions import cooperative_only, has_role
from accounts.roles import ADVISER, COOP_ADMIN
from cooperative import jobs, rules, selectors, services
from cooperative.models import JobFailure, JobRun, Location


class LocationSerializer(serializers.ModelSerializer):
    entrepreneurs = serializers.SerializerMethodField()
    url = serializers.CharField(read_only=True)

    class Meta:
        model = Location
        fields = [
            "slug", "name", "kind", "jurisdiction", "street", "postal_code", "city", "region", "time_zone",
            "lrk_numbers", "licensed_places", "play_space_m2", "opening_date", "status", "url", "entrepreneurs",
        ]

    def get_entrepreneurs(self, location) -> list[str]:
        return [u.full_name for u in selectors.entrepreneurs_of(location)]


class NewLocationSerializer(serializers.Serializer):
    """The shape of a provisioning request; the rules themselves are in cooperative.services."""

    name = serializers.CharField(max_length=200)
    slug = serializers.CharField(max_length=100)
    kind = serializers.ChoiceField(choices=rules.KINDS)
    jurisdiction = serializers.ChoiceField(choices=rules.JURISDICTIONS)
    entrepreneur_email = serializers.EmailField()
    entrepreneur_name = serializers.CharField(max_length=200)
    street = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    postal_code = serializers.CharField(max_length=12, required=False, allow_blank=True, default="")
    city = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    region = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    lrk_numbers = serializers.DictField(child=serializers.CharField(allow_blank=True), required=False, default=dict)
    licensed_places = serializers.IntegerField(min_value=0, required=False, default=0)
    play_space_m2 = serializers.DecimalField(max_digits=7, decimal_places=2, min_value=0, required=False, default=0)
    opening_date = serializers.DateField(required=False, allow_null=True, default=None)


class LocationViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = LocationSerializer
    lookup_field = "slug"

    def get_permissions(self):
        if self.action in ("list", "retrieve"):
            return [cooperative_only(has_role(COOP_ADMIN, ADVISER))()]
        return [cooperative_only(has_role(COOP_ADMIN))()]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # drf-spectacular building the schema: no request
            return Location.objects.none()
        return selectors.locations_visible_to(self.request.user)

    def create(self, request):
        serializer = NewLocationSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        location = services.provision_location(services.NewLocation(**serializer.validated_data))
        return Response(LocationSerializer(location).data, status=201)

    def _change(self, slug, service):
        location = get_object_or_404(self.get_queryset(), slug=slug)
        return location, service(location)

    @action(detail=True, methods=["post"])
    def suspend(self, request, slug=None):
        location, _ = self._change(slug, services.suspend_location)
        return Response(LocationSerializer(location).data)

    @action(detail=True, methods=["post"])
    def reactivate(self, request, slug=None):
        location, _ = self._change(slug, services.reactivate_location)
        return Response(LocationSerializer(location).data)

    @action(detail=True, methods=["post"])
    def offboard(self, request, slug=None):
        location, path = self._change(slug, services.offboard_location)
        return Response({**LocationSerializer(location).data, "export_file": path.name})


class JobFailureSerializer(serializers.ModelSerializer):
    location = serializers.CharField(source="location.slug", read_only=True)
    location_name = serializers.CharField(source="location.name", read_only=True)

    class Meta:
        model = JobFailure
        fields = ["location", "location_name", "error_class", "message", "failed_at", "resolved_at"]


class JobRunSerializer(serializers.ModelSerializer):
    label = serializers.SerializerMethodField()
    failures = JobFailureSerializer(many=True, read_only=True)

    class Meta:
        model = JobRun
        fields = ["id", "job", "label", "only_failed", "started_at", "finished_at", "done", "failed", "failures"]

    def get_label(self, run) -> str:
        job = jobs.JOBS.get(run.job)
        return str(job.label) if job else run.job


class JobRunListView(generics.ListAPIView):
    """Recent runs of the jobs that loop over the locations, newest first, each with the locations where it
    failed (error class and a message without personal data). The cooperative admin only, main domain."""

    permission_classes = [cooperative_only(has_role(COOP_ADMIN))]
    serializer_class = JobRunSerializer

    @extend_schema(parameters=[OpenApiParameter("job", str, enum=sorted(jobs.JOBS), description="Only this job.")],
                   responses={200: JobRunSerializer, 400: OpenApiResponse(description="An unknown job.")})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        job = self.request.query_params.get("job") or None
        if job is not None and job not in jobs.JOBS:
            raise ValidationError({"job": [_("Choose one of: %(jobs)s.") % {"jobs": ", ".join(sorted(jobs.JOBS))}]})
        return selectors.recent_runs(job)
