"""API pieces shared by every app: who am I, and tokens for scripts (the error format: config.service_errors)."""
from axes.handlers.proxy import AxesProxyHandler
from django.contrib.auth.signals import user_login_failed
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.authtoken.models import Token
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.authentication import SET_UP_FIRST
from accounts.permissions import AtLocation
from accounts.roles import primary_role, request_roles
from accounts.second_factor import has_second_factor, has_totp, totp_code_is_valid, uses_second_factor


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


OTP_HELP = ("The current 6-digit code of your authenticator app. Required when your account uses two-factor "
            "authentication (always for the cooperative admin, advisers and the pedagogue): a password alone "
            "gets no token then.")


class TokenRequestSerializer(AuthTokenSerializer):
    otp = serializers.CharField(required=False, allow_blank=True, write_only=True, help_text=OTP_HELP,
                                label="One-time code")


class TokenResponseSerializer(serializers.Serializer):
    token = serializers.CharField(read_only=True)


class TokenView(ObtainAuthToken):
    """Exchange e-mail, password and, with two-factor authentication, a current code of the authenticator app
    for an API token (for scripts). Failed tries, wrong codes included, are throttled by axes."""

    serializer_class = TokenRequestSerializer

    @extend_schema(request=TokenRequestSerializer, responses={200: TokenResponseSerializer},
                   description="E-mail (`username`), password and, for accounts with two-factor authentication, "
                               "`otp`: " + OTP_HELP)
    def post(self, request, *args, **kwargs):
        if not isinstance(request.data, dict):
            return Response({"non_field_errors": ["Send a JSON object or a form."]}, status=400)
        credentials = {"username": request.data.get("username", "")}
        if AxesProxyHandler.is_locked(request._request, credentials):
            return Response({"detail": "Too many failed attempts; try again later."}, status=429)
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = serializer.validated_data["user"]
        if uses_second_factor(user):
            refusal = self._second_factor_refusal(request, user, serializer.validated_data.get("otp", ""))
            if refusal is not None:
                return refusal
        token, _created = Token.objects.get_or_create(user=user)
        return Response({"token": token.key})

    @staticmethod
    def _second_factor_refusal(request, user, code):
        if not has_second_factor(user):
            return Response({"otp": [SET_UP_FIRST]}, status=403)
        if not has_totp(user):
            return Response({"otp": ["An API token needs a code from an authenticator app; add one on the "
                                     "website's security page."]}, status=400)
        if not totp_code_is_valid(user, code or ""):
            user_login_failed.send(sender=TokenView, credentials={"username": user.email}, request=request._request)
            return Response({"otp": ["Two-factor authentication is on for this account: send the current code of "
                                     "your authenticator app in the field otp."]}, status=400)
        return None
