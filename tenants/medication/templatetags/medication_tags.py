"""`{% medication_due %}`: today's doses due (late ones first) on a page of staff, e.g. the attendance tablet."""
from django import template

register = template.Library()


@register.inclusion_tag("medication/_tablet.html", takes_context=True)
def medication_due(context):
    from accounts.roles import ENTREPRENEUR, STAFF
    from tenants.medication import selectors

    request = context.get("request")
    roles = getattr(request, "roles", set()) or set()
    if not roles & {ENTREPRENEUR, STAFF}:
        return {"show": False}
    due = [item for item in selectors.due_today() if not item.given or item.overdue]
    return {"show": True, "late": [item for item in due if item.overdue],
            "due": [item for item in due if not item.overdue], "next": "/attendance/"}
