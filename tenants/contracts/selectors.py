"""Reads of contracts that respect who is asking, and the plans other apps (attendance, billing) use."""
from datetime import date

from django.db.models import OuterRef, Q, Subquery

from accounts.roles import ENTREPRENEUR, STAFF
from tenants.contracts import rules
from tenants.contracts.models import ChangeRequest, Contract, ContractVersion, EvaluationTask


def contracts_visible_to(user, roles: set[str]):
    """The entrepreneur sees every contract; a parent those of her own children; anyone else none."""
    qs = Contract.objects.select_related("child")
    if ENTREPRENEUR in roles:
        return qs
    return qs.filter(child__guardians=user).distinct()


def schedules_visible_to(user, roles: set[str]):
    """Staff and the entrepreneur read the schedules of the signed contracts running now or later."""
    if not roles & {ENTREPRENEUR, STAFF}:
        return Contract.objects.none()
    return Contract.objects.filter(status=Contract.Status.ACTIVE).select_related("child")


def running_on(day: date):
    return Contract.objects.filter(status=Contract.Status.ACTIVE, start_date__lte=day).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=day))


def version_on(contract: Contract, day: date) -> ContractVersion | None:
    """The signed version that applies on `day` (the latest one that has taken effect)."""
    return contract.versions.filter(signed_at__isnull=False, effective_from__lte=day).order_by("-number").first()


def planned_care(day: date) -> list[tuple[Contract, rules.CareDay]]:
    """(contract, care day) for every child planned on `day` by a signed weekly or alternating plan."""
    found = []
    for contract in running_on(day).select_related("child"):
        version = version_on(contract, day)
        if version is None:
            continue
        care_day = rules.schedule_for_date(version.weeks, version.effective_from, day)
        if care_day is not None:
            found.append((contract, care_day))
    return found


def open_evaluations():
    return EvaluationTask.objects.filter(done_at__isnull=True).select_related("contract__child")


def change_requests_visible_to(user, roles: set[str]):
    """The entrepreneur sees every change request; a parent those about her own children's contracts."""
    qs = ChangeRequest.objects.select_related("contract__child", "requested_by", "answered_by", "version")
    if ENTREPRENEUR in roles:
        return qs
    return qs.filter(contract__child__guardians=user).distinct()


def open_change_request_id():
    """A subquery for a Contract queryset: the id of its open change request, or None (no query of its own)."""
    return Subquery(ChangeRequest.objects.filter(contract=OuterRef("pk"), status=ChangeRequest.Status.OPEN)
                    .values("pk")[:1])
