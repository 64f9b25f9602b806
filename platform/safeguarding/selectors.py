"""Reads of meldcode cases that respect who is asking.

- the pedagogue (cooperative role) sees every case;
- an entrepreneur sees, at her own location, only the cases routing gives her and never one in which she is
  involved: about herself or her housemate, or about the family of a child of whom she is a guardian
  (`rules.entrepreneur_may_see`, decided per case here from the guardians and housemates as they are now,
  joined with those when the case was reported); then only the pedagogue has it;
- a reporter sees the status of her own reports, not the case file;
- nobody else sees anything: cooperative admins, advisers, staff, parents, other locations.

List reads never load the encrypted columns; the case file does, and callers record that read in the audit.
"""
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Prefetch, Q
from django.db.models.functions import ExtractYear
from django_tenants.utils import schema_context

from accounts.models import CooperativeRole, Membership
from accounts.roles import ENTREPRENEUR, PEDAGOGUE
from safeguarding import rules
from safeguarding.models import Case, CaseStep, Housemate, Step

LIST_FIELDS = ("id", "reference", "location", "location_kind", "route", "status", "reported_on", "created_at",
               "closed_at", "routed_to_entrepreneur", "crime_suspected", "subject_kind", "subject_user", "child_ids",
               "guardian_ids", "housemate_ids")
# What deciding who is involved in a case needs, and nothing encrypted.
INVOLVEMENT_FIELDS = ("id", "location", "route", "subject_kind", "subject_user", "child_ids", "guardian_ids",
                      "housemate_ids", "routed_to_entrepreneur")


def is_pedagogue(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.has_coop_role(PEDAGOGUE))


def pedagogues():
    return [role.user for role in CooperativeRole.objects.filter(role=PEDAGOGUE, user__is_active=True)
            .select_related("user").order_by("user__full_name")]


def is_entrepreneur_of(user, location) -> bool:
    return Membership.objects.filter(user=user, location=location, role=ENTREPRENEUR, is_active=True).exists()


def cases_for_pedagogue(user):
    if not is_pedagogue(user):
        return Case.objects.none()
    return Case.objects.select_related("location")


@dataclass(frozen=True)
class Involved:
    """The people a case is about, as the rule needs them: guardians of its children, and the housemates of its
    subject (route 2) or of the family (routes 1 and 3)."""

    guardian_ids: frozenset[int]
    housemate_ids: frozenset[int]


def housemate_pairs(location) -> list[tuple[int, int]]:
    return list(Housemate.objects.filter(location=location).values_list("entrepreneur_id", "housemate_id"))


def housemates_recorded_by(user, location) -> list[int]:
    return list(Housemate.objects.filter(location=location, entrepreneur=user).order_by("housemate_id")
                .values_list("housemate_id", flat=True))


def guardians_by_child(location, child_ids) -> dict[int, set[int]]:
    """The guardians of these children now, read in the location's schema in one query."""
    from cooperative.models import Location
    from tenants.children.models import Child

    found: dict[int, set[int]] = {}
    if not child_ids or location.status == Location.Status.OFFBOARDED:  # its schema is gone; the case keeps its own
        return found
    with schema_context(location.schema_name):
        rows = Child.guardians.through.objects.filter(child_id__in=set(child_ids)).values_list("child_id", "user_id")
        for child_id, user_id in rows:
            found.setdefault(child_id, set()).add(user_id)
    return found


def involvement(location, cases) -> dict[int, Involved]:
    """Who is involved in each of `cases` (all of `location`): two queries, whatever the number of cases."""
    cases = list(cases)
    guardians = guardians_by_child(location, [pk for case in cases for pk in case.child_ids])
    pairs = housemate_pairs(location)
    found = {}
    for case in cases:
        guardian_ids = set(case.guardian_ids or ())
        for child_id in case.child_ids:
            guardian_ids |= guardians.get(child_id, set())
        subjects = {case.subject_user_id} | (guardian_ids if case.route != rules.ROUTE_PROFESSIONAL else set())
        housemate_ids = set(case.housemate_ids or ()) | rules.housemates_of(subjects, pairs)
        found[case.pk] = Involved(frozenset(guardian_ids), frozenset(housemate_ids))
    return found


def may_see(case, viewer_id: int, involved: Involved) -> bool:
    return rules.entrepreneur_may_see(case.route, case.subject_kind or None, case.subject_user_id, viewer_id,
                                      involved.guardian_ids, involved.housemate_ids)


def cases_for_entrepreneur(user, location):
    """The cases of `location` routed to its entrepreneur in which `user` is not involved (decided by the rule
    for each case, so pages, API, links and notifications agree)."""
    if location is None or not is_entrepreneur_of(user, location):
        return Case.objects.none()
    candidates = list(Case.objects.filter(location=location, routed_to_entrepreneur=True).only(*INVOLVEMENT_FIELDS))
    involved = involvement(location, candidates)
    visible = [case.pk for case in candidates if may_see(case, user.pk, involved[case.pk])]
    return Case.objects.filter(pk__in=visible).select_related("location")


def entrepreneur_refused(user, location, pk) -> Case | None:
    """The case `pk` of `location` when `user`, its entrepreneur, asks for it but may not see it (to record the
    attempt); None when there is no such case or she may see it."""
    if location is None or not is_entrepreneur_of(user, location):
        return None
    case = Case.objects.filter(location=location, pk=pk).only(*INVOLVEMENT_FIELDS).first()
    if case is None or may_see(case, user.pk, involvement(location, [case])[case.pk]):
        return None
    return case


def _active_entrepreneurs(location):
    return (Membership.objects.filter(location=location, role=ENTREPRENEUR, is_active=True, user__is_active=True)
            .select_related("user"))


def entrepreneurs_to_notify(case):
    """Active entrepreneurs of the case's location who may see it (never anyone involved in it)."""
    if not case.routed_to_entrepreneur:
        return []
    involved = involvement(case.location, [case])[case.pk]
    return [m.user for m in _active_entrepreneurs(case.location) if may_see(case, m.user_id, involved)]


def entrepreneur_left_out(case) -> bool:
    """Whether an entrepreneur of the case's location does not see it because she or her household is involved
    (a route 2 case about her or her housemate included): the pedagogue then takes the owner's steps herself."""
    if case.route == rules.ROUTE_PROFESSIONAL and case.subject_kind in (rules.SUBJECT_ENTREPRENEUR,
                                                                       rules.SUBJECT_HOUSEMATE):
        return True
    if not case.routed_to_entrepreneur:
        return False
    involved = involvement(case.location, [case])[case.pk]
    return any(not may_see(case, m.user_id, involved) for m in _active_entrepreneurs(case.location))


def reports_of(user, location):
    """A reporter's own reports at this location: reference, route, date and status only."""
    return (Case.objects.filter(reporter=user, location=location)
            .only("id", "reference", "route", "status", "reported_on", "created_at", "location"))


def list_only(qs):
    return qs.only(*LIST_FIELDS)


def steps_overview(case: Case, today: date) -> list[dict]:
    """Every step of the case's route in order: its deadline, whether it is overdue, and the recorded entries."""
    entries = list(case.steps.all())
    done = {entry.step for entry in entries}
    due = rules.deadlines(case.route, case.reported_on, case.crime_suspected)
    overview = []
    for step in rules.steps_for(case.route, case.crime_suspected):
        overview.append({
            "step": step,
            "label": Step(step).label,
            "due": due[step],
            "done": step in done,
            "overdue": step not in done and not case.is_closed and due[step] < today,
            "entries": [entry for entry in entries if entry.step == step],
        })
    return overview


def figures():
    """Counts per year, route and kind of location, for the cooperative's annual accountability (no names)."""
    rows = (Case.objects.annotate(year=ExtractYear("reported_on"))
            .values("year", "route", "location_kind").annotate(count=Count("id"))
            .order_by("-year", "route", "location_kind"))
    return list(rows)


def with_step_names(qs):
    """Prefetch only which steps were recorded, not their (encrypted) notes."""
    return qs.prefetch_related(Prefetch("steps", queryset=CaseStep.objects.only("id", "case_id", "step")))


def open_cases():
    return with_step_names(list_only(Case.objects.filter(~Q(status=rules.STATUS_CLOSED))))
