"""Contract pages: the entrepreneur manages, a parent reads and signs her own children's contracts, staff
read the schedules. A parent asks for a change (new schedule, end, another wish); the entrepreneur answers."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from accounts.permissions import RoleRequiredMixin
from accounts.roles import ENTREPRENEUR, PARENT, STAFF
from config.service_errors import add_service_errors, errors_by_field
from frontend.numbers import long_date
from tenants.calendar.selectors import location_today
from tenants.contracts import rules, selectors, services, terms
from tenants.contracts.api import client_ip
from tenants.contracts.forms import (
    AnswerChangeRequestForm,
    ChangeForm,
    ChangeRequestForm,
    ContractForm,
    EvaluationDoneForm,
    NoticeForm,
    ScheduleForm,
    SettingsForm,
    SignForm,
)
from tenants.contracts.models import ChangeRequest, Contract, ContractSettings, EvaluationTask


def contract_for(request, pk):
    return get_object_or_404(selectors.contracts_visible_to(request.user, request.roles), pk=pk)


def schedule_errors_to_forms(exc, form, schedule_form):
    """Field errors on the main form; schedule errors above the grid."""
    for field, messages_ in errors_by_field(exc).items():
        for message in messages_:
            if field == "schedule":
                schedule_form.add_error(None, message)
            else:
                form.add_error(field if field in form.fields else None, message)


class ContractListView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR, PARENT)

    def get(self, request):
        contracts = selectors.contracts_visible_to(request.user, request.roles)
        return render(request, "contracts/contract_list.html", {
            "contracts": contracts, "can_manage": ENTREPRENEUR in request.roles})


class ContractCreateView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)
    template_name = "contracts/contract_form.html"

    def get(self, request):
        return render(request, self.template_name, {
            "form": ContractForm(location=request.location), "schedule_form": ScheduleForm()})

    def post(self, request):
        form = ContractForm(request.POST, location=request.location)
        schedule_form = ScheduleForm(request.POST)
        if form.is_valid() and schedule_form.is_valid():
            data = form.cleaned_data
            try:
                contract = services.create_contract(
                    **data, schedule=schedule_form.weeks(data["schedule_type"]), user=request.user)
            except ValidationError as exc:
                schedule_errors_to_forms(exc, form, schedule_form)
            else:
                messages.success(request, _("The contract is ready for the parent to sign."))
                return redirect("contract-page", pk=contract.pk)
        return render(request, self.template_name, {"form": form, "schedule_form": schedule_form}, status=400)


class ContractDetailView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR, PARENT)

    def get(self, request, pk, sign_form=None, notice_form=None, status=200):
        contract = contract_for(request, pk)
        current = contract.current_version
        is_guardian = contract.child.guardians.filter(pk=request.user.pk).exists()
        jurisdiction = request.location.jurisdiction
        return render(request, "contracts/contract_detail.html", {
            "contract": contract,
            "current": current,
            "versions": contract.versions.order_by("-number").select_related("group"),
            "can_manage": ENTREPRENEUR in request.roles,
            "can_sign": PARENT in request.roles and is_guardian and current and current.signed_at is None,
            "sign_form": sign_form or SignForm(),
            "notice_form": notice_form or NoticeForm(),
            "terms": terms.lines(terms.terms_of(current, request.location)) if current else [],
            "notice_parent": rules.notice_months(jurisdiction, rules.PARENT),
            "notice_location": rules.notice_months(jurisdiction, rules.LOCATION),
            "evaluations": contract.evaluations.all() if ENTREPRENEUR in request.roles else [],
            "change_requests": selectors.change_requests_visible_to(request.user, request.roles).filter(
                contract=contract)[:10],
            "may_request_change": is_guardian and contract.status == Contract.Status.ACTIVE,
        }, status=status)


class ContractChangeView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)
    template_name = "contracts/contract_change.html"

    def get(self, request, pk):
        contract = contract_for(request, pk)
        current = contract.current_version
        form = ChangeForm(initial={
            "group": current.group_id, "end_date": contract.end_date, "schedule_type": current.schedule_type,
            "estimated_hours_per_quarter": current.estimated_hours_per_quarter,
            "effective_from": location_today()})
        return render(request, self.template_name, {
            "contract": contract, "form": form, "schedule_form": ScheduleForm(initial_weeks=current.schedule)})

    def post(self, request, pk):
        contract = contract_for(request, pk)
        form = ChangeForm(request.POST)
        schedule_form = ScheduleForm(request.POST)
        if form.is_valid() and schedule_form.is_valid():
            data = dict(form.cleaned_data)
            data["requested_on"] = data.get("requested_on") or None
            try:
                services.change_contract(contract, **data, schedule=schedule_form.weeks(data["schedule_type"]),
                                         user=request.user)
            except ValidationError as exc:
                schedule_errors_to_forms(exc, form, schedule_form)
            else:
                messages.success(request, _("A new version of the contract is ready for the parent to sign."))
                return redirect("contract-page", pk=contract.pk)
        return render(request, self.template_name,
                      {"contract": contract, "form": form, "schedule_form": schedule_form}, status=400)


class ContractSignView(RoleRequiredMixin, View):
    allowed_roles = (PARENT,)

    def post(self, request, pk):
        contract = contract_for(request, pk)
        form = SignForm(request.POST)
        if form.is_valid():
            try:
                services.sign_version(contract.current_version, user=request.user,
                                      typed_name=form.cleaned_data["typed_name"], ip=client_ip(request))
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Thank you: the contract is signed. You can download the signed copy."))
                return redirect("contract-page", pk=contract.pk)
        return ContractDetailView().get(request, pk, sign_form=form, status=400)


class ContractNoticeView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def post(self, request, pk):
        contract = contract_for(request, pk)
        form = NoticeForm(request.POST)
        if form.is_valid():
            try:
                contract = services.give_notice(contract, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Notice is recorded; the care ends on %(date)s.")
                                 % {"date": long_date(contract.end_date)})
                return redirect("contract-page", pk=contract.pk)
        return ContractDetailView().get(request, pk, notice_form=form, status=400)


class ScheduleListView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR, STAFF)

    def get(self, request):
        rows = []
        for contract in selectors.schedules_visible_to(request.user, request.roles):
            version = contract.signed_version
            rows.append({"contract": contract, "version": version, "weeks": version.weeks if version else []})
        return render(request, "contracts/schedules.html", {"rows": rows})


class SettingsView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def get(self, request):
        return render(request, "contracts/settings.html", {"form": SettingsForm(instance=ContractSettings.load())})

    def post(self, request):
        form = SettingsForm(request.POST, instance=ContractSettings.load())
        if form.is_valid():
            try:
                services.update_settings(**form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The contract settings were saved."))
                return redirect("contract-settings")
        return render(request, "contracts/settings.html", {"form": form}, status=400)


class EvaluationListView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def get(self, request):
        return render(request, "contracts/evaluations.html", {
            "open": selectors.open_evaluations(),
            "done": EvaluationTask.objects.filter(done_at__isnull=False).select_related("contract__child")[:50],
            "form": EvaluationDoneForm(),
        })


class EvaluationDoneView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def post(self, request, pk):
        task = get_object_or_404(EvaluationTask, pk=pk)
        form = EvaluationDoneForm(request.POST)
        if form.is_valid():
            try:
                services.complete_evaluation(task, user=request.user, notes=form.cleaned_data["notes"])
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(request, _("The evaluation is recorded."))
        return redirect("contract-evaluations")


# --- a parent's change requests -----------------------------------------------------------------------


class ChangeRequestListView(RoleRequiredMixin, View):
    """The entrepreneur: open requests first, then the answered ones; a parent: her own, with the answers."""

    allowed_roles = (ENTREPRENEUR, PARENT)

    def get(self, request):
        found = list(selectors.change_requests_visible_to(request.user, request.roles)[:200])
        return render(request, "contracts/change_requests.html", {
            "open": [item for item in found if item.status == ChangeRequest.Status.OPEN],
            "answered": [item for item in found if item.status != ChangeRequest.Status.OPEN],
            "can_manage": ENTREPRENEUR in request.roles,
        })


class ChangeRequestCreateView(RoleRequiredMixin, View):
    allowed_roles = (PARENT,)
    template_name = "contracts/change_request_form.html"

    def contracts(self, request):
        today = location_today()
        return selectors.contracts_visible_to(request.user, {PARENT}).filter(
            status=Contract.Status.ACTIVE).filter(Q(end_date__isnull=True) | Q(end_date__gte=today))

    def page(self, request, form, schedule_form, status=200):
        return render(request, self.template_name, {"form": form, "schedule_form": schedule_form}, status=status)

    def get(self, request):
        contracts = self.contracts(request)
        initial = {"kind": ChangeRequest.Kind.SCHEDULE}
        wanted = request.GET.get("contract") or ""
        child = request.GET.get("child") or ""
        chosen = None
        if wanted.isdigit():
            chosen = contracts.filter(pk=int(wanted)).first()
        elif child.isdigit():
            chosen = contracts.filter(child_id=int(child)).first()
        initial_weeks = None
        if chosen is not None:
            initial["contract"] = chosen.pk
            version = chosen.signed_version
            if version is not None:
                initial["schedule_type"] = version.schedule_type
                initial_weeks = version.schedule
        form = ChangeRequestForm(initial=initial, contracts=contracts)
        return self.page(request, form, ScheduleForm(initial_weeks=initial_weeks))

    def post(self, request):
        form = ChangeRequestForm(request.POST, contracts=self.contracts(request))
        schedule_form = ScheduleForm(request.POST)
        if form.is_valid() and schedule_form.is_valid():
            data = form.cleaned_data
            try:
                change = services.request_change(
                    data["contract"], kind=data["kind"], effective_from=data["effective_from"],
                    schedule_type=data["schedule_type"], schedule=schedule_form.weeks(data["schedule_type"]),
                    estimated_hours_per_quarter=data["estimated_hours_per_quarter"], end_date=data["end_date"],
                    message=data["message"], by=request.user)
            except ValidationError as exc:
                schedule_errors_to_forms(exc, form, schedule_form)
            else:
                messages.success(request, _("Your request is sent to the location; you will see the answer here."))
                return redirect("contract-change-request", pk=change.pk)
        return self.page(request, form, schedule_form, status=400)


class ChangeRequestDetailView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR, PARENT)

    def get(self, request, pk, form=None, status=200):
        change = get_object_or_404(selectors.change_requests_visible_to(request.user, request.roles), pk=pk)
        is_open = change.status == ChangeRequest.Status.OPEN
        return render(request, "contracts/change_request.html", {
            "change": change,
            "current": change.contract.signed_version,
            "can_answer": ENTREPRENEUR in request.roles and is_open,
            "can_cancel": PARENT in request.roles and is_open and change.contract.child.guardians.filter(
                pk=request.user.pk).exists(),
            "form": form or AnswerChangeRequestForm(),
        }, status=status)


class ChangeRequestAnswerView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def post(self, request, pk):
        change = get_object_or_404(selectors.change_requests_visible_to(request.user, request.roles), pk=pk)
        form = AnswerChangeRequestForm(request.POST)
        if form.is_valid():
            try:
                change = services.answer_change_request(change, accept=form.cleaned_data["decision"] == "accept",
                                                        answer=form.cleaned_data["answer"], by=request.user)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                if change.version is not None:
                    messages.success(request, _("Accepted: a new version of the contract is ready for the parent "
                                                "to sign."))
                else:
                    messages.success(request, _("The parent sees your answer."))
                return redirect("contract-change-request", pk=change.pk)
        return ChangeRequestDetailView().get(request, pk, form=form, status=400)


class ChangeRequestCancelView(RoleRequiredMixin, View):
    allowed_roles = (PARENT,)

    def post(self, request, pk):
        change = get_object_or_404(selectors.change_requests_visible_to(request.user, {PARENT}), pk=pk)
        try:
            services.cancel_change_request(change, by=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return ChangeRequestDetailView().get(request, pk, status=400)
        messages.success(request, _("Your request is cancelled."))
        return redirect("contract-change-request", pk=change.pk)
