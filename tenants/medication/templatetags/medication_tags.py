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


@register.inclusion_tag("medication/_parent_today.html", takes_context=True)
def medication_for_parent(context):
    """A parent's start page at the location: her children's doses today, given or not yet."""
    from accounts.roles import PARENT
    from tenants.attendance.selectors import local_now
    from tenants.medication import selectors

    request = context.get("request")
    if request is None or PARENT not in (getattr(request, "roles", set()) or set()):
        return {"show": False}
    now = local_now()
    due = selectors.due_on(now.date(), now, selectors.requests_visible_to(request.user, {PARENT}))
    fever = list(selectors.fever_reducers_on(now.date(), selectors.doses_visible_to(request.user, {PARENT})))
    return {"show": bool(due or fever), "due": due, "fever": fever}
