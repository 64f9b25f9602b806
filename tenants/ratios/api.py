"""POST /api/v1/tools/ratio-check: the public ratio calculator as an API (no login, like the government's)."""
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiExample, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from tenants.ratios import rules
from tenants.ratios.texts import input_errors, translated


class RatioCheckRequestSerializer(serializers.Serializer):
    care_type = serializers.ChoiceField(choices=list(rules.CARE_TYPES), help_text=_("kdv, bso or gastouder."))
    ages = serializers.ListField(
        child=serializers.IntegerField(min_value=0, max_value=rules.OWN_CHILD_MAX_AGE),
        allow_empty=True,
        max_length=rules.MAX_CHILDREN_INPUT,
        help_text=_("Whole-year ages of the children present (at most 40)."),
    )
    staff = serializers.IntegerField(min_value=0, max_value=rules.MAX_CHILDREN_INPUT,
                                     help_text=_("Staff working with these children."))
    own_children_ages = serializers.ListField(
        child=serializers.IntegerField(min_value=0, max_value=rules.OWN_CHILD_MAX_AGE),
        required=False,
        default=list,
        max_length=10,
        help_text=_("Childminder only: ages of her own children present (counted while under 10)."),
    )
    play_space_m2 = serializers.FloatField(min_value=0, max_value=10000, required=False, allow_null=True,
                                           help_text=_("Indoor play space in m²; 3.5 m² per child."))
    has_backup = serializers.BooleanField(required=False, allow_null=True, default=None,
                                          help_text=_("Childminder only: a backup person is registered."))

    def validate(self, data):
        errors = input_errors(data["care_type"], data["ages"], data.get("own_children_ages") or [])
        if errors:
            raise serializers.ValidationError(errors)
        return data


class ViolationSerializer(serializers.Serializer):
    code = serializers.CharField()
    message = serializers.CharField()


class RatioCheckResponseSerializer(serializers.Serializer):
    allowed = serializers.BooleanField()
    required_staff = serializers.IntegerField(allow_null=True)
    max_children = serializers.IntegerField(allow_null=True)
    rule = serializers.CharField()
    violations = ViolationSerializer(many=True)
    backup_required = serializers.BooleanField()


class RatioCheckView(APIView):
    """Staff-child ratio, group size and play space for the children present at one moment."""

    authentication_classes = []
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="ratio_check",
        summary="Check staff-child ratio, group size and play space",
        request=RatioCheckRequestSerializer,
        responses={
            200: RatioCheckResponseSerializer,
            400: OpenApiResponse(description="Field errors, e.g. a negative age or more than 40 children."),
        },
        examples=[OpenApiExample(
            "Day care, mixed ages",
            value={"care_type": "kdv", "ages": [0, 1, 1, 2, 3], "staff": 1, "play_space_m2": 40},
            request_only=True,
        )],
        tags=["tools"],
    )
    def post(self, request):
        serializer = RatioCheckRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        result = rules.check(
            data["care_type"],
            data["ages"],
            data["staff"],
            own_children_ages=data.get("own_children_ages") or (),
            play_space_m2=data.get("play_space_m2"),
            has_backup=data.get("has_backup"),
        )
        return Response(RatioCheckResponseSerializer(translated(result)).data)
