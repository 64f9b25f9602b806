"""Pages of the accident register: the list (staff: every report here; a parent: her own children's), a new
report (staff and the entrepreneur record and sign it in one step) and one report, where staff add the claim
number or the moment the parent was told."""
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from accounts.permissions import RoleRequiredMixin
from accounts.roles import ENTREPRENEUR, PARENT, STAFF
from config.service_errors import add_service_errors
from tenants.accidents import forms, selectors, services
from tenants.attendance.selectors import location_zone
from tenants.children.selectors import children_visible_to

WORKERS = (ENTREPRENEUR, STAFF)


def is_worker(request) -> bool:
    return bool(request.roles & set(WORKERS))


class ListView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR, STAFF, PARENT)

    def get(self, request):
        accidents = selectors.accidents_visible_to(request.user, request.roles)[:200]
        return render(request, "accidents/list.html", {"accidents": accidents, "is_worker": is_worker(request),
                                                       "tz": location_zone()})


class NewView(RoleRequiredMixin, View):
    allowed_roles = WORKERS

    def form(self, request, data=None):
        children = children_visible_to(request.user, request.roles)
        initial = {"child": request.GET.get("child")} if data is None else None
        return forms.AccidentForm(data, children=children, initial=initial)

    def get(self, request):
        return render(request, "accidents/form.html", {"form": self.form(request)})

    def post(self, request):
        with timezone.override(location_zone()):
            form = self.form(request, request.POST)
            if form.is_valid():
                data = dict(form.cleaned_data)
                child = children_visible_to(request.user, request.roles).filter(pk=data.pop("child")).first()
                if child is None:
                    form.add_error("child", _("Choose a child of this location."))
                else:
                    try:
                        accident = services.record_accident(child, by=request.user, **data)
                    except ValidationError as exc:
                        add_service_errors(form, exc)
                    else:
                        messages.success(request, _("The report is signed and the parents have a message."))
                        return redirect("accident-page", pk=accident.pk)
            return render(request, "accidents/form.html", {"form": form}, status=400)


class DetailView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR, STAFF, PARENT)

    def render_page(self, request, accident, form=None, status=200):
        tz = location_zone()
        if form is None and is_worker(request):
            form = forms.CompleteForm(initial={
                "claim_number": accident.claim_number,
                "parent_informed_at": timezone.localtime(accident.parent_informed_at, tz)
                if accident.parent_informed_at else None})
        return render(request, "accidents/detail.html", {"accident": accident, "form": form, "tz": tz,
                                                         "is_worker": is_worker(request)}, status=status)

    def get(self, request, pk):
        accident = get_object_or_404(selectors.accidents_visible_to(request.user, request.roles), pk=pk)
        return self.render_page(request, accident)

    def post(self, request, pk):
        if not is_worker(request):
            raise PermissionDenied
        accident = get_object_or_404(selectors.accidents_visible_to(request.user, request.roles), pk=pk)
        with timezone.override(location_zone()):
            form = forms.CompleteForm(request.POST)
            if form.is_valid():
                try:
                    services.complete(accident, claim_number=form.cleaned_data["claim_number"],
                                      parent_informed_at=form.cleaned_data["parent_informed_at"])
                except ValidationError as exc:
                    add_service_errors(form, exc)
                else:
                    messages.success(request, _("The report is completed."))
                    return redirect("accident-page", pk=accident.pk)
            return self.render_page(request, accident, form, status=400)
