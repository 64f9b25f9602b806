"""Pages of consents and vaccinations: the overview (staff: what each child may not do; a parent: her children),
one child's consents with their history and vaccination status (a guardian decides there), and the entrepreneur's
texts."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from jurisdictions import policy

from accounts.permissions import RoleRequiredMixin
from accounts.roles import ENTREPRENEUR, PARENT, STAFF
from config.service_errors import add_service_errors, translated
from tenants.calendar.selectors import current_location
from tenants.children.selectors import children_visible_to
from tenants.consents import forms, selectors, services
from tenants.consents.models import Kind

WORKERS = (ENTREPRENEUR, STAFF)


def is_worker(request) -> bool:
    return bool(request.roles & set(WORKERS))


class OverviewView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR, STAFF, PARENT)

    def get(self, request):
        children = list(children_visible_to(request.user, request.roles))
        limits = selectors.limits_by_child([c.pk for c in children])
        rows = [{"child": c, "limits": limits[c.pk], "vaccination": translated(selectors.vaccination_notes(c))
                 if is_worker(request) else []} for c in children]
        return render(request, "consents/overview.html", {"rows": rows, "is_worker": is_worker(request),
                                                          "is_entrepreneur": ENTREPRENEUR in request.roles})


class ChildView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR, STAFF, PARENT)

    def child(self, request, pk):
        return get_object_or_404(children_visible_to(request.user, request.roles), pk=pk)

    def vaccination_form(self, data=None):
        jurisdiction = policy(current_location().jurisdiction)
        return forms.VaccinationForm(data, schedule_name=_(jurisdiction.vaccination_schedule)
                                     if jurisdiction.vaccination_schedule else "",
                                     mandatory=jurisdiction.mandatory_vaccinations)

    def render_page(self, request, child, vaccination_form=None, status=200):
        texts = selectors.current_texts()
        allowed = selectors.allowed_by_child([child.pk])[child.pk]
        latest = {}
        for decision in selectors.history(child):
            latest.setdefault(decision.kind, decision)
        labels = dict(Kind.choices)
        consents = [{"kind": kind, "label": labels[kind], "text": texts[kind], "allowed": allowed[kind],
                     "latest": latest.get(kind)} for kind in texts]
        return render(request, "consents/child.html", {
            "child": child, "consents": consents, "history": selectors.history(child),
            "is_guardian": child.guardians.filter(pk=request.user.pk).exists(), "is_worker": is_worker(request),
            "vaccination": selectors.vaccination_of(child),
            "vaccination_notes": translated(selectors.vaccination_notes(child)),
            "vaccination_history": selectors.vaccination_history(child),
            "vaccination_form": vaccination_form or self.vaccination_form(),
        }, status=status)

    def get(self, request, pk):
        return self.render_page(request, self.child(request, pk))

    def post(self, request, pk):
        child = self.child(request, pk)
        if request.POST.get("action") == "vaccination":
            form = self.vaccination_form(request.POST)
            if form.is_valid():
                try:
                    services.record_vaccination(child, by=request.user, roles=request.roles, **form.cleaned_data)
                except ValidationError as exc:
                    add_service_errors(form, exc)
                else:
                    messages.success(request, _("The vaccination status is saved."))
                    return redirect("consents-child", pk=child.pk)
            return self.render_page(request, child, vaccination_form=form, status=400)
        form = forms.DecisionForm(request.POST)
        if form.is_valid():
            try:
                services.decide(child, by=request.user, **form.cleaned_data)
            except ValidationError as exc:
                for message in exc.messages:
                    messages.error(request, message)
                return self.render_page(request, child, status=400)
            messages.success(request, _("Your choice is saved."))
            return redirect("consents-child", pk=child.pk)
        messages.error(request, _("Choose whether you give or withdraw the consent."))
        return self.render_page(request, child, status=400)


class TextsView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def render_page(self, request, form, status=200):
        return render(request, "consents/texts.html", {"texts": selectors.current_texts().values(), "form": form},
                      status=status)

    def get(self, request):
        return self.render_page(request, forms.TextForm())

    def post(self, request):
        form = forms.TextForm(request.POST)
        if form.is_valid():
            try:
                services.write_text(by=request.user, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The text is saved; parents are asked for their consent again."))
                return redirect("consents-texts")
        return self.render_page(request, form, status=400)
