"""API of messages.

- conversations: list and read what the asker may see (a parent: about own children; staff: addressed to
  their groups; the entrepreneur: all), start one; `messages` lists a conversation's messages with read
  receipts (and marks them read) or sends one.
- announcements: list and read (parents: to all or to their children's groups), publish (entrepreneur, staff).
"""
from drf_spectacular.utils import extend_schema, extend_schema_field
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

    class Meta:
        model = Announcement
        fields = ["id", "title", "body", "group", "published_at"]
        read_only_fields = ["id", "published_at"]


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

    def get_permissions(self):
        return [WORKERS()] if self.action == "create" else [MEMBERS()]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Announcement.objects.none()
        return selectors.announcements_for(self.request.user, request_roles(self.request))

    def perform_create(self, serializer):
        serializer.instance = services.publish_announcement(by=self.request.user, **serializer.validated_data)
