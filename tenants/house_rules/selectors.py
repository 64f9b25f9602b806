"""Reads of the house rules: the version in force on a day, those announced, who acknowledged what, and
whether a parent's notice is given within the window after a change to the family's disadvantage."""
from datetime import date

from django.utils import timezone

from accounts.roles import ENTREPRENEUR, PARENT, STAFF
from tenants.house_rules import rules
from tenants.house_rules.models import Acknowledgement, HouseRulesVersion


def may_read(roles: set[str]) -> bool:
    return bool(roles & {ENTREPRENEUR, STAFF, PARENT})


def in_force(on: date) -> HouseRulesVersion | None:
    return HouseRulesVersion.objects.filter(effective_on__lte=on).order_by("-effective_on", "-number").first()


def announced(on: date) -> list[HouseRulesVersion]:
    """Versions announced that take effect after `on`, the soonest first."""
    return list(HouseRulesVersion.objects.filter(effective_on__gt=on).order_by("effective_on", "number"))


def current_and_announced(on: date) -> list[HouseRulesVersion]:
    current = in_force(on)
    return ([current] if current else []) + announced(on)


def acknowledged_ids(user) -> set[int]:
    return set(Acknowledgement.objects.filter(user=user).values_list("version_id", flat=True))


def to_acknowledge(user, on: date) -> list[HouseRulesVersion]:
    """The version in force and those announced that `user` has not acknowledged yet."""
    done = acknowledged_ids(user)
    return [v for v in current_and_announced(on) if v.pk not in done]


def acknowledgements_of(version: HouseRulesVersion):
    return version.acknowledgements.all()


def parents_here() -> set[int]:
    """The parents at the location today (a running place, an active membership)."""
    from tenants.children.models import Child
    from tenants.children.selectors import tied_guardian_ids

    return tied_guardian_ids(Child.objects.all())


def notice_waiver(contract, given_on: date) -> HouseRulesVersion | None:
    """The announced change to the family's disadvantage that lets the parents of `contract` end it without
    notice costs when notice is given on `given_on` (rules.notice_costs_waived); None when there is none."""
    since = timezone.localdate(contract.created_at) if contract.created_at else contract.start_date
    candidates = HouseRulesVersion.objects.filter(disadvantageous=True, announced_on__lte=given_on,
                                                  effective_on__gt=given_on).order_by("announced_on", "number")
    for version in candidates:
        if rules.notice_costs_waived(given_on=given_on, announced_on=version.announced_on,
                                     effective_on=version.effective_on, disadvantageous=version.disadvantageous,
                                     contract_since=since):
            return version
    return None
