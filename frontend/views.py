"""Home pages: each role lands on its own overview, on the main domain or at a location.

Also the installable parent portal's manifest, service worker and offline page (main domain only).
"""
import hashlib
import json

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from accounts import roles as r
from cooperative import selectors as coop_selectors
from cooperative.models import Cooperative
from frontend import kept_pages, navigation, today
from tenants.children import selectors as child_selectors


def home(request):
    """Each role's start page: its day first (frontend.today), then its overview."""
    location = getattr(request, "location", None)
    role = request.role
    if location is not None:
        context = {"location": location}
        if role in (r.ENTREPRENEUR, r.STAFF):
            context["day"] = today.location_day(with_attention=role == r.ENTREPRENEUR, location=location)
            context["children"] = list(child_selectors.children_visible_to(request.user, request.roles))
            if role == r.ENTREPRENEUR:
                context["staff"] = coop_selectors.staff_of(location)
            return render(request, f"home/{role}.html", context)
        context["families"] = today.parent_day(request.user, [location])
        context["children"] = child_selectors.children_of_parent(request.user)
        return render(request, "home/location_parent.html", context)
    if role == r.COOP_ADMIN:
        from cooperative.forms import NewLocationForm

        locations = list(coop_selectors.locations_visible_to(request.user))
        return render(request, "home/coop_admin.html", {
            "locations": locations,
            "by_kind": coop_selectors.locations_by_kind(locations),
            "form": NewLocationForm(),
            "jobs": coop_selectors.job_statuses(),
        })
    if role == r.ADVISER:
        return render(request, "home/adviser.html", {
            "day": today.adviser_day(request.user, timezone.localdate()),
            "locations": coop_selectors.locations_visible_to(request.user),
        })
    if role == r.PEDAGOGUE:
        from safeguarding import services as safeguarding
        from safeguarding.models import CaseAuditEntry

        waiting = today.cases_waiting(request.user, timezone.localdate())
        safeguarding.audit([item.case for item in waiting], request.user, r.PEDAGOGUE, CaseAuditEntry.Action.LISTED)
        return render(request, "home/pedagogue.html", {"waiting": waiting, "today": timezone.localdate()})

    def member_context(before_reading):
        families = (today.parent_day(request.user, before_reading=before_reading)
                    if r.PARENT in request.roles else [])
        # A parent who works at no location (most of them) reads no list of work locations: request.roles says so.
        work_locations = (coop_selectors.locations_of_member(request.user, [r.ENTREPRENEUR, r.STAFF])
                          if "location_worker" in request.roles else [])
        return {"families": families, "work_locations": list(work_locations)}

    return kept_pages.start_page(request, "home/member.html", member_context)


def more(request):
    """The whole menu, one tap from the phone's short one: every page this person may open here."""
    return render(request, "home/more.html", {"entries": navigation.menu_for(request)})


# The installable parent portal -------------------------------------------------------------------


@login_not_required
@require_GET
@cache_control(max_age=3600)
def manifest(request):
    name = Cooperative.load().name
    data = {
        "name": name,
        "short_name": _("Parents"),
        "description": _("Your children at every location of the cooperative."),
        "lang": request.LANGUAGE_CODE,
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#0b5cad",
        "icons": [
            {"src": static("icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {"src": static("icons/icon.svg"), "sizes": "any", "type": "image/svg+xml"},
        ],
    }
    return JsonResponse(data, content_type="application/manifest+json",
                        json_dumps_params={"ensure_ascii": False})


@login_not_required
@require_GET
@cache_control(no_cache=True)
def service_worker(request):
    offline_url = reverse("offline")
    precache = [offline_url, static("css/site.css"), static("icons/icon-192.png"), static("icons/icon.svg")]
    version = hashlib.sha256(json.dumps([precache, request.LANGUAGE_CODE]).encode()).hexdigest()[:12]
    response = render(request, "sw.js", {
        "version": version,
        "offline_url": offline_url,
        "precache": json.dumps(precache),
        "static_prefix": settings.STATIC_URL,
        "fallback_title": Cooperative.load().name,
        "icon": static("icons/icon-192.png"),
    }, content_type="text/javascript")
    response["Service-Worker-Allowed"] = "/"
    return response


@login_not_required
@require_GET
def offline(request):
    return render(request, "offline.html")
