"""Showing how the side effects of a saved action went, to the person who acted and to the cooperative admin."""
from django import template

from outbox import rules, selectors

register = template.Library()


@register.inclusion_tag("outbox/notice.html", takes_context=True)
def delivery_notice(context, state, send_again_url=None, what="email"):
    """A line about an action's deliveries (`state` from outbox.selectors), with a button to send again when
    they were given up. `what`: "email" (notices to parents) or "invitation"."""
    return {"state": state, "send_again_url": send_again_url, "what": what,
            "csrf_token": context.get("csrf_token"), "rules": rules}


@register.inclusion_tag("outbox/failed_count.html")
def failed_deliveries_notice():
    """For the cooperative admin's home page: how many outgoing messages were given up."""
    return {"failed": selectors.failed_count()}


@register.inclusion_tag("outbox/email_notice.html", takes_context=True)
def email_notice(context, state, send_again_url=None, to="parent"):
    """A line about the e-mail of one action to one person (`to`: "parent" or "entrepreneur"), with a button
    to send it again while it is not delivered (waiting for a retry, or given up)."""
    return {"state": state, "send_again_url": send_again_url, "to": to, "csrf_token": context.get("csrf_token")}
