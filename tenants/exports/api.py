"""API: the entrepreneur asks for an export of her location's data and downloads it when ready."""
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts.permissions import has_role, location_only
from accounts.roles import ENTREPRENEUR
from tenants.exports import services
from tenants.exports.models import Export


class ExportSerializer(serializers.ModelSerializer):
    class Meta:
        model = Export
        fields = ["id", "status", "created_at", "finished_at"]
        read_only_fields = fields


class ExportViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = ExportSerializer
    lookup_value_converter = "int"
    permission_classes = [location_only(has_role(ENTREPRENEUR))]
    queryset = Export.objects.all()

    @extend_schema(request=None, responses={202: ExportSerializer})
    def create(self, request):
        export = services.request_export(request.user)
        return Response(ExportSerializer(export).data, status=202)

    @action(detail=True)
    def download(self, request, pk=None):
        export = self.get_object()
        if export.status != Export.Status.DONE:
            raise Http404("The export is not ready.")
        path = Path(settings.EXPORT_ROOT) / export.file_name
        if not export.file_name or not path.is_file():
            raise Http404("The export file is no longer there.")
        return FileResponse(path.open("rb"), as_attachment=True, filename=export.file_name)
