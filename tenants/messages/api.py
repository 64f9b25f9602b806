"""API of messages.

- conversations: list and read what the asker may see (a parent: about own children; staff: addressed to
  their groups; the entrepreneur: all), start one; `messages` lists a conversation's messages with read
  receipts (and marks them read) or sends one.
- announcements: list and read (parents: to all or to their children's groups), publish (entrepreneur, staff).
  Publishing is idempotent: the same `Idempotency-Key` header (or the same title, text and audience by the same
  author within minutes) answers 200 with the announcement already published instead of 201 with a new one.
  The writers see how the e-mail notices went (`email_notices`) and can send those that failed again.
"""
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    inline_serializer,
)
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts.permissions import AtLocation, has_role, location_only
from accounts.roles import ENTREPRENEUR, STAFF, request_roles
from tenants.children.models import Child
from tenants.children.selectors import children_visible_to
from tenants.groups.models import Group
from tenants.messages import selectors, services
from tenants.messages.models import Announcement, Conversation, Message

WORKERS = location_only(has_role(ENTREPRENEUR, STAFF))
MEMBERS = location_only(AtLocation)


class MessageSerializer(serializers.ModelSerializer):
    read_by_other_side_at = serializers.SerializerMethodField()

    class Meta:
        model = Message
        fields = ["id", "author_name", "from_location", "body", "sent_at", "read_by_other_side_at"]
        read_only_fields = ["id", "author_name", "from_location", "sent_at"]

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_read_by_other_side_at(self, obj):
        times = [r.read_at for r in obj.reads.all() if r.user_id != obj.author_id]
        return min(times) if times else None


class ConversationSerializer(serializers.ModelSerializer):
    child = serializers.PrimaryKeyRelatedField(queryset=Child.objects.all())
    body = serializers.CharField(write_only=True)
    unread = serializers.IntegerField(read_only=True, default=0)

    class Meta:
        model = Conversation
        fields = ["id", "child", "recipient", "subject", "body", "created_at", "last_message_at", "unread"]
        read_only_fields = ["id", "created_at", "last_message_at"]


class AnnouncementSerializer(serializers.ModelSerializer):
    group = serializers.PrimaryKeyRelatedField(queryset=Group.objects.all(), required=False, allow_null=True)
    email_notices = serializers.SerializerMethodField(help_text=(
        "For the entrepreneur and staff: how the e-mail notices to parents went — sending, sent, retrying (an "
        "attempt failed; it is tried again), failed (given up: send again), none. Empty for parents."))

    class Meta:
        model = Announcement
        fields = ["id", "title", "body", "group", "published_at", "email_notices"]
        read_only_fields = ["id", "published_at"]

    @extend_schema_field(serializers.ChoiceField(choices=["none", "sending", "sent", "retrying", "failed"],
                                                 allow_null=True))
    def get_email_notices(self, obj):
        request = self.context.get("request")
        if request is None or not request_roles(request) & {ENTREPRENEUR, STAFF}:
            return None
        return services.notice_state(obj)


class ConversationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                          viewsets.GenericViewSet):
    serializer_class = ConversationSerializer
    permission_classes = [MEMBERS]
    lookup_value_converter = "int"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Conversation.objects.none()
        user = self.request.user
        return selectors.with_unread(selectors.conversations_visible_to(user, request_roles(self.request)), user)

    def perform_create(self, serializer):
        data = serializer.validated_data
        roles = request_roles(self.request)
        child = data["child"]
        visible = children_visible_to(self.request.user, roles)
        if not visible.filter(pk=child.pk).exists():
            raise serializers.ValidationError({"child": ["Unknown child."]})
        serializer.instance = services.start_conversation(
            child, by=self.request.user, roles=roles, subject=data["subject"], body=data["body"],
            recipient=data.get("recipient", Conversation.Recipient.GROUP))
        serializer.instance.unread = 0

    @extend_schema(methods=["get"], responses={200: MessageSerializer(many=True)})
    @extend_schema(methods=["post"], request=MessageSerializer, responses={201: MessageSerializer})
    @action(detail=True, methods=["get", "post"])
    def messages(self, request, pk=None):
        conversation = self.get_object()
        if request.method == "POST":
            data = MessageSerializer(data=request.data)
            data.is_valid(raise_exception=True)
            message = services.send_message(conversation, by=request.user, roles=request_roles(request),
                                            body=data.validated_data["body"])
            return Response(MessageSerializer(message).data, status=status.HTTP_201_CREATED)
        services.mark_read(conversation, request.user)
        return Response(MessageSerializer(selectors.messages_of(conversation), many=True).data)


class AnnouncementViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.CreateModelMixin,
                          viewsets.GenericViewSet):
    serializer_class = AnnouncementSerializer
    lookup_value_converter = "int"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Announcement.objects.none()
        return selectors.announcements_for(self.request.user, request_roles(self.request))

    def get_permissions(self):
        return [WORKERS()] if self.action in ("create", "send_again") else [MEMBERS()]

    @extend_schema(
        parameters=[OpenApiParameter("Idempotency-Key", OpenApiTypes.STR, OpenApiParameter.HEADER, required=False,
                                     description="Any unique value (at most 64 characters) per announcement: "
                                                 "the same key again publishes nothing new.")],
        responses={201: AnnouncementSerializer,
                   200: OpenApiResponse(AnnouncementSerializer,
                                        description="Already published (same key, or the same announcement "
                                                    "within minutes): the first one, nothing stored or sent.")})
    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        announcement, created = services.publish_announcement_once(
            by=request.user, idempotency_key=request.headers.get("Idempotency-Key", ""), **serializer.validated_data)
        return Response(self.get_serializer(announcement).data,
                        status=status.HTTP_201_CREATED if created else status.HTTP_200_OK)

    @extend_schema(request=None,
                   responses={202: inline_serializer("SentAgain", {"sent_again": serializers.IntegerField()})})
    @action(detail=True, methods=["post"], url_path="send-again")
    def send_again(self, request, pk=None):
        """Send the e-mail notices that were not delivered again (no second announcement)."""
        return Response({"sent_again": services.send_notices_again(self.get_object())},
                        status=status.HTTP_202_ACCEPTED)
