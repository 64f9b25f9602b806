"""Pages of the kiosk.

On the kiosk tablet (a browser enrolled by the entrepreneur; no login, the device cookie decides):
- the locked screen: who has a PIN here (staff, and parents where the location allows it); tap your name;
- the PIN pad; a right PIN unlocks the kiosk for that person until it locks after inactivity;
- unlocked, staff see today's children with one button each (check in or out) and the ratio now; a parent sees
  only their own children and the kiosk locks again after their one action;
- a check-in that needs a reason (before opening, after closing, a closed day, not planned) asks for it; a
  check-in that breaks the ratio warns at once.

For the entrepreneur (logged in as usual): enrol this browser as a kiosk, the list of kiosk tablets (revoke
one), the kiosk settings, and the flagged check-ins. For anybody who may use the kiosk: setting their own PIN.
"""
from django.contrib import messages
from django.contrib.auth import logout
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from accounts.permissions import RoleRequiredMixin
from accounts.roles import ENTREPRENEUR, PARENT, STAFF
from config.service_errors import add_service_errors
from tenants.attendance import selectors as attendance
from tenants.attendance.forms import DayForm
from tenants.kiosk import forms, selectors, services
from tenants.kiosk.models import KioskDevice

KIOSK_HOME = "kiosk-home"


# --- on the kiosk tablet ----------------------------------------------------------------------------------


class KioskMixin:
    """The one way into a kiosk page: the request's browser is an enrolled kiosk of this (active) location.
    Sets `self.device`, `self.holder` (None while locked) and `self.holder_role`."""

    def dispatch(self, request, *args, **kwargs):
        location = getattr(request, "location", None)
        device = getattr(request, "kiosk_device", None)
        if location is None or device is None or not location.is_active:
            return render(request, "kiosk/not_a_kiosk.html", status=403)
        self.location = location
        self.device = device
        self.settings = selectors.settings()
        self.holder, self.holder_role = None, None
        now = timezone.now()
        if device.holder_id is not None and device.held_until is not None and device.held_until > now:
            role = selectors.holder_role(device.holder, location, self.settings)
            if role is not None:
                self.holder, self.holder_role = device.holder, role
                services.keep_unlocked(device, now=now)  # every request of the holder restarts the lock
            else:
                services.lock(device)
        elif device.holder_id is not None:
            services.lock(device)
        return super().dispatch(request, *args, **kwargs)

    def children(self):
        """The children the holder may check in and out: all for staff, their own for a parent."""
        roles = {STAFF} if self.holder_role == selectors.STAFF_HOLDER else {PARENT}
        return attendance.children_for(self.holder, roles)

    def page(self, request, status=200, **extra):
        context = {"device": self.device, "holder": self.holder, "holder_role": self.holder_role,
                   "lock_seconds": self.settings.lock_after_seconds, "tz": attendance.location_zone()}
        if self.holder is None:
            context["people"] = selectors.kiosk_people(self.location)
            return render(request, "kiosk/locked.html", context, status=status)
        today = attendance.local_today()
        group = None
        if self.holder_role == selectors.STAFF_HOLDER:
            form = DayForm(request.GET or None, groups=attendance.groups())
            group = form.cleaned_data.get("group") if form.is_bound and form.is_valid() else None
            context["form"] = form
        allowed = set(self.children().values_list("pk", flat=True))
        rows = [row for row in attendance.day_register(today, group.pk if group else None) if row.child.pk in allowed]
        context.update({"rows": rows, "today": today, "group": group,
                        "present": sum(1 for row in rows if row.is_present), **extra})
        return render(request, "kiosk/children.html", context, status=status)


class KioskHomeView(KioskMixin, View):
    def get(self, request):
        return self.page(request)


class PinView(KioskMixin, View):
    """The PIN pad for one person of the locked screen."""

    def person(self, user_id):
        person = next((item for item in selectors.kiosk_people(self.location) if item.user.pk == user_id), None)
        if person is None:
            raise Http404
        return person

    def render_pad(self, request, person, form, status=200):
        return render(request, "kiosk/pin.html", {
            "person": person, "form": form, "device": self.device,
            "lock_seconds": self.settings.lock_after_seconds}, status=status)

    def get(self, request, user_id):
        return self.render_pad(request, self.person(user_id), forms.PinForm())

    def post(self, request, user_id):
        person = self.person(user_id)
        form = forms.PinForm(request.POST)
        if form.is_valid():
            try:
                services.unlock(self.device, user=person.user, pin=form.cleaned_data["pin"], location=self.location)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                return redirect(KIOSK_HOME)
        return self.render_pad(request, person, form, status=400)


class LockView(KioskMixin, View):
    def post(self, request):
        services.lock(self.device)
        return redirect(KIOSK_HOME)


class KioskCheckView(KioskMixin, View):
    """POST: check a child in or out now, as the person who unlocked the kiosk."""

    direction = "in"

    def post(self, request, pk):
        if self.holder is None:
            messages.error(request, _("The kiosk is locked: tap your name and enter your PIN first."))
            return redirect(KIOSK_HOME)
        child = get_object_or_404(self.children(), pk=pk)
        back = redirect(KIOSK_HOME)
        group = request.POST.get("group", "")
        if group.isdigit() and self.holder_role == selectors.STAFF_HOLDER:
            back["Location"] += f"?group={group}"
        try:
            if self.direction == "in":
                done = services.check_in(child, by=self.holder, reason=request.POST.get("reason", ""),
                                         device=self.device)
            else:
                services.check_out(child, by=self.holder)
        except ValidationError as exc:
            errors = exc.message_dict if hasattr(exc, "error_dict") else {"child": exc.messages}
            if "reason" in errors:
                form = forms.ReasonForm(request.POST)
                form.is_valid()
                form.add_error("reason", errors["reason"])
                return self.page(request, status=400, reason_child=child.pk, reason_form=form)
            messages.error(request, " ".join(message for items in errors.values() for message in items))
            return back
        if self.direction == "in":
            messages.success(request, _("%(name)s is checked in.") % {"name": child.full_name})
            if done.flag is not None and done.flag.reason:
                messages.info(request, _("The entrepreneur will see this check-in and your reason."))
            if done.ratio_broken:
                messages.error(request, _("Warning: %(group)s now breaks the ratio rules: %(violations)s") % {
                    "group": done.ratio.group.name,
                    "violations": " ".join(item["message"] for item in done.ratio.slot.violations)})
            backup = done.ratio.backup if done.ratio is not None else None
            if backup is not None and backup.needed:
                if backup.person is not None:
                    messages.info(request, _("Backup person (achterwacht) today: %(name)s, %(phone)s.") % {
                        "name": backup.person.name, "phone": backup.person.phone})
                else:
                    messages.error(request, _("Four or more children today and no backup person (achterwacht) "
                                              "is set: the entrepreneur must arrange one."))
        else:
            messages.success(request, _("%(name)s is checked out.") % {"name": child.full_name})
        if self.holder_role == selectors.PARENT_HOLDER:
            services.lock(self.device)  # a parent's PIN is good for one action
            messages.info(request, _("The kiosk is locked again."))
        return back


# --- the entrepreneur's kiosk pages -----------------------------------------------------------------------


class KioskAdminView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def render_page(self, request, enrol_form=None, settings_form=None, status=200):
        return render(request, "kiosk/admin.html", {
            "devices": selectors.devices(), "enrol_form": enrol_form or forms.EnrolForm(),
            "settings_form": settings_form or forms.KioskSettingsForm(instance=selectors.settings()),
            "flag_count": selectors.flags_to_review().count(), "tz": attendance.location_zone(),
        }, status=status)

    def get(self, request):
        return self.render_page(request)


class EnrolView(KioskAdminView):
    """POST: this browser becomes the location's kiosk; the entrepreneur is logged out in it."""

    def get(self, request):
        return redirect("kiosk-admin")

    def post(self, request):
        form = forms.EnrolForm(request.POST)
        if form.is_valid():
            try:
                _device, token = services.enrol_device(name=form.cleaned_data["name"], by=request.user)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                logout(request)
                response = redirect(KIOSK_HOME)
                response.set_cookie(selectors.COOKIE, token, max_age=60 * 60 * 24 * 400, httponly=True,
                                    secure=request.is_secure(), samesite="Strict")
                return response
        return self.render_page(request, enrol_form=form, status=400)


class RevokeView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def post(self, request, pk):
        device = get_object_or_404(KioskDevice, pk=pk)
        services.revoke_device(device, by=request.user)
        messages.success(request, _("%(name)s is no longer a kiosk.") % {"name": device.name})
        return redirect("kiosk-admin")


class KioskSettingsView(KioskAdminView):
    def get(self, request):
        return redirect("kiosk-admin")

    def post(self, request):
        form = forms.KioskSettingsForm(request.POST, instance=selectors.settings())
        if form.is_valid():
            try:
                services.update_settings(parents_may_check=form.cleaned_data["parents_may_check"],
                                         lock_after_seconds=form.cleaned_data["lock_after_seconds"])
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The kiosk settings are saved."))
                return redirect("kiosk-admin")
        return self.render_page(request, settings_form=form, status=400)


class FlagListView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def get(self, request):
        flags = selectors.flags()
        return render(request, "kiosk/flags.html", {
            "open": [_flag_row(flag) for flag in flags.filter(handled_at__isnull=True)],
            "seen": [_flag_row(flag) for flag in flags.filter(handled_at__isnull=False)[:50]],
            "tz": attendance.location_zone(),
        })


def _flag_row(flag):
    return {"flag": flag, "why": services.concern_texts(flag.concerns),
            "violations": services.violation_texts(flag.ratio_violations)}


class FlagSeenView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def post(self, request, pk):
        flag = selectors.flag_for(request.user, request.roles, pk)
        if flag is None:
            raise Http404
        services.mark_flag_handled(flag, by=request.user)
        messages.success(request, _("Marked as seen."))
        return redirect("kiosk-flags")


class MyPinView(RoleRequiredMixin, View):
    """Anybody who may use this location's kiosk sets their own PIN here (a parent where parents may)."""

    allowed_roles = (ENTREPRENEUR, STAFF, PARENT)

    def dispatch(self, request, *args, **kwargs):
        location = getattr(request, "location", None)
        if location is not None and request.user.is_authenticated and selectors.holder_role(
                request.user, location) is None and request.roles & {PARENT}:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def render_page(self, request, form, status=200):
        return render(request, "kiosk/my_pin.html", {"form": form, "pin": selectors.pin_of(request.user)},
                      status=status)

    def get(self, request):
        return self.render_page(request, forms.SetPinForm())

    def post(self, request):
        if request.POST.get("action") == "remove":
            services.remove_pin(request.user)
            messages.success(request, _("Your kiosk PIN is removed."))
            return redirect("kiosk-my-pin")
        form = forms.SetPinForm(request.POST)
        if form.is_valid():
            try:
                services.set_pin(request.user, pin=form.cleaned_data["pin"], pin_again=form.cleaned_data["pin_again"])
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Your kiosk PIN is saved."))
                return redirect("kiosk-my-pin")
        return self.render_page(request, form, status=400)
