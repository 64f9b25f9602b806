"""The cooperative complaint report for a calendar year, from the public reporting tables.

Two SQL statements whatever the number of locations: (1) the figures, the year's tally rows (one per
location, complaint_reports.tally) summed per kind of location and region; (2) over one scan of the locations
in scope, their counts by kind and by the state of their annual report (sent, late, missing, pending:
`tenants.complaints.rules.report_state` in SQL) and the first LISTED locations of each state by name. With
20,000 locations the report lists no 20,000 names: the counts cover all of them, the lists say how many more
there are. Everything else is arithmetic on those rows.
"""
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import connection
from django.utils import timezone

from complaint_reports import tally
from complaint_reports.models import ComplaintTally, ReportStatus
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


def _scope_sql(assigned: bool, location: str = "l.id") -> str:
    if not assigned:
        return ""
    from accounts.models import AdviserAssignment

    return (f" AND {location} IN (SELECT location_id FROM {AdviserAssignment._meta.db_table}"
            f" WHERE adviser_id = %(adviser)s)")


def _figures_sql(assigned: bool) -> str:
    """The tally rows of the year summed per kind and region of location: one row per location, not per
    complaint, and no location row read (complaint_reports.tally). "Due" (judged, or the deadline passed on
    %(today)s) is every complaint but those still open with their deadline today or ahead: those few are
    counted from the facts."""
    fact = tally.FACT_TABLE
    ahead = ", ".join(f"count(*) FILTER (WHERE f.subject = '{s}') AS {s}_ahead" for s in tally.SUBJECTS)
    sums = [f"sum(t.{column}) AS {column}" for column in tally.counted_columns()]
    sums += [f"sum(t.{tally.subject_column(s, 'complaints')} - coalesce(a.{s}_ahead, 0)) "
             f"AS {tally.subject_column(s, 'due')}" for s in tally.SUBJECTS]
    return f"""
        WITH ahead AS (
            SELECT f.location_id, {ahead} FROM {fact} f
            WHERE f.year = %(year)s AND f.judged_on IS NULL AND f.deadline >= %(today)s GROUP BY f.location_id
        )
        SELECT t.kind, t.region, {", ".join(sums)}
        FROM {ComplaintTally._meta.db_table} t LEFT JOIN ahead a ON a.location_id = t.location_id
        WHERE t.year = %(year)s AND t.active{_scope_sql(assigned, "t.location_id")}
        GROUP BY t.kind, t.region
    """


def _locations_sql(assigned: bool) -> str:
    """The locations in scope counted by kind and state of their annual report, and the first LISTED of each
    state by name, in one statement that reads each location once: every location counted by kind, the sent
    reports (late or in time) counted and listed from the year's report statuses, and the first of the others
    read in name order from an index; the unsent count is what is left."""
    location, status = Location._meta.db_table, ReportStatus._meta.db_table
    scope = f"l.status <> 'offboarded' AND l.created_at < %(year_end)s{_scope_sql(assigned)}"
    sent_state = "CASE WHEN rs.sent_to_ggd_on > %(due)s THEN 'late' ELSE 'sent' END"
    columns = "l.id, l.name, l.slug, l.kind, l.region, rs.discussed_on, rs.sent_to_ggd_on"
    sent = f"{status} rs JOIN {location} l ON l.id = rs.location_id WHERE rs.year = %(year)s " \
           f"AND rs.sent_to_ggd_on IS NOT NULL AND {scope}"
    return f"""
        SELECT 'all' AS part, NULL::bigint AS id, NULL AS name, NULL AS slug, l.kind, NULL AS region,
               NULL::date AS discussed_on, NULL::date AS sent_to_ggd_on, NULL AS state, count(*) AS n
        FROM {location} l WHERE {scope} GROUP BY l.kind
        UNION ALL
        SELECT 'sent', NULL, NULL, NULL, l.kind, NULL, NULL, NULL, {sent_state}, count(*)
        FROM {sent} GROUP BY l.kind, {sent_state}
        UNION ALL
        (SELECT 'listed', listed.* FROM unnest(ARRAY['sent', 'late']) AS s(state)
         CROSS JOIN LATERAL (SELECT {columns}, {sent_state} AS state, NULL::bigint FROM {sent}
                             AND {sent_state} = s.state ORDER BY l.name, l.id LIMIT %(listed)s) listed)
        UNION ALL
        (SELECT 'listed', {columns}, %(unsent)s, NULL FROM {location} l
         LEFT JOIN {status} rs ON rs.location_id = l.id AND rs.year = %(year)s
         WHERE {scope} AND NOT EXISTS (SELECT 1 FROM {status} r WHERE r.location_id = l.id AND r.year = %(year)s
                                        AND r.sent_to_ggd_on IS NOT NULL)
         ORDER BY l.name, l.id LIMIT %(listed)s)
        ORDER BY part, state, name, id
    """


def _rows(cursor, sql: str, params: dict) -> list[dict]:
    cursor.execute(sql, params)
    columns = [c.name for c in cursor.description]
    return [dict(zip(columns, values, strict=True)) for values in cursor.fetchall()]


def _subject_figures(row: dict, subject: str) -> dict:
    return {figure: row[tally.subject_column(subject, figure)] for figure in (*tally.PER_SUBJECT, "due")}


def cooperative_report(year: int, *, today: date, user=None, scope: str = "all") -> CooperativeReport:
    report = CooperativeReport(year=year, today=today)
    assigned = scope == "assigned"
    params = {"year": year, "today": today, "adviser": getattr(user, "pk", None), "due": rules.report_due(year),
              "unsent": rules.report_state(year, None, today), "listed": LISTED,
              "year_end": timezone.make_aware(datetime(year + 1, 1, 1))}
    with connection.cursor() as cursor:
        figures = _rows(cursor, _figures_sql(assigned), params)
        locations = _rows(cursor, _locations_sql(assigned), params)
    for row in figures:
        for subject in tally.SUBJECTS:
            counts = _subject_figures(row, subject)
            if not counts["complaints"]:
                continue
            report.totals.add(counts)
            report.by_subject.setdefault(subject, Bucket()).add(counts)
            report.by_kind.setdefault(row["kind"], Bucket()).add(counts)
            report.by_region.setdefault(row["region"] or "", Bucket()).add(counts)
        for outcome in tally.OUTCOMES:
            if n := int(row[tally.outcome_column(outcome)]):
                report.by_outcome[outcome] = report.by_outcome.get(outcome, 0) + n
        for state in tally.STATES:
            if n := int(row[tally.state_column(state)]):
                report.by_status[state] = report.by_status.get(state, 0) + n

    report.report_counts = dict.fromkeys(STATES, 0)
    report.reports = {state: [] for state in STATES}
    for row in locations:
        if row["part"] == "all":
            report.locations += row["n"]
            report.locations_by_kind[row["kind"]] = row["n"]
            report.report_counts[params["unsent"]] += row["n"]
        elif row["part"] == "sent":
            report.report_counts[row["state"]] += row["n"]
            report.report_counts[params["unsent"]] -= row["n"]
        else:
            report.reports[row["state"]].append({key: row[key] for key in (
                "id", "name", "slug", "kind", "region", "discussed_on", "sent_to_ggd_on")})
    return report
