"""API for children: list and add (entrepreneur), read (entrepreneur, staff, the child's guardians)."""
from rest_framework import mixins, serializers, viewsets
from rest_framework.response import Response

from accounts.permissions import AtLocation, has_role, location_only
from accounts.roles import ENTREPRENEUR, STAFF, request_roles
from tenants.children import selectors, services
from tenants.children.models import Child


class ChildSerializer(serializers.ModelSerializer):
    class Meta:
        model = Child
        fields = ["id", "first_name", "last_name", "birth_date"]


class ChildViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = ChildSerializer
    lookup_value_converter = "int"

    def get_permissions(self):
        if self.action == "create":
            return [location_only(has_role(ENTREPRENEUR))()]
        if self.action == "list":
            return [location_only(has_role(ENTREPRENEUR, STAFF))()]
        return [location_only(AtLocation)()]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # drf-spectacular building the schema: no request
            return Child.objects.none()
        return selectors.children_visible_to(self.request.user, request_roles(self.request))

    def create(self, request):
        serializer = ChildSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        child = services.create_child(**serializer.validated_data)
        return Response(ChildSerializer(child).data, status=201)
