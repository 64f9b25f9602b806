"""Reads of meldcode cases that respect who is asking.

- the pedagogue (cooperative role) sees every case;
- an entrepreneur sees, at her own location, only the cases routing gives her and never one about herself
  or her housemate (`rules.entrepreneur_may_see`, enforced here in the query);
- a reporter sees the status of her own reports, not the case file;
- nobody else sees anything: cooperative admins, advisers, staff, parents, other locations.

List reads never load the encrypted columns; the case file does, and callers record that read in the audit.
"""
from datetime import date

from django.db.models import Count, Prefetch, Q
from django.db.models.functions import ExtractYear

from accounts.models import CooperativeRole, Membership
from accounts.roles import ENTREPRENEUR, PEDAGOGUE
from safeguarding import rules
from safeguarding.models import Case, CaseStep, Step

LIST_FIELDS = ("id", "reference", "location", "location_kind", "route", "status", "reported_on", "created_at",
               "closed_at", "routed_to_entrepreneur", "crime_suspected", "subject_kind", "subject_user")


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


def cases_for_entrepreneur(user, location):
    """The cases of `location` routed to its entrepreneur, minus any case about `user` or about a housemate."""
    if location is None or not is_entrepreneur_of(user, location):
        return Case.objects.none()
    return (Case.objects.filter(location=location, routed_to_entrepreneur=True)
            .exclude(subject_kind__in=[rules.SUBJECT_ENTREPRENEUR, rules.SUBJECT_HOUSEMATE])
            .exclude(subject_user=user)
            .select_related("location"))


def entrepreneurs_to_notify(case):
    """Active entrepreneurs of the case's location who may see it (never the person concerned)."""
    if not case.routed_to_entrepreneur:
        return []
    memberships = (Membership.objects.filter(location=case.location, role=ENTREPRENEUR, is_active=True,
                                             user__is_active=True).select_related("user"))
    return [m.user for m in memberships
            if rules.entrepreneur_may_see(case.route, case.subject_kind or None, case.subject_user_id, m.user_id)]


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
