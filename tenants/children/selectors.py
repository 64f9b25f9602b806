"""Reads of children that respect who is asking."""
from accounts.roles import ENTREPRENEUR, STAFF
from tenants.children.models import Child


def children_visible_to(user, roles: set[str]):
    """Entrepreneur and staff see every child of the location; a parent only their own."""
    if roles & {ENTREPRENEUR, STAFF}:
        return Child.objects.all()
    return Child.objects.filter(guardians=user)


def children_of_parent(user):
    return Child.objects.filter(guardians=user)
