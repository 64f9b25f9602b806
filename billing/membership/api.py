"""Membership-fee API on the main domain, for the cooperative admin only."""
from django.shortcuts import get_object_or_404
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import cooperative_only, has_role
from accounts.roles import COOP_ADMIN
from billing.membership import selectors, services
from billing.membership.models import MembershipPrice
from cooperative.models import Location

COOP_ADMIN_ONLY = cooperative_only(has_role(COOP_ADMIN))


class StandingSerializer(serializers.Serializer):
    location = serializers.CharField(source="location.slug")
    name = serializers.CharField(source="location.name")
    kind = serializers.CharField(source="location.kind")
    monthly_fee = serializers.DecimalField(max_digits=8, decimal_places=2, allow_null=True)
    subscription_status = serializers.CharField(source="subscription.status", default=None, allow_null=True)
    standing = serializers.CharField()
    open_amount = serializers.DecimalField(max_digits=10, decimal_places=2)
    oldest_due = serializers.DateField(allow_null=True)
    last_paid_at = serializers.DateTimeField(allow_null=True)


class MembershipFeesView(APIView):
    """Every location's membership fee: paid, open, late or not subscribed (?standing=late)."""

    permission_classes = [COOP_ADMIN_ONLY]
    serializer_class = StandingSerializer

    @extend_schema(responses=StandingSerializer(many=True))
    def get(self, request):
        only = request.query_params.get("standing") or None
        return Response(StandingSerializer(selectors.standings(timezone.localdate(), only), many=True).data)


class SubscribeView(APIView):
    """Start the monthly membership subscription of a location (Stripe Billing)."""

    permission_classes = [COOP_ADMIN_ONLY]

    @extend_schema(request=None, responses={201: StandingSerializer})
    def post(self, request, slug):
        location = get_object_or_404(Location, slug=slug)
        services.subscribe(location)
        row = next(r for r in selectors.standings(timezone.localdate()) if r.location.pk == location.pk)
        return Response(StandingSerializer(row).data, status=201)


class PriceSerializer(serializers.ModelSerializer):
    class Meta:
        model = MembershipPrice
        fields = ["kind", "monthly_amount", "stripe_price_id"]
        read_only_fields = ["stripe_price_id"]
        extra_kwargs = {"kind": {"validators": []}}


class PricesView(APIView):
    permission_classes = [COOP_ADMIN_ONLY]
    serializer_class = PriceSerializer

    @extend_schema(responses=PriceSerializer(many=True))
    def get(self, request):
        return Response(PriceSerializer(MembershipPrice.objects.all(), many=True).data)

    def post(self, request):
        serializer = PriceSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        price = services.set_price(serializer.validated_data["kind"], serializer.validated_data["monthly_amount"])
        return Response(PriceSerializer(price).data, status=201)
