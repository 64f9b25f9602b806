"""API of the webcams (location hosts).

- cameras: the entrepreneur lists, adds, changes and removes cameras (the stream address is write-only: stored
  encrypted, never returned); staff list them. `pause` (minutes) and `resume`: staff and the entrepreneur, at once.
  A parent-view camera may only film a play area, eating corner or sitting corner (seed 000); a security camera
  only an entrance or outside (seed 003 camera protocol art. 2-4). Parents, advisers, the cooperative and the
  pedagogue have no access here.
- camera-windows: the live windows of parent-view cameras (entrepreneur writes; staff read): weekday (0 = Monday),
  start and end, within that day's opening hours; never live on a closed day.
"""
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts.permissions import has_role, location_only
from accounts.roles import ENTREPRENEUR, STAFF
from tenants.groups.models import Group
from tenants.webcams import rules, services
from tenants.webcams.models import Camera, LiveWindow

WORKERS = location_only(has_role(ENTREPRENEUR, STAFF))
OWNER = location_only(has_role(ENTREPRENEUR))


class CameraSerializer(serializers.ModelSerializer):
    group = serializers.PrimaryKeyRelatedField(queryset=Group.objects.all(), required=False, allow_null=True)
    source = serializers.CharField(write_only=True, required=False, allow_blank=True, max_length=500,
                                   help_text="rtsp://, rtsps://, http:// or https:// address; stored encrypted, "
                                             "never returned. Omit to keep the stored one.")
    paused = serializers.SerializerMethodField()

    class Meta:
        model = Camera
        fields = ["id", "name", "area", "purpose", "group", "source", "max_viewers", "is_active", "paused_until",
                  "paused"]
        read_only_fields = ["id", "paused_until"]

    def get_paused(self, obj) -> bool:
        from django.utils import timezone

        return rules.is_paused(obj.paused_until, timezone.now())

    def save_with(self, camera=None):
        data = dict(self.validated_data)
        if camera is not None:
            for field in ("name", "area", "purpose", "group", "max_viewers", "is_active"):
                data.setdefault(field, getattr(camera, field))
        data.setdefault("max_viewers", 10)
        data.setdefault("is_active", True)
        data.setdefault("group", None)
        data["source"] = data.get("source") or (None if camera else "")
        return services.save_camera(camera=camera, **data)


class PauseSerializer(serializers.Serializer):
    minutes = serializers.IntegerField(min_value=1, max_value=rules.MAX_PAUSE_MINUTES, default=15)


class CameraViewSet(viewsets.ModelViewSet):
    serializer_class = CameraSerializer
    queryset = Camera.objects.select_related("group").order_by("name")
    lookup_value_converter = "int"

    def get_permissions(self):
        if self.action in ("list", "retrieve", "pause", "resume"):
            return [WORKERS()]
        return [OWNER()]

    def perform_create(self, serializer):
        serializer.instance = serializer.save_with()

    def perform_update(self, serializer):
        serializer.instance = serializer.save_with(serializer.instance)

    def perform_destroy(self, instance):
        if instance.recordings.exists():
            raise serializers.ValidationError({"id": ["This camera has recordings; set it out of use instead."]})
        instance.delete()

    @extend_schema(request=PauseSerializer, responses=CameraSerializer,
                   description="Pause a camera at once for `minutes` (parents see \"even pauze\").")
    @action(detail=True, methods=["post"])
    def pause(self, request, pk=None):
        camera = self.get_object()
        body = PauseSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.pause_camera(camera=camera, by=request.user, minutes=body.validated_data["minutes"])
        return Response(CameraSerializer(camera, context={"request": request}).data)

    @extend_schema(request=None, responses=CameraSerializer, description="End a pause: live again at once.")
    @action(detail=True, methods=["post"])
    def resume(self, request, pk=None):
        camera = self.get_object()
        services.resume_camera(camera=camera, by=request.user)
        return Response(CameraSerializer(camera, context={"request": request}).data)


class LiveWindowSerializer(serializers.ModelSerializer):
    camera = serializers.PrimaryKeyRelatedField(queryset=Camera.objects.all())

    class Meta:
        model = LiveWindow
        fields = ["id", "camera", "weekday", "start", "end"]
        read_only_fields = ["id"]
        validators = []


class LiveWindowViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                        mixins.DestroyModelMixin, viewsets.GenericViewSet):
    serializer_class = LiveWindowSerializer
    queryset = LiveWindow.objects.select_related("camera")
    lookup_value_converter = "int"

    def get_permissions(self):
        if self.action in ("list", "retrieve"):
            return [WORKERS()]
        return [OWNER()]

    def perform_create(self, serializer):
        serializer.instance = services.add_window(**serializer.validated_data)

    def perform_destroy(self, instance):
        services.remove_window(window=instance)
