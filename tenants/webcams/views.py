"""Pages of the webcams: a parent's live page (or the reason why not), the camera protocol (public), staff's
today page with pause and resume, the entrepreneur's cameras, windows, settings and figures, a parent's own
views and guest links, the guest's page, and the directors' recordings with the four-eyes request."""
from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from accounts.permissions import RoleRequiredMixin
from accounts.roles import COOP_ADMIN, ENTREPRENEUR, PARENT, STAFF
from config.service_errors import add_service_errors
from tenants.webcams import access, forms, rules, selectors, services
from tenants.webcams.models import Camera

WORKERS = (ENTREPRENEUR, STAFF)


def now():
    """The moment the pages decide on (one place, so a test can set the clock)."""
    return timezone.now()


def reason_text(reason: str, camera: Camera | None = None) -> str:
    """A parent's explanation, in their language, of why a camera shows nothing now."""
    texts = {
        rules.NOT_CHECKED_IN: _("Your child is not checked in here right now, so you cannot look in. "
                                "The camera is for parents of children who are here today."),
        rules.OUTSIDE_WINDOW: _("The camera is not live now. It is live only at the set times below."),
        rules.CLOSED_TODAY: _("The location is closed today: the cameras are off."),
        rules.PAUSED: _("paused for a moment"),
        rules.FULL: _("The maximum number of viewers is watching this camera now. Try again in a few minutes."),
        rules.PROTOCOL_NOT_READ: _("Read the camera protocol first."),
        rules.NO_CHILD_IN_GROUP: _("This camera shows another group."),
    }
    return texts.get(reason, _("You cannot look in now."))


class LiveView(RoleRequiredMixin, View):
    """A parent: the cameras of their children's groups, live when allowed, else why not. Workers go to today."""

    allowed_roles = (ENTREPRENEUR, STAFF, PARENT)

    def get(self, request):
        if not PARENT in request.roles and request.roles & set(WORKERS):  # noqa: E713
            return redirect("webcams-today")
        if not selectors.has_read_protocol(request.user):
            return render(request, "webcams/protocol.html", {
                "cameras": protocol_rows(), "retention": selectors_retention(), "ask_acknowledgement": True})
        moment = now()
        rows = []
        for camera in selectors.cameras_for_parent(request.user):
            try:
                watch = access.watchable_camera(request.user, camera.pk, at=moment)
            except access.NotWatchable as refusal:
                rows.append({"camera": camera, "live": False, "reason": refusal.reason,
                             "explanation": reason_text(refusal.reason),
                             "paused": refusal.reason == rules.PAUSED})
            except Http404:
                continue
            else:
                rows.append({"camera": camera, "live": True, "until": watch.window_end, "paused": False})
            rows[-1]["windows"] = [w for w in camera.windows.all()]
        return render(request, "webcams/live.html", {
            "rows": rows, "guest_links": selectors.webcam_settings().guest_invites_allowed})


def selectors_retention() -> int:
    return rules.retention_days(selectors.webcam_settings().retention_days)


def protocol_rows() -> list[dict]:
    cameras = Camera.objects.filter(is_active=True).select_related("group").prefetch_related("windows") \
        .order_by("purpose", "name")
    return [{"camera": camera, "windows": list(camera.windows.all()),
             "parent_view": camera.purpose == rules.PARENT_VIEW} for camera in cameras]


class ProtocolView(View):
    """The location's camera protocol, public on its host (seed 003 bijlage 1: informatieverplichting)."""

    def get(self, request):
        return render(request, "webcams/protocol.html", {
            "cameras": protocol_rows(), "retention": selectors_retention(),
            "ask_acknowledgement": False})


class AcknowledgeView(RoleRequiredMixin, View):
    allowed_roles = (PARENT,)

    def post(self, request):
        if request.POST.get("read") != "yes":
            messages.error(request, _("Tick that you have read the camera protocol."))
            return redirect("webcams-live")
        services.acknowledge_protocol(user=request.user)
        return redirect("webcams-live")


class TodayView(RoleRequiredMixin, View):
    """Staff and the entrepreneur: when each area is live today, and pause or resume at once."""

    allowed_roles = WORKERS

    def get(self, request):
        return render(request, "webcams/today.html", {
            "rows": selectors.windows_today(), "pause_minutes": rules.PAUSE_CHOICES_MINUTES})


class PauseView(RoleRequiredMixin, View):
    allowed_roles = WORKERS

    def post(self, request, pk):
        camera = get_object_or_404(selectors.parent_cameras(), pk=pk)
        if request.POST.get("action") == "resume":
            services.resume_camera(camera=camera, by=request.user)
            messages.success(request, _("%(name)s is live again.") % {"name": camera.name})
        else:
            try:
                minutes = int(request.POST.get("minutes") or 15)
                services.pause_camera(camera=camera, by=request.user, minutes=minutes)
            except (ValueError, ValidationError):
                messages.error(request, _("Pause for 1 minute up to 8 hours."))
            else:
                messages.success(request, _("%(name)s is paused for %(minutes)s minutes.")
                                 % {"name": camera.name, "minutes": minutes})
        return redirect("webcams-today")


def since_days(days: int):
    return timezone.now() - timedelta(days=days)


# --- the entrepreneur: cameras, windows, settings, figures ----------------------------------------------------

class ManageView(RoleRequiredMixin, View):
    allowed_roles = (ENTREPRENEUR,)

    def context(self, settings_form):
        figures = {row["camera_id"]: row for row in selectors.viewing_figures(since_days(30))}
        cameras = Camera.objects.select_related("group").prefetch_related("windows")
        rows = [{"camera": camera, "windows": list(camera.windows.all()),
                 "views": figures.get(camera.pk, {}).get("views", 0),
                 "viewers": figures.get(camera.pk, {}).get("viewers", 0),
                 "now": selectors.viewers_now(camera)} for camera in cameras]
        return {"rows": rows, "settings_form": settings_form}

    def get(self, request):
        found = selectors.webcam_settings()
        form = forms.SettingsForm(initial={"guest_invites_allowed": found.guest_invites_allowed,
                                           "retention_days": found.retention_days})
        return render(request, "webcams/manage.html", self.context(form))

    def post(self, request):
        form = forms.SettingsForm(request.POST)
        if form.is_valid():
            try:
                services.update_settings(**form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The webcam settings are saved."))
                return redirect("webcams-manage")
        return render(request, "webcams/manage.html", self.context(form), status=400)


class CameraView(RoleRequiredMixin, View):
    """Add (pk None) or change a camera, and its live windows."""

    allowed_roles = (ENTREPRENEUR,)

    def camera(self, pk):
        return get_object_or_404(Camera, pk=pk) if pk else None

    def render_page(self, request, camera, form, window_form, status=200):
        return render(request, "webcams/camera.html", {
            "camera": camera, "form": form, "window_form": window_form,
            "windows": list(camera.windows.all()) if camera else []}, status=status)

    def get(self, request, pk=None):
        camera = self.camera(pk)
        initial = {"max_viewers": 10, "is_active": True}
        if camera:
            initial = {"name": camera.name, "area": camera.area, "purpose": camera.purpose, "group": camera.group,
                       "max_viewers": camera.max_viewers, "is_active": camera.is_active}
        return self.render_page(request, camera, forms.CameraForm(initial=initial), forms.WindowForm())

    def post(self, request, pk=None):
        camera = self.camera(pk)
        if camera and "remove_window" in request.POST:
            window = get_object_or_404(camera.windows, pk=request.POST.get("remove_window") or 0)
            services.remove_window(window=window)
            messages.success(request, _("The live window is removed."))
            return redirect("webcams-camera", pk=camera.pk)
        if camera and "add_window" in request.POST:
            window_form = forms.WindowForm(request.POST)
            if window_form.is_valid():
                try:
                    services.add_window(camera=camera, **window_form.cleaned_data)
                except ValidationError as exc:
                    add_service_errors(window_form, exc)
                else:
                    messages.success(request, _("The live window is added."))
                    return redirect("webcams-camera", pk=camera.pk)
            return self.render_page(request, camera, forms.CameraForm(initial={
                "name": camera.name, "area": camera.area, "purpose": camera.purpose, "group": camera.group,
                "max_viewers": camera.max_viewers, "is_active": camera.is_active}), window_form, status=400)
        form = forms.CameraForm(request.POST)
        if form.is_valid():
            data = dict(form.cleaned_data)
            data["source"] = data["source"] or (None if camera else "")
            try:
                camera = services.save_camera(camera=camera, **data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The camera %(name)s is saved.") % {"name": camera.name})
                return redirect("webcams-camera", pk=camera.pk)
        return self.render_page(request, camera, form, forms.WindowForm(), status=400)


# --- a parent: own views and guest links; the guest's page ------------------------------------------------------

class MineView(RoleRequiredMixin, View):
    allowed_roles = (PARENT,)

    def context(self, request, form, link=None):
        allowed = selectors.webcam_settings().guest_invites_allowed
        return {"views": list(selectors.views_of(request.user)[:50]), "invites": list(selectors.invites_of(
            request.user)[:20]), "form": form if allowed else None, "guest_links": allowed, "link": link}

    def get(self, request):
        form = forms.InviteForm(cameras=selectors.cameras_for_parent(request.user))
        return render(request, "webcams/mine.html", self.context(request, form))

    def post(self, request):
        if "revoke" in request.POST:
            invite = get_object_or_404(selectors.invites_of(request.user), pk=request.POST.get("revoke") or 0)
            services.revoke_invite(invite=invite)
            messages.success(request, _("The guest link is withdrawn."))
            return redirect("webcams-mine")
        form = forms.InviteForm(request.POST, cameras=selectors.cameras_for_parent(request.user))
        link = None
        if form.is_valid():
            try:
                _invite, token = services.invite_guest(parent=request.user, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                link = request.build_absolute_uri(reverse("webcams-guest", args=[token]))
                return render(request, "webcams/mine.html", self.context(
                    request, forms.InviteForm(cameras=selectors.cameras_for_parent(request.user)), link))
        return render(request, "webcams/mine.html", self.context(request, form, link), status=400)


GUEST_REFUSALS = {
    "unknown": gettext_lazy("This link does not exist."),
    "not_allowed": gettext_lazy("This location does not allow guest links."),
    "revoked": gettext_lazy("The parent has withdrawn this link."),
    "expired": gettext_lazy("This link has expired: it worked until the end of its window."),
    "used": gettext_lazy("This link has already been opened in another browser. A guest link works once."),
}


class GuestView(View):
    """A grandparent's link (public): the protocol, then the camera in this one browser until the window ends."""

    def get(self, request, token):
        invite, refusal = services.guest_link_state(token, request.session)
        if refusal:
            return render(request, "webcams/guest.html", {"refusal": GUEST_REFUSALS[refusal]}, status=403)
        opened = invite.used_at is not None
        context = {"invite": invite, "opened": opened, "cameras": protocol_rows(), "retention": selectors_retention()}
        if opened:
            try:
                access.watch_for_request(request, invite.camera_id, at=now())
            except access.NotWatchable as refusal_now:
                context.update(live=False, explanation=guest_reason_text(refusal_now.reason))
            except Http404:
                context.update(live=False, explanation=_("You cannot look in now."))
            else:
                context.update(live=True)
        return render(request, "webcams/guest.html", context)

    def post(self, request, token):
        if request.POST.get("read") != "yes":
            return redirect("webcams-guest", token=token)
        try:
            services.open_guest_link(token=token, session=request.session)
        except ValidationError:
            pass
        return redirect("webcams-guest", token=token)


def guest_reason_text(reason: str) -> str:
    if reason == rules.NOT_CHECKED_IN:
        return _("The child is not checked in right now, so the camera cannot be watched.")
    return reason_text(reason)


# --- recordings: the directors' four eyes (seed 003 camera protocol art. 5) ------------------------------------

def police_signature(view) -> str:
    return signing.Signer(salt="webcams.police-export").sign(
        f"{view.recording_id}:{view.sha256}:{view.pk}:{view.at.isoformat()}")


class RecordingsView(RoleRequiredMixin, View):
    """The directors (the location's entrepreneurs): recordings still kept, requests with their motivation, the
    second director's decision, and the log of every view."""

    allowed_roles = (ENTREPRENEUR,)

    def get(self, request, form=None, status=200):
        return render(request, "webcams/recordings.html", {
            "recordings": list(selectors.recordings()[:100]), "requests": list(selectors.requests()[:100]),
            "log": list(selectors.recording_log()[:200]), "form": form or forms.RecordingRequestForm(),
            "retention": selectors_retention(), "directors": len(selectors.directors()),
            "me": request.user.pk}, status=status)

    def post(self, request):
        if "decide" in request.POST:
            found = get_object_or_404(selectors.requests(), pk=request.POST.get("decide") or 0)
            try:
                services.decide_request(request=found, by=request.user, approve=request.POST.get("approve") == "yes")
            except ValidationError as exc:
                for message in exc.messages:
                    messages.error(request, message)
            else:
                messages.success(request, _("Your decision is recorded."))
            return redirect("webcams-recordings")
        recording = get_object_or_404(selectors.recordings(), pk=request.POST.get("recording") or 0)
        form = forms.RecordingRequestForm(request.POST)
        if form.is_valid():
            try:
                services.request_recording_view(recording=recording, by=request.user, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Your request is recorded; a second director must approve it."))
                return redirect("webcams-recordings")
        return self.get(request, form, status=400)


class RecordingFileView(RoleRequiredMixin, View):
    """An approved request's recording, to view (inline) or as a signed police export (attachment); both logged."""

    allowed_roles = (ENTREPRENEUR,)
    kind = "view"

    def post(self, request, pk):
        from tenants.webcams import storage

        found = get_object_or_404(selectors.requests(), pk=pk)
        if not storage.exists(found.recording.file):
            messages.error(request, _("The file of this recording is not there (any more)."))
            return redirect("webcams-recordings")
        try:
            logged = services.log_recording_view(request=found, by=request.user, kind=self.kind)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
            return redirect("webcams-recordings")
        response = FileResponse(storage.open_file(found.recording.file), content_type="video/mp4",
                                as_attachment=self.kind == "police_export",
                                filename=f"opname-{found.recording.pk}.mp4")
        response["Cache-Control"] = "private, no-store"
        response["X-Content-SHA256"] = found.recording.sha256
        if self.kind == "police_export":
            response["X-Opvangkring-Signature"] = police_signature(logged)
        return response


# --- the cooperative admin (main domain): the log of every location, and the second pair of eyes -------------

class CooperativeRecordingsView(RoleRequiredMixin, View):
    """The cooperative admin reads every location's log of recording views, and approves (or refuses) requests
    at a location with one director only (rules.approval_refusal). Never a recording itself."""

    allowed_roles = (COOP_ADMIN,)

    def get(self, request):
        from django_tenants.utils import tenant_context

        from cooperative.jobs import active_locations

        blocks = []
        for location in active_locations():
            with tenant_context(location):
                log = list(selectors.recording_log()[:50])
                waiting = list(selectors.requests().filter(status="requested")) \
                    if len(selectors.directors()) < 2 else []
                if log or waiting:
                    blocks.append({"location": location, "log": log, "waiting": waiting})
        return render(request, "webcams/cooperative.html", {"blocks": blocks})

    def post(self, request):
        from django_tenants.utils import tenant_context

        from cooperative.jobs import active_locations

        location = get_object_or_404(active_locations(), slug=request.POST.get("location") or "")
        with tenant_context(location):
            found = get_object_or_404(selectors.requests(), pk=request.POST.get("decide") or 0)
            try:
                services.decide_request(request=found, by=request.user, is_coop_admin=True,
                                        approve=request.POST.get("approve") == "yes")
            except ValidationError as exc:
                for message in exc.messages:
                    messages.error(request, message)
            else:
                messages.success(request, _("Your decision is recorded."))
        return redirect("webcams-cooperative")
