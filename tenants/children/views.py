"""Pages of the child file: the list (entrepreneur, staff), a child's file (whoever may read it, with what
they may see), and the entrepreneur's forms; parents ask for corrections, the entrepreneur decides."""
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from accounts.permissions import RoleRequiredMixin
from accounts.roles import ENTREPRENEUR, PARENT, STAFF, roles_for
from config.service_errors import add_service_errors
from tenants.children import forms, selectors, services
from tenants.children.models import Child, CorrectionRequest, CustodyNote, PickupPerson

MEMBERS = (ENTREPRENEUR, STAFF, PARENT)


class ChildListView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR, STAFF)

    def get(self, request):
        children = selectors.children_visible_to(request.user, request.roles)
        return render(request, "children/child_list.html", {"children": children})


class MyChildrenView(RoleRequiredMixin, View):
    """A parent's own children at this location."""

    allowed_roles = (PARENT,)

    def get(self, request):
        children = selectors.children_of_parent(request.user).select_related("group")
        return render(request, "children/my_children.html", {"children": children})


def visible_child(request, pk) -> Child:
    """The child, if the requester may see it at all; 404 otherwise (no hint that it exists)."""
    return get_object_or_404(selectors.children_visible_to(request.user, request.roles), pk=pk)


class ChildPageView(RoleRequiredMixin, View):
    allowed_roles = MEMBERS

    def get(self, request, pk):
        child = visible_child(request, pk)
        access = selectors.FileAccess(request.user, request.roles)
        guardians = list(child.guardians.order_by("full_name"))
        return render(request, "children/child_detail.html", {
            "child": child,
            "access": access,
            "show_medical_notes": access.medical_notes(child),
            "show_bsn": access.bsn(child),
            "is_guardian": access.is_guardian(child),
            "guardians": guardians,
            "last_tie": last_tie(child, guardians) if access.may_edit() else set(),
            "pickup_persons": child.pickup_persons.all(),
            "custody_notes": child.custody_notes.all(),
            "corrections": child.correction_requests.filter(requested_by=request.user)
            if access.is_guardian(child) else [],
        })


def last_tie(child, guardians) -> set[int]:
    """The guardians for whom this child is the only one here whose place runs: removing them from this file
    ends their parent access to the location (the entrepreneur is told before she removes them)."""
    return {g.pk for g in guardians if not selectors.running_child_ids(g) - {child.pk}}


class FormPage(RoleRequiredMixin, View):
    """A page with one form that calls a service; errors go back on the fields."""

    allowed_roles = (ENTREPRENEUR,)
    form_class = None
    title = ""
    submit_label = gettext_lazy("Save")
    template_name = "children/form.html"

    def get_child(self, request, pk):
        return visible_child(request, pk) if pk is not None else None

    def initial(self, child):
        return {}

    def context(self, form, child):
        return {"form": form, "child": child, "title": self.title, "submit_label": self.submit_label,
                "back_url": reverse("child-page", args=[child.pk]) if child else reverse("children")}

    def get(self, request, pk=None):
        child = self.get_child(request, pk)
        return render(request, self.template_name, self.context(self.form_class(initial=self.initial(child)), child))

    def post(self, request, pk=None):
        child = self.get_child(request, pk)
        form = self.form_class(request.POST)
        if form.is_valid():
            try:
                result = self.save(request, child, form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, self.success_message(result))
                return redirect(self.success_url(result, child))
        return render(request, self.template_name, self.context(form, child), status=400)

    def success_url(self, result, child):
        return reverse("child-page", args=[child.pk])


class ChildCreateView(FormPage):
    form_class = forms.ChildForm
    title = gettext_lazy("Add a child")
    submit_label = gettext_lazy("Add child")

    def save(self, request, child, data):
        return services.create_child(actor=request.user, **data)

    def success_message(self, child):
        return _("%(name)s was added.") % {"name": child.full_name}

    def success_url(self, result, child):
        return reverse("child-page", args=[result.pk])


class ChildEditView(FormPage):
    form_class = forms.ChildForm
    title = gettext_lazy("Edit the child's file")

    def initial(self, child):
        return {key: getattr(child, key) for key in services.FILE_FIELDS}

    def save(self, request, child, data):
        return services.update_child(child, actor=request.user, **data)

    def success_message(self, child):
        return _("The file was saved.")


class InviteGuardianView(FormPage):
    form_class = forms.InviteGuardianForm
    title = gettext_lazy("Invite a guardian")
    submit_label = gettext_lazy("Send invitation")

    def save(self, request, child, data):
        return services.invite_guardian(child, actor=request.user, location=request.location, **data)

    def success_message(self, user):
        return _("%(email)s is now a guardian and has been sent an invitation.") % {"email": user.email}


class RemoveGuardianView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def post(self, request, pk):
        child = visible_child(request, pk)
        user = child.guardians.filter(pk=request.POST.get("user") or 0).first() if (
            request.POST.get("user", "").isdigit()) else None
        if user is None:
            raise Http404
        services.remove_guardian(child, user, actor=request.user)
        messages.success(request, removal_message(user, request.location))
        return redirect("child-page", pk=child.pk)


def removal_message(user, location) -> str:
    """What the removal meant for the person at this location: still a parent through another child, no parent
    any more but still working here, or no access here at all."""
    roles = roles_for(user, location)
    if PARENT in roles:
        return _("The guardian was removed from this child's file.")
    if roles:
        return _("Removed from this child's file: %(name)s is no longer a parent here; the other roles at this "
                 "location stay.") % {"name": user.full_name}
    return _("Removed from this child's file: %(name)s no longer has access to this location.") % {
        "name": user.full_name}


class AddPickupPersonView(FormPage):
    form_class = forms.PickupPersonForm
    title = gettext_lazy("Add a person authorised to pick up")
    submit_label = gettext_lazy("Add")

    def save(self, request, child, data):
        return services.add_pickup_person(child, actor=request.user, **data)

    def success_message(self, person):
        return _("%(name)s may now pick up the child.") % {"name": person.name}


class AddCustodyNoteView(FormPage):
    form_class = forms.CustodyNoteForm
    title = gettext_lazy("Add a custody note")
    submit_label = gettext_lazy("Add")

    def save(self, request, child, data):
        return services.add_custody_note(child, actor=request.user, **data)

    def success_message(self, note):
        return _("The custody note was added.")


class DeletePartView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)
    model = None

    def post(self, request, pk):
        part = get_object_or_404(self.model.objects.select_related("child"), pk=pk)
        self.remove(part, request.user)
        messages.success(request, _("Removed."))
        return redirect("child-page", pk=part.child_id)


class DeletePickupPersonView(DeletePartView):
    model = PickupPerson

    def remove(self, part, actor):
        services.remove_pickup_person(part, actor=actor)


class DeleteCustodyNoteView(DeletePartView):
    model = CustodyNote

    def remove(self, part, actor):
        services.remove_custody_note(part, actor=actor)


class RequestCorrectionView(FormPage):
    """A guardian asks for a correction of their own child's file."""

    allowed_roles = (PARENT,)
    form_class = forms.CorrectionRequestForm
    title = gettext_lazy("Ask for a correction")
    submit_label = gettext_lazy("Send request")

    def get_child(self, request, pk):
        return get_object_or_404(selectors.children_of_parent(request.user), pk=pk)

    def save(self, request, child, data):
        return services.request_correction(child, requested_by=request.user, **data)

    def success_message(self, correction):
        return _("Your request was sent to the location.")


class ChangeLogView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def get(self, request, pk):
        child = visible_child(request, pk)
        return render(request, "children/change_log.html", {"child": child, "changes": selectors.changes_of(child)})


class CorrectionListView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR, PARENT)

    def get(self, request):
        corrections = list(selectors.corrections_visible_to(request.user, request.roles))
        for correction in corrections:  # one form per request, with ids of its own
            correction.decision_form = forms.DecisionForm(auto_id=f"id_c{correction.pk}_%s")
        return render(request, "children/correction_list.html", {
            "open": [c for c in corrections if c.status == CorrectionRequest.Status.OPEN],
            "decided": [c for c in corrections if c.status != CorrectionRequest.Status.OPEN][:50],
            "can_decide": ENTREPRENEUR in request.roles,
        })


class DecideCorrectionView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def post(self, request, pk):
        correction = get_object_or_404(CorrectionRequest.objects.select_related("child"), pk=pk)
        form = forms.DecisionForm(request.POST)
        if form.is_valid():
            try:
                services.decide_correction(correction, accept=form.cleaned_data["decision"] == "accept",
                                           actor=request.user, note=form.cleaned_data["note"],
                                           value=form.cleaned_data["value"])
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The request was %(status)s.")
                                 % {"status": correction.get_status_display()})
                return redirect("corrections")
        return render(request, "children/correction_decide.html",
                      {"correction": correction, "form": form}, status=400)
