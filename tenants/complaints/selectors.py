"""Reads of complaints that respect who is asking, and the location's anonymous annual report.

Only the parent who filed a complaint and the location's entrepreneur read it; staff, other parents
(also the other guardian of the same child) and the cooperative never do.
"""
from django.db.models import Q

from accounts.roles import ENTREPRENEUR, PARENT
from tenants.complaints import rules
from tenants.complaints.models import AnnualReport, Complaint, Measure, Subject


def complaints_visible_to(user, roles: set[str]):
    qs = Complaint.objects.select_related("child", "complainant")
    if ENTREPRENEUR in roles:
        return qs
    if PARENT in roles:
        return qs.filter(complainant=user)
    return qs.none()


def regulation():
    """The regulation (made with the jurisdiction's defaults on first read)."""
    from tenants.complaints.services import ensure_regulation

    return ensure_regulation()


def parent_children(user):
    from tenants.children.selectors import children_of_parent

    return children_of_parent(user)


def personal_names(complaints) -> set[str]:
    """Names and addresses to keep out of the annual report: every child and member of the location and
    everyone named on the complaints."""
    from accounts.models import Membership
    from tenants.calendar.selectors import current_location
    from tenants.children.models import Child, PickupPerson

    names: set[str] = set()
    for first, last in Child.objects.values_list("first_name", "last_name"):
        names |= {first, last, f"{first} {last}"}
    names |= set(PickupPerson.objects.values_list("name", flat=True))
    location = current_location()
    for full_name, email in Membership.objects.filter(location=location).values_list("user__full_name",
                                                                                       "user__email"):
        names |= {full_name, email, *full_name.split()}
    for complaint in complaints:
        names |= {complaint.complainant_name, complaint.complainant_email, *complaint.complainant_name.split()}
    return {name for name in names if name}


def annual_report(year: int, today) -> dict:
    """The anonymous annual report: figures by subject and outcome, handling time, on time or late, measures
    (texts anonymised), the entrepreneur's reflection (anonymised) and the two dates. No names, no child."""
    complaints = list(Complaint.objects.filter(received_on__year=year).select_related("complainant")
                      .order_by("received_on", "pk"))
    entry = AnnualReport.objects.filter(year=year).first()
    names = personal_names(complaints)
    totals = {"complaints": len(complaints), "judged": 0, "on_time": 0, "late": 0, "escalated": 0,
              "average_handling_days": None}
    days = []
    by_subject = {s: 0 for s in Subject.values}
    by_outcome = {o: 0 for o in Complaint.Outcome.values}
    for complaint in complaints:
        by_subject[complaint.subject] = by_subject.get(complaint.subject, 0) + 1
        if complaint.outcome:
            by_outcome[complaint.outcome] += 1
        if complaint.judged_on:
            totals["judged"] += 1
            days.append(rules.handling_days(complaint.received_on, complaint.judged_on))
        timely = rules.on_time(complaint.deadline, complaint.judged_on, today)
        if timely:
            totals["on_time"] += 1
        elif timely is False:
            totals["late"] += 1
        if complaint.status == rules.ESCALATED or complaint.escalated_to:
            totals["escalated"] += 1
    if days:
        totals["average_handling_days"] = round(sum(days) / len(days), 1)
    measures = [
        {"description": rules.redact(m.description, names), "subject_label": str(Subject(m.complaint.subject).label),
         "planned_on": m.planned_on, "done_on": m.done_on}
        for m in Measure.objects.filter(complaint__received_on__year=year).select_related("complaint")]
    return {
        "year": year,
        "totals": totals,
        "by_subject": [{"subject": s, "label": str(Subject(s).label), "complaints": n} for s, n in by_subject.items()],
        "by_outcome": [{"outcome": o, "label": str(Complaint.Outcome(o).label), "complaints": n}
                       for o, n in by_outcome.items()],
        "measures": measures,
        "reflection": rules.redact(entry.reflection, names) if entry else "",
        "discussed_on": entry.discussed_on if entry else None,
        "sent_to_ggd_on": entry.sent_to_ggd_on if entry else None,
        "report_due": rules.report_due(year),
    }


def report_years(today) -> list[int]:
    years = {d.year for d in Complaint.objects.dates("received_on", "year")}
    years |= set(AnnualReport.objects.values_list("year", flat=True))
    years.add(today.year)
    return sorted(years, reverse=True)


def overdue_q(today):
    return Q(status__in=rules.OPEN_STATES, deadline__lt=today)
