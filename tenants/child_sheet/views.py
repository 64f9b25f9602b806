"""Pages of the child information sheet (inlichtingsfiche): the sheet itself (staff, the entrepreneur and the
child's parents; a staff member sees what changed since she last looked, or in the last week, highlighted), the
parents' (or the entrepreneur's) form, emergency contacts, pick-up persons with their photo and code word, and
the list of the location's sheets with the recently changed ones marked."""
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from accounts.permissions import RoleRequiredMixin
from accounts.roles import ENTREPRENEUR, PARENT, STAFF
from config.service_errors import add_service_errors
from tenants.child_sheet import forms, selectors, services
from tenants.child_sheet.models import EmergencyContact
from tenants.children.models import PickupPerson
from tenants.children.services import add_pickup_person, remove_pickup_person

MEMBERS = (ENTREPRENEUR, STAFF, PARENT)


def _may_edit(request, child) -> bool:
    """The child's parents keep the sheet current; the entrepreneur may too."""
    return ENTREPRENEUR in request.roles or (PARENT in request.roles and child.guardians.filter(
        pk=request.user.pk).exists())


def _editable_child(request, pk):
    child = selectors.child_for(request.user, request.roles, pk)
    if not _may_edit(request, child):
        raise PermissionDenied
    return child


class ListView(RoleRequiredMixin, View):
    """Staff and the entrepreneur: every child's sheet, those changed since they looked marked."""

    allowed_roles = (ENTREPRENEUR, STAFF)

    def get(self, request):
        from tenants.children.selectors import children_visible_to

        children = list(children_visible_to(request.user, request.roles))
        changed = selectors.recently_changed([child.pk for child in children], request.user)
        allergens = selectors.allergens_by_child([child.pk for child in children])
        rows = [{"child": child, "changed": child.pk in changed,
                 "allergens": selectors.allergen_labels(allergens[child.pk])} for child in children]
        rows.sort(key=lambda row: (not row["changed"], row["child"].first_name))
        return render(request, "child_sheet/list.html", {"rows": rows})


class SheetView(RoleRequiredMixin, View):
    allowed_roles = MEMBERS

    def get(self, request, pk):
        child = selectors.child_for(request.user, request.roles, pk)
        is_worker = bool(request.roles & {ENTREPRENEUR, STAFF})
        changed = selectors.changed_fields(request.user, child) if is_worker else set()
        if is_worker:
            services.mark_seen(child, request.user)
        sheet = selectors.sheet_of(child)
        return render(request, "child_sheet/sheet.html", {
            "child": child, "sheet": sheet, "changed": changed,
            "allergens": selectors.allergen_labels(sheet.allergens),
            "diets": selectors.diets_by_child([child.pk])[child.pk],
            "contacts": selectors.contacts_of(child), "pickup_persons": child.pickup_persons.all(),
            "may_edit": _may_edit(request, child)})


class EditView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR, PARENT)

    def page(self, request, child, form, status=200):
        return render(request, "child_sheet/edit.html", {"child": child, "form": form}, status=status)

    def get(self, request, pk):
        child = _editable_child(request, pk)
        sheet = selectors.sheet_of(child)
        initial = {key: getattr(child, key) for key in services.CHILD_FIELDS}
        initial.update({key: getattr(sheet, key) for key in (*services.SHEET_TEXT, "allergens", "diets")})
        return self.page(request, child, forms.SheetForm(initial=initial))

    def post(self, request, pk):
        child = _editable_child(request, pk)
        form = forms.SheetForm(request.POST)
        if form.is_valid():
            try:
                services.update_sheet(child, actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The information sheet is saved."))
                return redirect("child-sheet", pk=child.pk)
        return self.page(request, child, form, status=400)


class ContactView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR, PARENT)

    def page(self, request, child, form, status=200):
        return render(request, "child_sheet/part_form.html", {
            "child": child, "form": form, "title": _("Add an emergency contact"), "multipart": False},
            status=status)

    def get(self, request, pk):
        return self.page(request, _editable_child(request, pk), forms.ContactForm())

    def post(self, request, pk):
        child = _editable_child(request, pk)
        form = forms.ContactForm(request.POST)
        if form.is_valid():
            try:
                services.add_emergency_contact(child, actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                return redirect("child-sheet", pk=child.pk)
        return self.page(request, child, form, status=400)


class RemoveContactView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR, PARENT)

    def post(self, request, pk):
        contact = get_object_or_404(EmergencyContact, pk=pk)
        child = _editable_child(request, contact.child_id)
        services.remove_emergency_contact(contact, actor=request.user)
        return redirect("child-sheet", pk=child.pk)


class PickupView(RoleRequiredMixin, View):
    """Add a person authorised to pick up, with code word and photo (seed 003 §4.7.1)."""

    allowed_roles = (ENTREPRENEUR, PARENT)

    def page(self, request, child, form, status=200):
        return render(request, "child_sheet/part_form.html", {
            "child": child, "form": form, "title": _("Add a person who may pick up"), "multipart": True},
            status=status)

    def get(self, request, pk):
        return self.page(request, _editable_child(request, pk), forms.PickupForm())

    def post(self, request, pk):
        child = _editable_child(request, pk)
        form = forms.PickupForm(request.POST, request.FILES)
        if form.is_valid():
            data = dict(form.cleaned_data)
            photo = data.pop("photo")
            try:
                with transaction.atomic():
                    person = add_pickup_person(child, actor=request.user, **data)
                    if photo:
                        services.set_pickup_details(person, actor=request.user, photo=photo)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("%(name)s may now pick up the child.") % {"name": person.name})
                return redirect("child-sheet", pk=child.pk)
        return self.page(request, child, form, status=400)


class RemovePickupView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR, PARENT)

    def post(self, request, pk):
        person = get_object_or_404(PickupPerson, pk=pk)
        child = _editable_child(request, person.child_id)
        remove_pickup_person(person, actor=request.user)
        return redirect("child-sheet", pk=child.pk)


class PickupPhotoView(RoleRequiredMixin, View):
    """A pick-up person's photo, for the staff and the child's parents only; never cached."""

    allowed_roles = MEMBERS

    def get(self, request, pk):
        person = get_object_or_404(PickupPerson, pk=pk)
        selectors.child_for(request.user, request.roles, person.child_id)
        if not person.photo:
            raise Http404
        response = FileResponse(person.photo.open("rb"), content_type=person.photo_type or "image/jpeg")
        response["Cache-Control"] = "private, no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response
