"""The cooperative admin's membership-fee pages on the main domain."""
from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from accounts.permissions import RoleRequiredMixin
from accounts.roles import COOP_ADMIN
from billing.membership import rules, selectors, services
from billing.membership.models import MembershipPrice
from config.service_errors import add_service_errors
from cooperative.models import Location

STANDING_LABELS = {
    rules.PAID: gettext_lazy("paid"),
    rules.OPEN: gettext_lazy("invoice open, not yet due"),
    rules.LATE: gettext_lazy("late"),
    rules.NOT_SUBSCRIBED: gettext_lazy("no subscription"),
}


class PriceForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Kind of location"), choices=Location.Kind.choices)
    monthly_amount = forms.DecimalField(label=gettext_lazy("Monthly fee (€)"), max_digits=8, decimal_places=2)


class MembershipFeesView(RoleRequiredMixin, View):
    """Who is paid up and who is late; start a location's subscription; the price per kind."""

    allowed_roles = (COOP_ADMIN,)

    def get(self, request, price_form=None, status=200):
        only = request.GET.get("standing")
        only = only if only in STANDING_LABELS else None
        rows = selectors.standings(timezone.localdate(), only)
        for row in rows:
            row.label = STANDING_LABELS[row.standing]
        return render(request, "membership/fees.html", {
            "rows": rows, "only": only, "standings": STANDING_LABELS.items(),
            "late_count": sum(1 for r in selectors.standings(timezone.localdate()) if r.standing == rules.LATE),
            "prices": MembershipPrice.objects.all(), "defaults": rules.DEFAULT_MONTHLY_FEE,
            "price_form": price_form or PriceForm(),
        }, status=status)


class SubscribeView(RoleRequiredMixin, View):
    allowed_roles = (COOP_ADMIN,)

    def post(self, request, slug):
        location = get_object_or_404(Location, slug=slug)
        try:
            services.subscribe(location)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("%(location)s now pays its membership fee monthly.")
                             % {"location": location.name})
        return redirect("membership-fees")


class PriceView(RoleRequiredMixin, View):
    allowed_roles = (COOP_ADMIN,)

    def post(self, request):
        form = PriceForm(request.POST)
        if form.is_valid():
            try:
                services.set_price(form.cleaned_data["kind"], form.cleaned_data["monthly_amount"])
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The membership fee is saved; new subscriptions use it."))
                return redirect("membership-fees")
        return MembershipFeesView().get(request, price_form=form, status=400)
