"""Home pages: each role lands on its own overview, on the main domain or at a location."""
from django.shortcuts import render
from django.utils import timezone

from accounts import roles as r
from cooperative import selectors as coop_selectors
from tenants.children import selectors as child_selectors


def home(request):
    location = getattr(request, "location", None)
    role = request.role
    if location is not None:
        context = {"location": location, "today": timezone.localdate()}
        if role in (r.ENTREPRENEUR, r.STAFF):
            context["children"] = child_selectors.children_visible_to(request.user, request.roles)
            return render(request, f"home/{role}.html", context)
        context["children"] = child_selectors.children_of_parent(request.user)
        return render(request, "home/location_parent.html", context)
    if role in (r.COOP_ADMIN, r.ADVISER):
        locations = coop_selectors.locations_visible_to(request.user)
        return render(request, f"home/{role}.html", {"locations": locations})
    if role == r.PEDAGOGUE:
        return render(request, "home/pedagogue.html")
    context = {
        "parent_locations": coop_selectors.locations_of_member(request.user, [r.PARENT]),
        "work_locations": coop_selectors.locations_of_member(request.user, [r.ENTREPRENEUR, r.STAFF]),
    }
    return render(request, "home/member.html", context)
