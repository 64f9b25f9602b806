"""Accounts in templates: `{% main_url "name" %}` for main-domain pages from any host (login, password reset,
security page) and `user|owes_second_factor`."""
from django import template

from accounts import hosts, second_factor

register = template.Library()


@register.simple_tag
def main_url(url_name: str) -> str:
    return hosts.main_url_for(url_name)


@register.filter
def owes_second_factor(user) -> bool:
    return second_factor.owes_second_factor(user)


@register.filter
def must_have_second_factor(user) -> bool:
    return second_factor.must_have_second_factor(user)
