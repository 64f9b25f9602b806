"""The notifications settings page on the main domain: turn notifications on or off on this device (a script,
push-settings.js, since only the browser can subscribe), and per device the kinds of news, or remove it."""
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from accounts.permissions import RoleRequiredMixin
from accounts.roles import PARENT
from portal.views import MainDomainOnly
from push import forms, keys, selectors, services

PUSH_ROLES = (PARENT, "location_worker")


class SettingsView(MainDomainOnly, RoleRequiredMixin, View):
    allowed_roles = PUSH_ROLES

    def get(self, request):
        return render(request, "push/settings.html", settings_context(request))


def settings_context(request, failed=None) -> dict:
    devices = []
    for subscription in selectors.subscriptions_of(request.user):
        form = failed[1] if failed and failed[0] == subscription.pk else forms.KindsForm(subscription=subscription,
                                                                                         prefix=f"s{subscription.pk}")
        devices.append({"subscription": subscription, "form": form})
    return {
        "devices": devices,
        "public_key": keys.public_key(),
        "urls": {
            "subscribe": reverse("push-subscriptions-api"),
            "find": reverse("push-find-api"),
            "unsubscribe": reverse("push-unsubscribe-api"),
        },
    }


class KindsView(MainDomainOnly, RoleRequiredMixin, View):
    allowed_roles = PUSH_ROLES

    def post(self, request, pk):
        subscription = selectors.subscription_for(request.user, pk)
        form = forms.KindsForm(request.POST, subscription=subscription, prefix=f"s{subscription.pk}")
        if not form.is_valid():
            return render(request, "push/settings.html", settings_context(request, (subscription.pk, form)),
                          status=400)
        services.set_kinds(subscription, kinds=form.kinds())
        messages.success(request, _("Your choice for this device is saved."))
        return redirect("push-settings")


class RemoveView(MainDomainOnly, RoleRequiredMixin, View):
    allowed_roles = PUSH_ROLES

    def post(self, request, pk):
        services.unsubscribe(selectors.subscription_for(request.user, pk))
        messages.success(request, _("This device no longer receives notifications."))
        return redirect("push-settings")
