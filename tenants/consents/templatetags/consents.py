"""`{% consent_limits child %}`: what a child may not do (no photo consent, no trips, …), for staff on the
attendance tablet and the child's page. The first use in a request reads every child of the location at once."""
from django import template

from tenants.consents import selectors

register = template.Library()


@register.inclusion_tag("consents/_limits.html", takes_context=True)
def consent_limits(context, child):
    request = context.get("request")
    cache = getattr(request, "_consent_limits", None) if request is not None else None
    if cache is None or child.pk not in cache:
        from tenants.children.models import Child

        cache = selectors.limits_by_child(list(Child.objects.values_list("pk", flat=True)))
        if request is not None:
            request._consent_limits = cache
    return {"limits": cache.get(child.pk, []), "child": child}
