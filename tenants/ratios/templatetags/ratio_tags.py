"""The ratio display on the planning and the tablet: the childminder's backup and the ratio of this moment."""
from django import template

from tenants.ratios import selectors

register = template.Library()


@register.simple_tag
def backup_status(plan):
    """`{% backup_status plan as backup %}`: None for a group that is not a childminder's."""
    return selectors.backup_for(plan)


@register.simple_tag
def ratio_now(group, day):
    """`{% ratio_now group day as rows %}`: the current half hour of `group` (every group when None)."""
    from tenants.attendance.selectors import groups

    return selectors.ratio_now([group] if group else groups(), day)
