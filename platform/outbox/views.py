"""The cooperative admin's page of outgoing messages: what could not be delivered where, and sending it again.
It shows counts per location and kind only, never to whom or what."""
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views import View

from accounts.permissions import RoleRequiredMixin
from accounts.roles import COOP_ADMIN
from outbox import selectors, services
from outbox.models import Delivery


class DeliveriesView(RoleRequiredMixin, View):
    allowed_roles = (COOP_ADMIN,)

    def get(self, request):
        return render(request, "outbox/deliveries.html", {
            "problems": list(selectors.problems_by_location()),
            "failed": selectors.failed_count(),
        })


def tell_sent_again(request, sent, done: str | None = None) -> None:
    """The answer to every "send again" button: what is on its way, or that nothing was left to send."""
    if sent:
        messages.success(request, done or _("The e-mail is being sent again."))
    else:
        messages.info(request, _("There was nothing to send again."))


class SendFailedAgainView(RoleRequiredMixin, View):
    allowed_roles = (COOP_ADMIN,)

    def post(self, request):
        count = services.send_again(Delivery.objects.filter(status=Delivery.Status.FAILED))
        tell_sent_again(request, count, ngettext("%(n)s message is being sent again.",
                                                 "%(n)s messages are being sent again.", count) % {"n": count})
        return redirect("outbox-deliveries")
