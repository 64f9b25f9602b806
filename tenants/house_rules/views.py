"""Pages of the house rules: the version in force with those announced and their appendices (everyone here),
acknowledging a version (parents), announcing and correcting a version and seeing who acknowledged it
(the entrepreneur), and the PDF of a version."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from accounts.permissions import RoleRequiredMixin
from accounts.roles import ENTREPRENEUR, PARENT, STAFF
from config.service_errors import add_service_errors
from tenants.calendar.selectors import location_today
from tenants.house_rules import appendices, forms, rules, selectors, services
from tenants.house_rules.models import HouseRulesVersion

MEMBERS = (ENTREPRENEUR, STAFF, PARENT)


def _rows(request, versions, today):
    done = selectors.acknowledged_ids(request.user) if PARENT in request.roles else set()
    parents = len(selectors.parents_here()) if ENTREPRENEUR in request.roles else 0
    rows = []
    for version in versions:
        row = {"version": version, "in_force": version.effective_on <= today, "acknowledged": version.pk in done,
               "window": rules.ending_window(version.announced_on) if version.disadvantageous else None}
        if ENTREPRENEUR in request.roles:
            row["acknowledged_count"] = version.acknowledgements.count()
            row["parents"] = parents
        rows.append(row)
    return rows


class HouseRulesView(RoleRequiredMixin, View):
    allowed_roles = MEMBERS

    def get(self, request):
        today = location_today()
        versions = selectors.current_and_announced(today)
        return render(request, "house_rules/page.html", {
            "rows": _rows(request, versions, today), "today": today, "is_parent": PARENT in request.roles,
            "is_entrepreneur": ENTREPRENEUR in request.roles,
            "earlier": HouseRulesVersion.objects.exclude(pk__in=[v.pk for v in versions])
            if ENTREPRENEUR in request.roles else [],
            "appendices": appendices.links_for(request.roles)})


class VersionView(RoleRequiredMixin, View):
    allowed_roles = MEMBERS

    def get(self, request, pk):
        version = get_object_or_404(HouseRulesVersion, pk=pk)
        today = location_today()
        is_entrepreneur = ENTREPRENEUR in request.roles
        form = None
        if is_entrepreneur and version.number > 1 and version.effective_on > today:
            form = forms.CorrectForm(initial={"effective_on": version.effective_on,
                                              "disadvantageous": version.disadvantageous})
        return self.render_page(request, version, today, form)

    def render_page(self, request, version, today, form, status=200):
        is_entrepreneur = ENTREPRENEUR in request.roles
        return render(request, "house_rules/version.html", {
            "row": _rows(request, [version], today)[0], "version": version, "form": form,
            "acknowledgements": version.acknowledgements.all() if is_entrepreneur else [],
            "is_parent": PARENT in request.roles, "is_entrepreneur": is_entrepreneur,
            "current": version.pk in {v.pk for v in selectors.current_and_announced(today)},
            "appendices": appendices.links_for(request.roles)}, status=status)


class AnnounceView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def get(self, request):
        return render(request, "house_rules/announce.html", {
            "form": forms.AnnounceForm(), "first": not HouseRulesVersion.objects.exists(),
            "earliest": rules.earliest_effective_date(location_today())})

    def post(self, request):
        form = forms.AnnounceForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                version = services.announce_version(by=request.user, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Version %(n)s is announced; the parents have been told.")
                                 % {"n": version.number})
                return redirect("house-rules-version", pk=version.pk)
        return render(request, "house_rules/announce.html", {
            "form": form, "first": not HouseRulesVersion.objects.exists(),
            "earliest": rules.earliest_effective_date(location_today())}, status=400)


class CorrectView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def post(self, request, pk):
        version = get_object_or_404(HouseRulesVersion, pk=pk)
        form = forms.CorrectForm(request.POST)
        if form.is_valid():
            try:
                services.correct_version(version, by=request.user, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The version is corrected; the parents have been told."))
                return redirect("house-rules-version", pk=version.pk)
        return VersionView().render_page(request, version, location_today(), form, status=400)


class AcknowledgeView(RoleRequiredMixin, View):
    allowed_roles = (PARENT,)

    def post(self, request, pk):
        version = get_object_or_404(HouseRulesVersion, pk=pk)
        try:
            services.acknowledge(version, user=request.user, roles=request.roles)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("Thank you: you confirmed you received house rules version %(n)s.")
                             % {"n": version.number})
        return redirect("house-rules")


class DocumentView(RoleRequiredMixin, View):
    allowed_roles = MEMBERS

    def get(self, request, pk):
        version = get_object_or_404(HouseRulesVersion, pk=pk)
        if not version.document:
            raise Http404
        response = FileResponse(version.document.open("rb"), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="house-rules-v{version.number}.pdf"'
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response
