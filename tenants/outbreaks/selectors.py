"""Reads of contagious-disease cases that respect who is asking: the location's people see every case (with the
agency's part); a parent sees the notices of the groups her children are in — never who the sick child is."""
from datetime import date

from jurisdictions import policy

from accounts.roles import ENTREPRENEUR, PARENT, STAFF
from tenants.calendar.selectors import current_location
from tenants.children.models import Child
from tenants.outbreaks import diseases, rules
from tenants.outbreaks.models import ContagiousCase


def table_key(location=None) -> str:
    location = location or current_location()
    return policy(location.jurisdiction).health.checklist


def agency(location=None):
    """The jurisdiction's health agency (jurisdictions.Health)."""
    location = location or current_location()
    return policy(location.jurisdiction).health


def diseases_here(location=None) -> tuple[rules.Disease, ...]:
    return diseases.diseases(table_key(location))


def disease_of(case: ContagiousCase) -> rules.Disease | None:
    return diseases.disease(case.disease, case.table)


def cases_visible_to(user, roles: set[str]):
    qs = ContagiousCase.objects.select_related("group", "agency_told_by", "recorded_by")
    if roles & {ENTREPRENEUR, STAFF}:
        return qs
    if PARENT in roles:
        groups = Child.objects.filter(guardians=user, group__isnull=False).values_list("group_id", flat=True)
        return qs.filter(group_id__in=list(groups))
    return qs.none()


def earlier_cases(group_id: int, disease: str, before_pk: int | None = None) -> list[date]:
    qs = ContagiousCase.objects.filter(group_id=group_id, disease=disease)
    if before_pk:
        qs = qs.exclude(pk=before_pk)
    return list(qs.values_list("noticed_on", flat=True))


def recipients(group_id: int) -> set[int]:
    """The parents told of a case in a group: guardians of the group's children who are parents here today (not
    removed guardians, not those whose child has left); nobody of another group or location."""
    from tenants.children.selectors import tied_guardian_ids

    return tied_guardian_ids(Child.objects.filter(group_id=group_id))


def figures(year: int) -> dict:
    """Counts only (for the adviser): cases of `year` per disease, and how many the agency had to hear of and
    was told of. No group, no child, no name."""
    cases = ContagiousCase.objects.filter(noticed_on__year=year)
    per_disease: dict[str, int] = {}
    for key in cases.values_list("disease", flat=True):
        per_disease[key] = per_disease.get(key, 0) + 1
    return {"year": year, "cases": sum(per_disease.values()), "by_disease": per_disease,
            "agency_to_tell": cases.filter(agency_must_tell=True).count(),
            "agency_told": cases.filter(agency_must_tell=True, agency_told_at__isnull=False).count()}
