"""Pages of the parent portal on the main domain (own data: download, correction, deletion; the
cooperative's surveys) and at a location (the entrepreneur handles deletion requests)."""
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from accounts.permissions import RoleRequiredMixin
from accounts.roles import ADVISER, COOP_ADMIN, ENTREPRENEUR, PARENT
from config.service_errors import add_service_errors
from portal import export, forms, selectors, services
from portal.models import CoopSurvey, DeletionRequest
from tenants.surveys import rules as survey_rules


class MainDomainOnly:
    def dispatch(self, request, *args, **kwargs):
        if getattr(request, "location", None) is not None:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class PrivacyView(MainDomainOnly, RoleRequiredMixin, View):
    """The parent's own data: download it, ask for a correction or for deletion; earlier requests."""

    allowed_roles = (PARENT,)

    def get(self, request):
        requests = [{"request": r, "lines": services.outcome_lines(r.outcome)}
                    for r in selectors.deletion_requests_of(request.user)]
        return render(request, "portal/privacy.html", {"requests": requests})


class DownloadView(MainDomainOnly, RoleRequiredMixin, View):
    allowed_roles = (PARENT,)

    def get(self, request):
        data = export.build_archive(request.user)
        response = HttpResponse(data, content_type="application/zip")
        stamp = timezone.localdate().isoformat()
        response["Content-Disposition"] = f'attachment; filename="my-data-{stamp}.zip"'
        response["Cache-Control"] = "private, no-store"
        return response


class CorrectionView(MainDomainOnly, RoleRequiredMixin, View):
    allowed_roles = (PARENT,)

    def form(self, request, data=None):
        return forms.CorrectionForm(data, families=selectors.parent_overview(request.user))

    def get(self, request):
        return render(request, "portal/form.html", {"form": self.form(request), "title": _("Ask for a correction"),
                                                    "submit_label": _("Send to the location")})

    def post(self, request):
        form = self.form(request, request.POST)
        if form.is_valid():
            location_id, child_id = (int(x) for x in form.cleaned_data["child"].split(":"))
            location = next((loc for loc in selectors.parent_locations(request.user) if loc.pk == location_id), None)
            try:
                if location is None:
                    raise ValidationError({"child": [_("Choose one of your own children.")]})
                services.request_correction(request.user, location, child_id, field=form.cleaned_data["field"],
                                            requested_change=form.cleaned_data["requested_change"],
                                            reason=form.cleaned_data["reason"])
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Your request is sent to %(location)s.") % {"location": location.name})
                return redirect("privacy")
        return render(request, "portal/form.html", {"form": form, "title": _("Ask for a correction"),
                                                    "submit_label": _("Send to the location")}, status=400)


class DeletionView(MainDomainOnly, RoleRequiredMixin, View):
    allowed_roles = (PARENT,)

    def form(self, request, data=None):
        return forms.DeletionForm(data, locations=selectors.parent_locations(request.user))

    def context(self, form):
        return {"form": form, "title": _("Ask to delete your data"), "submit_label": _("Send the request"),
                "intro": _("The location answers within a month. What the law requires it to keep (invoices, "
                           "contracts and the attendance register, for the tax authorities) is kept; you are "
                           "told what and until when.")}

    def get(self, request):
        return render(request, "portal/form.html", self.context(self.form(request)))

    def post(self, request):
        form = self.form(request, request.POST)
        if form.is_valid():
            location = next(loc for loc in selectors.parent_locations(request.user)
                            if loc.pk == form.cleaned_data["location"])
            try:
                services.request_deletion(request.user, location, reason=form.cleaned_data["reason"])
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Your request is sent to %(location)s.") % {"location": location.name})
                return redirect("privacy")
        return render(request, "portal/form.html", self.context(form), status=400)


# --- at a location: the entrepreneur handles deletion requests --------------------------------


class DeletionRequestListView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def get(self, request):
        if request.location is None:
            raise PermissionDenied
        return render(request, "portal/deletion_requests.html", {
            "requests": selectors.deletion_requests_for_location(request.location)})


class DeletionRequestHandleView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def get_request(self, request, pk):
        if request.location is None:
            raise PermissionDenied
        return get_object_or_404(selectors.deletion_requests_for_location(request.location), pk=pk)

    def page(self, request, item, form, status=200):
        return render(request, "portal/deletion_handle.html", {
            "item": item, "form": form, "lines": services.outcome_lines(item.outcome)}, status=status)

    def get(self, request, pk):
        return self.page(request, self.get_request(request, pk), forms.HandleDeletionForm())

    def post(self, request, pk):
        item = self.get_request(request, pk)
        form = forms.HandleDeletionForm(request.POST)
        if form.is_valid():
            try:
                item = services.handle_deletion(item, by=request.user, note=form.cleaned_data["note"])
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                if item.status == DeletionRequest.Status.DONE:
                    messages.success(request, _("The data is deleted as far as the law allows; the parent is told."))
                else:
                    messages.warning(request, _("Nothing could be deleted yet; the parent is told why."))
                return redirect("deletion-request-handle", pk=item.pk)
        return self.page(request, item, form, status=400)


# --- the cooperative's surveys (main domain) -------------------------------------------------


class CoopSurveyListView(MainDomainOnly, RoleRequiredMixin, View):
    allowed_roles = (COOP_ADMIN, ADVISER)

    def get(self, request):
        return render(request, "portal/coop_surveys.html", {
            "surveys": CoopSurvey.objects.all(), "may_create": COOP_ADMIN in request.roles})


class CoopSurveyCreateView(MainDomainOnly, RoleRequiredMixin, View):
    allowed_roles = (COOP_ADMIN,)

    def get(self, request):
        return render(request, "portal/form.html", {
            "form": forms.CoopSurveyForm(initial={"opens_on": timezone.localdate()}),
            "title": _("New survey for all locations"), "submit_label": _("Send to all parents")})

    def post(self, request):
        form = forms.CoopSurveyForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                survey = services.create_coop_survey(
                    by=request.user, title=data["title"], intro=data["intro"], anonymous=data["anonymous"],
                    questions=survey_rules.questions_from_lines(data["scale_questions"], data["open_question"]),
                    opens_on=data["opens_on"], closes_on=data["closes_on"])
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The survey is open for the parents of every location."))
                return redirect("coop-survey-results", pk=survey.pk)
        return render(request, "portal/form.html", {"form": form, "title": _("New survey for all locations"),
                                                    "submit_label": _("Send to all parents")}, status=400)


class CoopSurveyResultsView(MainDomainOnly, RoleRequiredMixin, View):
    allowed_roles = (COOP_ADMIN, ADVISER)

    def get(self, request, pk):
        survey = get_object_or_404(CoopSurvey, pk=pk)
        questions = survey.questions
        groups = selectors.coop_survey_results(survey)
        return render(request, "portal/coop_survey_results.html", {
            "survey": survey, "questions": questions, "groups": groups, "minimum": survey_rules.MIN_RESPONSES})
