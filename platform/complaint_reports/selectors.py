"""The cooperative complaint report for a calendar year, from the public reporting tables.

A fixed number of SQL queries whatever the number of locations: (1) the figures, grouped in SQL by kind of
location, region, subject, outcome and status; (2) the locations in scope counted by kind and by the state of
their annual report (sent, late, missing, pending: `tenants.complaints.rules.report_state` in SQL); (3) the
first LISTED locations of each state by name. With 20,000 locations the report lists no 20,000 names: the
counts cover all of them, the lists say how many more there are. Everything else is arithmetic on those rows.
"""
from dataclasses import dataclass, field
from datetime import date

from django.db import connection
from django.db.models import Case, Count, F, FilteredRelation, Q, Value, When, Window
from django.db.models.functions import RowNumber

from complaint_reports.models import ComplaintFact
from cooperative.models import Location
from tenants.complaints import rules

STATES = ("sent", "late", "missing", "pending")
LISTED = 50  # locations named per state of the annual report; the counts cover all


@dataclass
class Bucket:
    complaints: int = 0
    judged: int = 0
    on_time: int = 0
    due: int = 0  # judged, or unjudged with the deadline passed
    escalated: int = 0
    handling_days: int = 0
    measures: int = 0

    def add(self, row: dict) -> None:
        for name in ("complaints", "judged", "on_time", "due", "escalated", "handling_days", "measures"):
            setattr(self, name, getattr(self, name) + int(row[name]))

    @property
    def share_on_time(self) -> float | None:
        """Percentage of the complaints that had to be judged by now and were judged by their deadline."""
        return rules.share(self.on_time, self.due)

    @property
    def average_handling_days(self) -> float | None:
        return round(self.handling_days / self.judged, 1) if self.judged else None

    def as_dict(self) -> dict:
        return {"complaints": self.complaints, "judged": self.judged, "judged_on_time": self.on_time,
                "due": self.due, "share_on_time": self.share_on_time, "escalated": self.escalated,
                "average_handling_days": self.average_handling_days, "measures": self.measures}


@dataclass
class CooperativeReport:
    year: int
    today: date
    totals: Bucket = field(default_factory=Bucket)
    by_subject: dict[str, Bucket] = field(default_factory=dict)
    by_outcome: dict[str, int] = field(default_factory=dict)
    by_status: dict[str, int] = field(default_factory=dict)
    by_kind: dict[str, Bucket] = field(default_factory=dict)
    by_region: dict[str, Bucket] = field(default_factory=dict)
    locations: int = 0
    locations_by_kind: dict[str, int] = field(default_factory=dict)
    reports: dict[str, list[dict]] = field(default_factory=dict)  # per state its first LISTED locations by name
    report_counts: dict[str, int] = field(default_factory=dict)  # per state all its locations

    def more(self, state: str) -> int:
        """How many locations of `state` are counted but not listed."""
        return self.report_counts.get(state, 0) - len(self.reports.get(state, []))

    @property
    def report_due(self) -> date:
        return rules.report_due(self.year)

    def as_dict(self) -> dict:
        return {
            "year": self.year, "report_due": self.report_due, "locations": self.locations,
            "locations_by_kind": self.locations_by_kind, "totals": self.totals.as_dict(),
            "by_subject": {k: v.as_dict() for k, v in self.by_subject.items()},
            "by_outcome": self.by_outcome, "by_status": self.by_status,
            "by_kind": {k: v.as_dict() for k, v in self.by_kind.items()},
            "by_region": {k: v.as_dict() for k, v in self.by_region.items()},
            "reports": {state: [{k: v for k, v in row.items() if k != "id"} for row in rows]
                        for state, rows in self.reports.items()},
            "report_counts": self.report_counts, "reports_listed": LISTED,
        }


def scope_for(user) -> str | None:
    """'all' for the cooperative admin and lead advisers, 'assigned' for an adviser, None for anyone else."""
    from accounts.roles import ADVISER, COOP_ADMIN

    roles = user.coop_roles()
    if COOP_ADMIN in roles or (ADVISER in roles and user.is_lead_adviser):
        return "all"
    if ADVISER in roles:
        return "assigned"
    return None


def _figures_sql(assigned: bool) -> str:
    fact = ComplaintFact._meta.db_table
    location = Location._meta.db_table
    scope = ""
    if assigned:
        from accounts.models import AdviserAssignment

        scope = (f" AND f.location_id IN (SELECT location_id FROM {AdviserAssignment._meta.db_table}"
                 f" WHERE adviser_id = %(adviser)s)")
    return f"""
        SELECT l.kind, l.region, f.subject, f.outcome, f.status,
               count(*) AS complaints,
               count(*) FILTER (WHERE f.judged_on IS NOT NULL) AS judged,
               count(*) FILTER (WHERE f.judged_on IS NOT NULL AND f.judged_on <= f.deadline) AS on_time,
               count(*) FILTER (WHERE f.judged_on IS NOT NULL OR f.deadline < %(today)s) AS due,
               count(*) FILTER (WHERE f.escalated) AS escalated,
               coalesce(sum(f.judged_on - f.received_on) FILTER (WHERE f.judged_on IS NOT NULL), 0)
                   AS handling_days,
               coalesce(sum(f.measures), 0) AS measures
        FROM {fact} f JOIN {location} l ON l.id = f.location_id
        WHERE f.year = %(year)s AND l.status <> 'offboarded'{scope}
        GROUP BY l.kind, l.region, f.subject, f.outcome, f.status
    """


def cooperative_report(year: int, *, today: date, user=None, scope: str = "all") -> CooperativeReport:
    report = CooperativeReport(year=year, today=today)
    assigned = scope == "assigned"
    with connection.cursor() as cursor:
        cursor.execute(_figures_sql(assigned), {"year": year, "today": today,
                                                "adviser": getattr(user, "pk", None)})
        columns = [c.name for c in cursor.description]
        rows = [dict(zip(columns, values, strict=True)) for values in cursor.fetchall()]
    for row in rows:
        report.totals.add(row)
        report.by_subject.setdefault(row["subject"], Bucket()).add(row)
        report.by_kind.setdefault(row["kind"], Bucket()).add(row)
        report.by_region.setdefault(row["region"] or "", Bucket()).add(row)
        if row["outcome"]:
            report.by_outcome[row["outcome"]] = report.by_outcome.get(row["outcome"], 0) + int(row["complaints"])
        report.by_status[row["status"]] = report.by_status.get(row["status"], 0) + int(row["complaints"])

    locations = (Location.objects.exclude(status=Location.Status.OFFBOARDED)
                 .filter(created_at__year__lte=year)
                 .annotate(rs=FilteredRelation("report_statuses", condition=Q(report_statuses__year=year))))
    if assigned:
        locations = locations.filter(adviser_assignments__adviser=user)
    due = rules.report_due(year)
    locations = locations.annotate(state=Case(  # rules.report_state
        When(rs__sent_to_ggd_on__gt=due, then=Value("late")),
        When(rs__sent_to_ggd_on__isnull=False, then=Value("sent")),
        default=Value(rules.report_state(year, None, today))))
    report.report_counts = dict.fromkeys(STATES, 0)
    for row in locations.order_by().values("kind", "state").annotate(n=Count("pk")):
        report.locations += row["n"]
        report.locations_by_kind[row["kind"]] = report.locations_by_kind.get(row["kind"], 0) + row["n"]
        report.report_counts[row["state"]] += row["n"]
    report.reports = {state: [] for state in STATES}
    listed = (locations.annotate(place=Window(RowNumber(), partition_by=F("state"), order_by=[F("name"), F("pk")]))
              .filter(place__lte=LISTED).order_by("name", "pk"))
    for row in listed.values("id", "name", "slug", "kind", "region", "state", "rs__discussed_on",
                             "rs__sent_to_ggd_on"):
        report.reports[row["state"]].append({
            "id": row["id"], "name": row["name"], "slug": row["slug"], "kind": row["kind"], "region": row["region"],
            "discussed_on": row["rs__discussed_on"], "sent_to_ggd_on": row["rs__sent_to_ggd_on"]})
    return report
