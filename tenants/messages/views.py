"""Pages of messages: the list of conversations and announcements, a conversation with read receipts, a new
conversation, and announcements (written by the entrepreneur or staff, who see on the announcement's page how
its e-mail notices went and can send those that failed again)."""
import secrets

from django.contrib import messages as flash
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from accounts.permissions import RoleRequiredMixin
from accounts.roles import ENTREPRENEUR, PARENT, STAFF
from config.service_errors import add_service_errors
from outbox.views import tell_sent_again
from tenants.children.selectors import children_visible_to
from tenants.groups.models import Group
from tenants.messages import forms, selectors, services

MEMBERS = (ENTREPRENEUR, STAFF, PARENT)


def own_children(request):
    if request.roles & {ENTREPRENEUR, STAFF}:
        return children_visible_to(request.user, request.roles)
    return children_visible_to(request.user, {PARENT})


class InboxView(RoleRequiredMixin, View):
    allowed_roles = MEMBERS

    def get(self, request):
        conversations = selectors.with_unread(selectors.conversations_visible_to(request.user, request.roles),
                                              request.user)
        unread_ids = set(selectors.unread_announcements(request.user, request.roles).values_list("pk", flat=True))
        return render(request, "messages/inbox.html", {
            "conversations": conversations,
            "announcements": selectors.announcements_for(request.user, request.roles).select_related("group")[:20],
            "unread_announcements": unread_ids,
            "may_announce": bool(request.roles & {ENTREPRENEUR, STAFF}),
        })


class NewConversationView(RoleRequiredMixin, View):
    allowed_roles = MEMBERS

    def form(self, request, data=None):
        return forms.ConversationForm(data, children=own_children(request), initial={
            "child": request.GET.get("child")})

    def get(self, request):
        return render(request, "messages/new.html", {"form": self.form(request)})

    def post(self, request):
        form = self.form(request, request.POST)
        if form.is_valid():
            child = get_object_or_404(own_children(request), pk=form.cleaned_data["child"])
            try:
                conversation = services.start_conversation(
                    child, by=request.user, roles=request.roles, subject=form.cleaned_data["subject"],
                    body=form.cleaned_data["body"], recipient=form.cleaned_data["recipient"])
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                flash.success(request, _("Your message is sent."))
                return redirect("message-thread", pk=conversation.pk)
        return render(request, "messages/new.html", {"form": form}, status=400)


class ConversationView(RoleRequiredMixin, View):
    allowed_roles = MEMBERS

    def conversation(self, request, pk):
        return get_object_or_404(selectors.conversations_visible_to(request.user, request.roles), pk=pk)

    def page(self, request, conversation, form, status=200):
        items = []
        for message in selectors.messages_of(conversation):
            others = [r for r in message.reads.all() if r.user_id != message.author_id]
            items.append({"message": message, "mine": message.author_id == request.user.pk,
                          "read_at": min((r.read_at for r in others), default=None)})
        return render(request, "messages/conversation.html", {
            "conversation": conversation, "items": items, "form": form}, status=status)

    def get(self, request, pk):
        conversation = self.conversation(request, pk)
        services.mark_read(conversation, request.user)
        return self.page(request, conversation, forms.MessageForm())

    def post(self, request, pk):
        conversation = self.conversation(request, pk)
        form = forms.MessageForm(request.POST)
        if form.is_valid():
            try:
                services.send_message(conversation, by=request.user, roles=request.roles,
                                      body=form.cleaned_data["body"])
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                return redirect("message-thread", pk=conversation.pk)
        return self.page(request, conversation, form, status=400)


class NewAnnouncementView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR, STAFF)

    def form(self, data=None):
        return forms.AnnouncementForm(data, groups=Group.objects.all(),
                                      initial={"idempotency_key": secrets.token_urlsafe(24)})

    def get(self, request):
        return render(request, "messages/announcement_new.html", {"form": self.form()})

    def post(self, request):
        form = self.form(request.POST)
        if form.is_valid():
            group = Group.objects.filter(pk=form.cleaned_data["group"]).first() if form.cleaned_data["group"] else None
            try:
                announcement, created = services.publish_announcement_once(
                    by=request.user, title=form.cleaned_data["title"], body=form.cleaned_data["body"], group=group,
                    idempotency_key=form.cleaned_data["idempotency_key"])
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                if created:
                    flash.success(request, _("The announcement is published."))
                else:
                    flash.info(request, _("This announcement was already published; it was not sent twice."))
                return redirect("announcement-page", pk=announcement.pk)
        return render(request, "messages/announcement_new.html", {"form": form}, status=400)


class AnnouncementView(RoleRequiredMixin, View):
    allowed_roles = MEMBERS

    def get(self, request, pk):
        announcement = get_object_or_404(selectors.announcements_for(request.user, request.roles), pk=pk)
        services.mark_announcement_read(announcement, request.user)
        writer = bool(request.roles & {ENTREPRENEUR, STAFF})
        return render(request, "messages/announcement.html", {
            "announcement": announcement,
            "notice_state": services.notice_state(announcement) if writer else None,
        })


class SendNoticesAgainView(RoleRequiredMixin, View):
    """Send the announcement's e-mail notices that were not delivered again (no second announcement)."""

    allowed_roles = (ENTREPRENEUR, STAFF)

    def post(self, request, pk):
        announcement = get_object_or_404(selectors.announcements_for(request.user, request.roles), pk=pk)
        tell_sent_again(request, services.send_notices_again(announcement),
                        _("The e-mail notices are being sent again."))
        return redirect("announcement-page", pk=announcement.pk)
