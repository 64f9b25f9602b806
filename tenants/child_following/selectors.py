"""Reads of the child-following system that respect who is asking (rules.staff_may_see): the entrepreneur sees
everything here, a staff member what was written in the groups she works with today (and a child's earlier
groups only with the parent's consent to hand it over), a parent her own children's, anyone else nothing."""
from datetime import date

from django.db.models import Exists, OuterRef, Q

from accounts.roles import ENTREPRENEUR, PARENT, STAFF
from tenants.child_following import rules
from tenants.child_following.models import Consent, Observation, Summary
from tenants.children.models import Child
from tenants.groups.selectors import group_ids_of_staff_member


def _consented(scope: str):
    return Consent.objects.filter(child=OuterRef("child"), scope=scope, withdrawn_at__isnull=True)


def _visible(qs, user, roles: set[str], on: date):
    if ENTREPRENEUR in roles:
        return qs
    if STAFF in roles:
        groups = group_ids_of_staff_member(user, on)
        handed_over = Q(child__group_id__in=groups) & Exists(_consented(rules.NEXT_GROUP))
        return qs.filter(Q(group__isnull=True) | Q(group_id__in=groups) | handed_over)
    if PARENT in roles:
        return qs.filter(child__guardians=user)
    return qs.none()


def observations_visible_to(user, roles: set[str], on: date):
    return _visible(Observation.objects.select_related("child", "group"), user, roles, on)


def summaries_visible_to(user, roles: set[str], on: date):
    return _visible(Summary.objects.select_related("child", "group"), user, roles, on)


def children_followed_by(user, roles: set[str], on: date):
    """The children whose file one opens here: all (entrepreneur), those of one's groups today or without a
    group (staff), one's own (parent)."""
    qs = Child.objects.select_related("group")
    if ENTREPRENEUR in roles:
        return qs
    if STAFF in roles:
        return qs.filter(Q(group__isnull=True) | Q(group_id__in=group_ids_of_staff_member(user, on)))
    if PARENT in roles:
        return qs.filter(guardians=user)
    return qs.none()


def active_consents(child: Child) -> dict[str, Consent]:
    return {c.scope: c for c in Consent.objects.filter(child=child, withdrawn_at__isnull=True)}


def consent_history(child: Child):
    return Consent.objects.filter(child=child)


def awaiting_parent(summaries) -> list[Summary]:
    """Summaries none of the child's parents answered yet."""
    return [s for s in summaries if not s.responses.exists()]


def counts() -> dict[str, int]:
    """Counts only, never names (for the cooperative's overview)."""
    return {"observations": Observation.objects.count(), "summaries": Summary.objects.count(),
            "children_followed": Observation.objects.values("child").distinct().count()}
