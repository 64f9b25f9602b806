"""Pages for groups, staff members and the day roster: read by the entrepreneur and staff, changed by the
entrepreneur."""
from datetime import date

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views import View

from accounts.permissions import RoleRequiredMixin
from accounts.roles import ENTREPRENEUR, STAFF
from config.service_errors import add_service_errors
from tenants.groups import forms, selectors, services
from tenants.groups.models import BackupPerson, Group, Shift, StaffProfile

WORKERS = (ENTREPRENEUR, STAFF)


class GroupListView(RoleRequiredMixin, View):
    allowed_roles = WORKERS

    def get(self, request):
        groups = selectors.all_groups().prefetch_related("staff__user")
        return render(request, "groups/group_list.html", {"groups": groups})


class FormPage(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)
    form_class = None
    model = None
    title = ""
    submit_label = gettext_lazy("Save")
    back = "groups"

    def get_object(self, pk):
        return get_object_or_404(self.model, pk=pk) if pk is not None else None

    def initial(self, obj):
        return {}

    def render_form(self, request, form, status=200):
        return render(request, "groups/form.html", {"form": form, "title": self.title,
                                                    "submit_label": self.submit_label,
                                                    "back_url": reverse(self.back)}, status=status)

    def get(self, request, pk=None):
        return self.render_form(request, self.form_class(initial=self.initial(self.get_object(pk))))

    def post(self, request, pk=None):
        obj = self.get_object(pk)
        form = self.form_class(request.POST)
        if form.is_valid():
            try:
                self.save(request, obj, form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, self.success_message)
                return redirect(self.back)
        return self.render_form(request, form, status=400)


class GroupCreateView(FormPage):
    form_class = forms.GroupForm
    title = gettext_lazy("Add a group")
    submit_label = gettext_lazy("Add group")
    success_message = gettext_lazy("The group was added.")

    def save(self, request, obj, data):
        return services.create_group(**data)


class GroupEditView(FormPage):
    form_class = forms.GroupForm
    model = Group
    title = gettext_lazy("Edit group")
    success_message = gettext_lazy("The group was saved.")

    def initial(self, group):
        return {key: getattr(group, key) for key in services.GROUP_FIELDS}

    def save(self, request, group, data):
        return services.update_group(group, **data)


class GroupDeleteView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def post(self, request, pk):
        group = get_object_or_404(Group, pk=pk)
        try:
            services.delete_group(group)
        except ValidationError as exc:
            for error in exc.messages:
                messages.error(request, error)
        else:
            messages.success(request, _("The group was deleted."))
        return redirect("groups")


class StaffListView(RoleRequiredMixin, View):
    """Staff members; the entrepreneur also sees whose invitation is pending or could not be sent, and can
    send it again."""

    allowed_roles = WORKERS

    def get(self, request):
        staff = list(selectors.active_staff())
        states = selectors.invitation_states(staff, request.location) if ENTREPRENEUR in request.roles else {}
        for profile in staff:
            profile.invitation_state = states.get(profile.pk)
        return render(request, "groups/staff_list.html", {"staff": staff})


class StaffInviteView(FormPage):
    form_class = forms.InviteStaffForm
    title = gettext_lazy("Invite a staff member")
    submit_label = gettext_lazy("Send invitation")
    back = "staff"

    def save(self, request, obj, data):
        profile = services.invite_staff(location=request.location, **data)
        self.success_message = (_("%(name)s was already invited but has not activated the account yet; the "
                                  "invitation was sent again.") % {"name": profile.user.full_name}
                                if profile.invitation_resent
                                else _("The staff member was added and has been sent an invitation."))
        return profile


class StaffReinviteView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def post(self, request, pk):
        profile = get_object_or_404(StaffProfile.objects.select_related("user"), pk=pk, is_active=True)
        try:
            services.send_invitation_again(profile, location=request.location)
        except ValidationError as exc:
            for error in exc.messages:
                messages.error(request, error)
        else:
            messages.success(request, _("The invitation to %(name)s is being sent again.")
                             % {"name": profile.user.full_name})
        return redirect("staff")


class StaffEditView(FormPage):
    form_class = forms.StaffForm
    title = gettext_lazy("Edit staff member")
    success_message = gettext_lazy("The staff member was saved.")
    back = "staff"

    def get_object(self, pk):
        return get_object_or_404(StaffProfile, pk=pk, is_active=True)

    def initial(self, profile):
        return {"job_role": profile.job_role, "qualification": profile.qualification,
                "groups": list(profile.groups.all())}

    def save(self, request, profile, data):
        return services.update_staff(profile, **data)


class StaffRemoveView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def post(self, request, pk):
        profile = get_object_or_404(StaffProfile, pk=pk, is_active=True)
        services.remove_staff(profile, location=request.location)
        messages.success(request, _("%(name)s no longer works here.") % {"name": profile.user.full_name})
        return redirect("staff")


def roster_day(request) -> date:
    try:
        return date.fromisoformat(request.GET.get("date", ""))
    except ValueError:
        return timezone.localdate()


class RosterView(RoleRequiredMixin, View):
    """The day roster: who is on which group on one day. The entrepreneur adds lines on the same page."""

    allowed_roles = WORKERS

    def render_page(self, request, day, form, status=200):
        shifts = selectors.roster_for(day)
        groups = [(group, [s for s in shifts if s.group_id == group.pk]) for group in selectors.all_groups()]
        return render(request, "groups/roster.html", {
            "day": day,
            "previous_day": date.fromordinal(day.toordinal() - 1),
            "next_day": date.fromordinal(day.toordinal() + 1),
            "groups": groups,
            "has_shifts": bool(shifts),
            "form": form if ENTREPRENEUR in request.roles else None,
        }, status=status)

    def get(self, request):
        day = roster_day(request)
        return self.render_page(request, day, forms.ShiftForm(initial={"date": day}))

    def post(self, request):
        if ENTREPRENEUR not in request.roles:
            raise PermissionDenied
        form = forms.ShiftForm(request.POST)
        day = roster_day(request)
        if form.is_valid():
            day = form.cleaned_data["date"]
            try:
                services.add_shift(**form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The roster line was added."))
                return redirect(f"{reverse('roster')}?date={day:%Y-%m-%d}")
        return self.render_page(request, day, form, status=400)


class ShiftDeleteView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def post(self, request, pk):
        shift = get_object_or_404(Shift, pk=pk)
        day = shift.date
        services.delete_shift(shift)
        messages.success(request, _("The roster line was removed."))
        return redirect(f"{reverse('roster')}?date={day:%Y-%m-%d}")


# --- the childminder's backup person (achterwacht) --------------------------------------------------------


class ChildminderOnly(RoleRequiredMixin):
    """The backup person is a childminder's: other kinds of location have no such page."""

    allowed_roles = (ENTREPRENEUR,)

    def dispatch(self, request, *args, **kwargs):
        if request.location is None or request.location.kind != "gastouder":
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class BackupView(ChildminderOnly, View):
    """The backup person per day for the next two weeks, and the form to set one for a day or a range."""

    def render_page(self, request, form, status=200):
        today = timezone.localdate()
        return render(request, "groups/backup.html", {
            "form": form, "backups": selectors.backups_from(today, days=62), "today": today,
        }, status=status)

    def get(self, request):
        day = roster_day(request)
        return self.render_page(request, forms.BackupForm(initial={"first_day": day}))

    def post(self, request):
        form = forms.BackupForm(request.POST)
        if form.is_valid():
            try:
                saved = services.set_backup(**form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, ngettext(
                    "%(name)s is your backup person on %(count)s day.",
                    "%(name)s is your backup person on %(count)s days.", len(saved)) % {
                    "name": saved[0].name, "count": len(saved)})
                return redirect("backup")
        return self.render_page(request, form, status=400)


class BackupDeleteView(ChildminderOnly, View):
    def post(self, request, pk):
        services.remove_backup(get_object_or_404(BackupPerson, pk=pk))
        messages.success(request, _("The backup person was removed for that day."))
        return redirect("backup")
