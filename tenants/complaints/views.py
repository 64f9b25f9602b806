"""Complaint pages: a parent files and follows her own complaints; the entrepreneur records, handles them and
writes the annual report; anyone can read the location's regulation."""
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views import View

from accounts.models import Membership
from accounts.permissions import RoleRequiredMixin
from accounts.roles import ENTREPRENEUR, PARENT
from config.service_errors import add_service_errors
from tenants.calendar.selectors import location_today
from tenants.children.models import Child
from tenants.complaints import api, deliveries, pdf, rules, selectors, services
from tenants.complaints.forms import (
    AnnualReportForm,
    BodyFormSet,
    EscalateForm,
    FileComplaintForm,
    JudgeForm,
    NoteForm,
    RecordComplaintForm,
    RegulationForm,
)
from tenants.complaints.models import DEFAULT_ACKNOWLEDGEMENT_LETTER, DEFAULT_JUDGEMENT_LETTER, AnnualReport


def complaint_for(request, pk):
    return get_object_or_404(selectors.complaints_visible_to(request.user, request.roles), pk=pk)


def direct_route(location) -> str:
    return rules.direct_route(location.jurisdiction)


@method_decorator(login_not_required, name="dispatch")
class RegulationView(View):
    """The location's complaint regulation, public (parents read it before they file)."""

    def get(self, request):
        return render(request, "complaints/regulation.html", {
            "regulation": selectors.regulation(), "direct_route": direct_route(request.location),
            "meldcode_url": services.meldcode_url(), "jurisdiction": request.location.jurisdiction,
            "max_days": rules.max_judgement_days(request.location.jurisdiction)})


class RegulationEditView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)
    template_name = "complaints/regulation_edit.html"

    def get(self, request):
        regulation = selectors.regulation()
        initial = {name: getattr(regulation, name) for name in RegulationForm.base_fields}
        initial["acknowledgement_letter"] = regulation.acknowledgement_letter or str(DEFAULT_ACKNOWLEDGEMENT_LETTER)
        initial["judgement_letter"] = regulation.judgement_letter or str(DEFAULT_JUDGEMENT_LETTER)
        return render(request, self.template_name, {
            "form": RegulationForm(initial=initial),
            "bodies": BodyFormSet(prefix="bodies", initial=regulation.external_bodies)})

    def post(self, request):
        form = RegulationForm(request.POST)
        bodies = BodyFormSet(request.POST, prefix="bodies")
        if form.is_valid() and bodies.is_valid():
            data = dict(form.cleaned_data)
            data["external_bodies"] = [b for b in bodies.cleaned_data if b and b.get("name")]
            try:
                services.update_regulation(**data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The complaint regulation was saved."))
                return redirect("complaint-regulation")
        return render(request, self.template_name, {"form": form, "bodies": bodies}, status=400)


class ComplaintListView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR, PARENT)

    def get(self, request):
        today = location_today()
        complaints = list(selectors.complaints_visible_to(request.user, request.roles))
        for complaint in complaints:
            complaint.overdue = complaint.is_open and complaint.deadline < today
        return render(request, "complaints/list.html", {
            "complaints": complaints, "is_entrepreneur": ENTREPRENEUR in request.roles,
            "is_parent": PARENT in request.roles, "today": today})


class ComplaintNewView(RoleRequiredMixin, View):
    """A parent files a complaint. The meldcode subject is not a complaint: nothing is stored, the parent goes
    to the meldcode page."""

    allowed_roles = (PARENT,)
    template_name = "complaints/new.html"

    def _form(self, request, data=None, files=None):
        return FileComplaintForm(data, files, regulation=selectors.regulation(),
                                 children=selectors.parent_children(request.user))

    def _render(self, request, form, status=200):
        return render(request, self.template_name, {
            "form": form, "meldcode_url": services.meldcode_url(), "regulation": selectors.regulation()},
            status=status)

    def get(self, request):
        return self._render(request, self._form(request))

    def post(self, request):
        if request.POST.get("subject") == rules.MELDCODE:
            messages.info(request, services.meldcode_message())
            return redirect(services.meldcode_url())
        form = self._form(request, request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                complaint = services.file_complaint(
                    user=request.user, subject=data["subject"], description=data["description"],
                    child=data["child"], attachments=data["attachments"])
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Your complaint was received (reference %(reference)s). You will "
                                            "receive a written judgement by %(deadline)s.") % {
                    "reference": complaint.reference, "deadline": complaint.deadline.strftime("%d-%m-%Y")})
                return redirect("complaint-page", pk=complaint.pk)
        return self._render(request, form, status=400)


class ComplaintRecordView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)
    template_name = "complaints/record.html"

    def _form(self, request, data=None, files=None):
        parents = [m.user for m in Membership.objects.filter(
            location=request.location, role=Membership.Role.PARENT, is_active=True).select_related("user")
            .order_by("user__full_name")]
        return RecordComplaintForm(data, files, regulation=selectors.regulation(), children=Child.objects.all(),
                                   parents=parents, initial={"received_on": location_today()})

    def get(self, request):
        return render(request, self.template_name, {"form": self._form(request),
                                                    "meldcode_url": services.meldcode_url()})

    def post(self, request):
        form = self._form(request, request.POST, request.FILES)
        if form.is_valid():
            try:
                complaint = services.record_complaint(user=request.user, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The complaint was recorded as %(reference)s.") % {
                    "reference": complaint.reference})
                return redirect("complaint-page", pk=complaint.pk)
        return render(request, self.template_name, {"form": form, "meldcode_url": services.meldcode_url()},
                      status=400)


class ComplaintDetailView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR, PARENT)

    def get(self, request, pk, forms=None, status=200):
        complaint = complaint_for(request, pk)
        regulation = selectors.regulation()
        today = location_today()
        forms = forms or {}
        is_entrepreneur = ENTREPRENEUR in request.roles
        return render(request, "complaints/detail.html", {
            "complaint": complaint,
            "steps": complaint.steps.select_related("by"),
            "letters": complaint.letters.all(),
            "measures": complaint.measures.all(),
            "attachments": complaint.attachments.all(),
            "is_entrepreneur": is_entrepreneur,
            "regulation": regulation,
            "overdue": complaint.is_open and complaint.deadline < today,
            "direct_route": direct_route(request.location),
            "can": {new: rules.may_move(complaint.status, new) for new in rules.STATES} if is_entrepreneur else {},
            "judge_form": forms.get("judge") or JudgeForm(),
            "note_form": forms.get("note") or NoteForm(),
            "escalate_form": forms.get("escalate") or EscalateForm(regulation=regulation),
            "mail_state": deliveries.mail_state(complaint, request.location) if is_entrepreneur else None,
        }, status=status)


class ComplaintActionView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def post(self, request, pk, action):
        complaint = complaint_for(request, pk)
        forms = {}
        try:
            if action == "acknowledge":
                services.acknowledge(complaint, user=request.user)
                done = _("The acknowledgement letter was sent.")
            elif action == "investigate":
                form = forms["note"] = NoteForm(request.POST)
                form.is_valid()
                services.start_investigation(complaint, user=request.user, note=form.cleaned_data.get("note", ""))
                done = _("The complaint is under investigation.")
            elif action == "judge":
                form = forms["judge"] = JudgeForm(request.POST)
                if not form.is_valid():
                    raise ValidationError({})
                services.judge(complaint, user=request.user, judgement=form.cleaned_data["judgement"],
                               outcome=form.cleaned_data["outcome"], measures=form.measures())
                done = _("The judgement was sent to the parent.")
            elif action == "close":
                form = forms["note"] = NoteForm(request.POST)
                form.is_valid()
                services.close(complaint, user=request.user, note=form.cleaned_data.get("note", ""))
                done = _("The complaint is closed.")
            elif action == "send-again":  # what did not reach the parent: the same letters, none twice
                sent = deliveries.send_mail_again(complaint, request.location)
                done = _("The e-mail is being sent again.") if sent else _("There was nothing to send again.")
            elif action == "escalate":
                form = forms["escalate"] = EscalateForm(request.POST, regulation=selectors.regulation())
                if not form.is_valid():
                    raise ValidationError({})
                services.escalate(complaint, user=request.user, body=form.cleaned_data["body"])
                done = _("The escalation is recorded.")
            else:
                raise Http404
        except ValidationError as exc:
            target = next(iter(forms.values()), None)
            if target is not None and getattr(exc, "error_dict", None):
                add_service_errors(target, exc)
            elif getattr(exc, "error_dict", None) or getattr(exc, "error_list", None):
                for message in exc.messages:
                    messages.error(request, message)
            return ComplaintDetailView().get(request, pk, forms=forms, status=400)
        messages.success(request, done)
        return redirect("complaint-page", pk=complaint.pk)


class LetterPdfView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR, PARENT)

    def get(self, request, pk, letter_id):
        letter = get_object_or_404(complaint_for(request, pk).letters, pk=letter_id)
        return api.pdf_response(letter.pdf, f"{letter.kind}-{letter.complaint.reference}.pdf")


class AttachmentView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR, PARENT)

    def get(self, request, pk, attachment_id):
        attachment = get_object_or_404(complaint_for(request, pk).attachments, pk=attachment_id)
        return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)


def annual_reports_page(request, status=200):
    today = location_today()
    entries = {r.year: r for r in AnnualReport.objects.all()}
    years = [{"year": y, "entry": entries.get(y), "due": rules.report_due(y),
              "state": rules.report_state(y, entries[y].sent_to_ggd_on if y in entries else None, today)}
             for y in selectors.report_years(today)]
    return render(request, "complaints/reports.html", {"years": years}, status=status)


def year_refused(request, error: ValidationError):
    """A year that has no report (year 0, 10000, next year): the list of reports, saying which years do."""
    messages.error(request, " ".join(error.messages))
    return annual_reports_page(request, status=400)


class AnnualReportListView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def get(self, request):
        return annual_reports_page(request)


class AnnualReportView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)
    template_name = "complaints/report.html"

    def _render(self, request, year, form=None, status=200):
        today = location_today()
        report = selectors.annual_report(year, today)
        entry = AnnualReport.objects.filter(year=year).first()
        form = form or AnnualReportForm(initial={
            "reflection": entry.reflection if entry else "", "discussed_on": entry.discussed_on if entry else None,
            "sent_to_ggd_on": entry.sent_to_ggd_on if entry else None})
        return render(request, self.template_name, {"report": report, "form": form, "year": year}, status=status)

    def get(self, request, year):
        try:
            year = services.report_year(year, location_today())
        except ValidationError as error:
            return year_refused(request, error)
        return self._render(request, year)

    def post(self, request, year):
        try:
            year = services.report_year(year, location_today())
        except ValidationError as error:
            return year_refused(request, error)
        form = AnnualReportForm(request.POST)
        if form.is_valid():
            try:
                services.save_annual_report(year, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The annual report was saved."))
                return redirect("complaint-annual-report", year=year)
        return self._render(request, year, form=form, status=400)


class AnnualReportPdfView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def get(self, request, year):
        today = location_today()
        try:
            year = services.report_year(year, today)
        except ValidationError as error:
            return year_refused(request, error)
        report = selectors.annual_report(year, today)
        return api.pdf_response(pdf.annual_report(request.location, report), f"klachtenjaarverslag-{year}.pdf")
