"""What every page needs to know: whose site this is and who is looking."""
from jurisdictions import policy

from accounts.models import CooperativeRole, Membership
from cooperative.models import Cooperative
from frontend.navigation import menu_for

ROLE_LABELS = {**dict(CooperativeRole.Role.choices), **dict(Membership.Role.choices)}


def site(request):
    # Not `site_name`: Django's auth views put the host name under that key into their own context.
    location = getattr(request, "location", None)
    role = getattr(request, "role", None)
    menu = menu_for(request)
    return {
        "site_location": location,
        # What differs by jurisdiction, for templates to ask instead of comparing codes (None off a location).
        "site_policy": policy(location.jurisdiction) if location else None,
        "site_title": location.name if location else Cooperative.cached_name(),
        "user_role": role,
        "user_role_label": ROLE_LABELS.get(role, ""),
        "user_roles": getattr(request, "roles", set()),
        "menu": menu,
        # On a phone the menu shows its first entries and "More" (frontend.navigation.PHONE_MAX).
        "menu_more": any(not item["phone"] for item in menu),
    }
