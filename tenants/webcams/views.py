"""Pages of the webcams: a parent's live page (or the reason why not), the camera protocol (public), staff's
today page with pause and resume, the entrepreneur's cameras, windows, settings and figures, a parent's own
views and guest links, the guest's page, and the directors' recordings with the four-eyes request."""
from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from accounts.permissions import RoleRequiredMixin
from accounts.roles import ENTREPRENEUR, PARENT, STAFF
from tenants.webcams import access, rules, selectors, services
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
