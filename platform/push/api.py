"""API of push notifications on the main domain, for the person's own devices only.

- push/key: the application server key a browser subscribes with;
- push/subscriptions: the person's devices (list), and subscribing this browser (its PushSubscription as JSON);
- push/subscriptions/{id}: one device: the kinds of news it receives (PATCH), unsubscribe (DELETE);
- push/subscriptions/find and /unsubscribe: the same by the browser's endpoint (what a page's script knows).
"""
from io import BytesIO

from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import JSONParser
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.permissions import cooperative_only, has_role
from accounts.roles import PARENT
from push import keys, rules, selectors, services

#: Parents, and the people who work at a location (they hear of parents' messages).
PUSH_USERS = cooperative_only(has_role(PARENT, "location_worker"))

#: A browser's subscription is a few hundred bytes; anything much larger is refused before it is parsed.
MAX_BODY = 8 * 1024


def _too_large():
    return serializers.ValidationError({"non_field_errors": [_("The request is too large.")]})


class SmallJSONParser(JSONParser):
    """JSON of at most MAX_BODY bytes (also when the request does not say its length)."""

    def parse(self, stream, media_type=None, parser_context=None):
        data = stream.read(MAX_BODY + 1) if stream is not None else b""
        if len(data) > MAX_BODY:
            raise _too_large()
        return super().parse(BytesIO(data), media_type, parser_context)


class SmallBodies(APIView):
    """Refuses a body larger than MAX_BODY as a field error, before anything reads it."""

    parser_classes = [SmallJSONParser]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > MAX_BODY:
            raise _too_large()


class SubscriptionSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    device = serializers.CharField(read_only=True)
    kinds = serializers.ListField(child=serializers.ChoiceField(choices=rules.KINDS))
    created_at = serializers.DateTimeField(read_only=True)
    last_sent_at = serializers.DateTimeField(read_only=True, allow_null=True)


class KeysSerializer(serializers.Serializer):
    p256dh = serializers.CharField(max_length=200, allow_blank=True, required=False, default="")
    auth = serializers.CharField(max_length=200, allow_blank=True, required=False, default="")


class SubscribeSerializer(serializers.Serializer):
    """A browser's PushSubscription.toJSON(), with the kinds of news wanted (all when left out)."""

    endpoint = serializers.CharField(max_length=rules.MAX_ENDPOINT, allow_blank=True)
    expirationTime = serializers.IntegerField(required=False, allow_null=True)  # noqa: N815 (the browser's name)
    keys = KeysSerializer()
    kinds = serializers.ListField(child=serializers.ChoiceField(choices=rules.KINDS), required=False,
                                  max_length=len(rules.KINDS) * 2)


class EndpointSerializer(serializers.Serializer):
    endpoint = serializers.CharField(max_length=rules.MAX_ENDPOINT)


class KeyView(APIView):
    permission_classes = [PUSH_USERS]

    @extend_schema(responses={200: {"type": "object", "properties": {"public_key": {"type": "string"}}}})
    def get(self, request):
        return Response({"public_key": keys.public_key()})


class SubscriptionsView(SmallBodies):
    permission_classes = [PUSH_USERS]

    @extend_schema(responses={200: SubscriptionSerializer(many=True)})
    def get(self, request):
        return Response(SubscriptionSerializer(selectors.subscriptions_of(request.user), many=True).data)

    @extend_schema(request=SubscribeSerializer, responses={200: SubscriptionSerializer, 201: SubscriptionSerializer})
    def post(self, request):
        data = SubscribeSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        subscription, created = services.subscribe(
            user=request.user, endpoint=values["endpoint"], p256dh=values["keys"]["p256dh"],
            auth=values["keys"]["auth"], user_agent=request.headers.get("User-Agent", ""), kinds=values.get("kinds"))
        return Response(SubscriptionSerializer(subscription).data,
                        status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)


class SubscriptionView(SmallBodies):
    permission_classes = [PUSH_USERS]

    @extend_schema(responses={200: SubscriptionSerializer})
    def get(self, request, pk):
        return Response(SubscriptionSerializer(selectors.subscription_for(request.user, pk)).data)

    @extend_schema(request=SubscriptionSerializer, responses={200: SubscriptionSerializer})
    def patch(self, request, pk):
        subscription = selectors.subscription_for(request.user, pk)
        data = SubscriptionSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.set_kinds(subscription, kinds=data.validated_data["kinds"])
        return Response(SubscriptionSerializer(subscription).data)

    @extend_schema(responses={204: None})
    def delete(self, request, pk):
        services.unsubscribe(selectors.subscription_for(request.user, pk))
        return Response(status=status.HTTP_204_NO_CONTENT)


class FindView(SmallBodies):
    permission_classes = [PUSH_USERS]

    @extend_schema(request=EndpointSerializer, responses={200: SubscriptionSerializer})
    def post(self, request):
        data = EndpointSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        found = selectors.subscription_with_endpoint(request.user, data.validated_data["endpoint"])
        return Response(SubscriptionSerializer(found).data)


class UnsubscribeView(SmallBodies):
    permission_classes = [PUSH_USERS]

    @extend_schema(request=EndpointSerializer, responses={204: None})
    def post(self, request):
        data = EndpointSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.unsubscribe(selectors.subscription_with_endpoint(request.user, data.validated_data["endpoint"]))
        return Response(status=status.HTTP_204_NO_CONTENT)
