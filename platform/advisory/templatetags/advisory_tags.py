"""Small filters for the oversight pages: status labels and dictionary look-ups."""
from django import template

register = template.Library()


@register.filter
def status_label(status, labels):
    return labels.get(status, status)


@register.filter
def get_item(mapping, key):
    return (mapping or {}).get(key)
