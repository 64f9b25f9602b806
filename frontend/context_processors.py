"""What every page needs to know: whose site this is and who is looking."""
from cooperative.models import Cooperative


def site(request):
    location = getattr(request, "location", None)
    return {
        "site_location": location,
        "site_name": location.name if location else Cooperative.load().name,
        "user_role": getattr(request, "role", None),
        "user_roles": getattr(request, "roles", set()),
    }
