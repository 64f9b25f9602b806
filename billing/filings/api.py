"""Filings API (location hosts, the entrepreneur's only): the list with each filing's state, one filing, mark it
ready or delivered (a refusal is a 400 naming each child and field), and its file."""
from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from accounts.permissions import has_role, location_only
from accounts.roles import ENTREPRENEUR
from billing.filings import kinds, rules, services
from billing.filings.models import Filing
from tenants.calendar.selectors import location_today


class FilingSerializer(serializers.ModelSerializer):
    label = serializers.SerializerMethodField()
    recipient = serializers.SerializerMethodField()
    state = serializers.SerializerMethodField()
    has_file = serializers.SerializerMethodField()

    class Meta:
        model = Filing
        fields = ["id", "kind", "label", "recipient", "period_start", "period_end", "due_date", "status", "state",
                  "has_file", "filename", "sha256", "changes", "corrections", "summary", "ready_at", "delivered_at"]
        read_only_fields = fields

    def get_label(self, filing) -> str:
        return str(kinds.KINDS[filing.kind].label)

    def get_recipient(self, filing) -> str:
        return str(kinds.KINDS[filing.kind].recipient)

    def get_state(self, filing) -> str:
        return rules.state(filing.status, filing.due_date, self.context["today"])

    def get_has_file(self, filing) -> bool:
        return bool(filing.sha256)


class FilingViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    permission_classes = [location_only(has_role(ENTREPRENEUR))]
    serializer_class = FilingSerializer
    pagination_class = None
    queryset = Filing.objects.none()  # the schema's path parameter type; requests use get_queryset

    def get_queryset(self):
        owed = kinds.owed_by_keys(self.request.location.jurisdiction)
        return Filing.objects.filter(kind__in=owed).defer("content", "rows").order_by("due_date", "kind")

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "today": location_today(self.request.location)}

    def list(self, request, *args, **kwargs):
        services.plan(location=request.location, today=location_today(request.location))
        return super().list(request, *args, **kwargs)

    @extend_schema(request=None, responses=FilingSerializer)
    @action(detail=True, methods=["post"])
    def ready(self, request, pk=None):
        filing = services.mark_ready(self.get_object(), user=request.user, today=location_today(request.location))
        return Response(self.get_serializer(filing).data)

    @extend_schema(request=None, responses=FilingSerializer)
    @action(detail=True, methods=["post"])
    def delivered(self, request, pk=None):
        filing = services.mark_delivered(self.get_object(), user=request.user,
                                         today=location_today(request.location))
        return Response(self.get_serializer(filing).data)

    @extend_schema(responses={(200, "application/octet-stream"): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"])
    def file(self, request, pk=None):
        filing = Filing.objects.filter(pk=self.get_object().pk).first()
        if not filing.sha256:
            raise NotFound()
        response = HttpResponse(bytes(filing.content), content_type=filing.content_type)
        response["Content-Disposition"] = f'attachment; filename="{filing.filename}"'
        return response
