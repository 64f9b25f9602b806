"""API pieces shared by every app: the error format, who am I, and tokens for scripts."""
from axes.handlers.proxy import AxesProxyHandler
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework.views import exception_handler as drf_exception_handler

from accounts.permissions import AtLocation
from accounts.roles import primary_role, request_roles


def exception_handler(exc, context):
    """Service functions raise Django's ValidationError; answer it as a 400 with field errors."""
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        exc = ValidationError(detail=detail)
    return drf_exception_handler(exc, context)


class MeSerializer(serializers.Serializer):
    email = serializers.EmailField()
    full_name = serializers.CharField()
    language = serializers.CharField()
    roles = serializers.ListField(child=serializers.CharField())
    role = serializers.CharField(allow_null=True)


class MeView(APIView):
    """The logged-in person and their roles where the request is (this location or the cooperative)."""

    # AtLocation, not just IsAuthenticated: on a location host only its members (while it is active).
    permission_classes = [AtLocation]
    serializer_class = MeSerializer

    def get(self, request):
        roles = request_roles(request)
        return Response(MeSerializer({
            "email": request.user.email,
            "full_name": request.user.full_name,
            "language": request.user.language,
            "roles": sorted(roles),
            "role": primary_role(roles),
        }).data)


class TokenView(ObtainAuthToken):
    """Exchange e-mail and password for an API token (for scripts). Failed tries are throttled by axes."""

    def post(self, request, *args, **kwargs):
        credentials = {"username": request.data.get("username", "")}
        if AxesProxyHandler.is_locked(request._request, credentials):
            return Response({"detail": "Too many failed attempts; try again later."}, status=429)
        return super().post(request, *args, **kwargs)
