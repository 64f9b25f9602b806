"""API of the parent portal on the main domain.

- portal/overview: every child of the asking parent with its location, today's plan, the next closing days
  and open tasks (only the parent's own locations are read);
- portal/export: the own-data archive (zip);
- portal/deletion-requests: the parent's requests, and a new one for a location where they are a parent.
"""
from django.http import HttpResponse
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import cooperative_only, has_role
from accounts.roles import PARENT
from cooperative.models import Location
from portal import export, selectors, services
from portal.models import DeletionRequest

PARENT_HERE = cooperative_only(has_role(PARENT))


class TaskSerializer(serializers.Serializer):
    kind = serializers.CharField()
    label = serializers.CharField()
    url = serializers.CharField()
    due = serializers.DateField(allow_null=True)


class ChildTodaySerializer(serializers.Serializer):
    id = serializers.IntegerField(source="child.pk")
    full_name = serializers.CharField(source="child.full_name")
    plan = serializers.CharField()
    start = serializers.TimeField(allow_null=True)
    end = serializers.TimeField(allow_null=True)
    absence = serializers.CharField()
    handover_id = serializers.IntegerField(allow_null=True)


class ClosedDaySerializer(serializers.Serializer):
    date = serializers.DateField()
    labels = serializers.ListField(child=serializers.CharField())


class LocationOverviewSerializer(serializers.Serializer):
    location = serializers.SerializerMethodField()
    today = serializers.DateField()
    children = ChildTodaySerializer(many=True)
    closing_days = ClosedDaySerializer(many=True)
    tasks = TaskSerializer(many=True)
    unread_messages = serializers.IntegerField()
    unread_announcements = serializers.IntegerField()

    def get_location(self, obj) -> dict:
        loc = obj.location
        return {"id": loc.pk, "name": loc.name, "kind": loc.kind, "url": loc.url}


class OverviewView(APIView):
    permission_classes = [PARENT_HERE]

    @extend_schema(responses={200: LocationOverviewSerializer(many=True)})
    def get(self, request):
        return Response(LocationOverviewSerializer(selectors.parent_overview(request.user), many=True).data)


class ExportView(APIView):
    permission_classes = [PARENT_HERE]

    @extend_schema(responses={(200, "application/zip"): bytes})
    def get(self, request):
        response = HttpResponse(export.build_archive(request.user), content_type="application/zip")
        response["Content-Disposition"] = 'attachment; filename="my-data.zip"'
        return response


class DeletionRequestSerializer(serializers.ModelSerializer):
    location = serializers.PrimaryKeyRelatedField(queryset=Location.objects.all())

    class Meta:
        model = DeletionRequest
        fields = ["id", "location", "reason", "status", "requested_at", "due_on", "handled_at", "outcome", "note"]
        read_only_fields = ["id", "status", "requested_at", "due_on", "handled_at", "outcome", "note"]


class DeletionRequestsView(APIView):
    permission_classes = [PARENT_HERE]

    @extend_schema(responses={200: DeletionRequestSerializer(many=True)})
    def get(self, request):
        return Response(DeletionRequestSerializer(selectors.deletion_requests_of(request.user), many=True).data)

    @extend_schema(request=DeletionRequestSerializer, responses={201: DeletionRequestSerializer})
    def post(self, request):
        data = DeletionRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        item = services.request_deletion(request.user, data.validated_data["location"],
                                         reason=data.validated_data.get("reason", ""))
        return Response(DeletionRequestSerializer(item).data, status=status.HTTP_201_CREATED)
