"""Reads of cooperative oversight that respect who is asking, and the dashboard over many locations.

The dashboard runs a fixed number of queries whatever the number of locations (tests/advisory counts
them): the visible locations with their reporting figures (one join), then one grouped query each for
visits, open actions, documents in force and the latest inspection, all filtered by the same location
subquery. Statuses are computed in Python with `advisory.rules`.
"""
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Case, Count, Q, When
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.models import CooperativeRole, Membership, User
from accounts.roles import ADVISER, COOP_ADMIN
from advisory import rules
from advisory.models import FollowUpAction, Inspection, QualityDocument, QualityDocumentType, Visit
from cooperative.models import Location

TILES = (
    "visits_due", "visits_planned", "visits_done", "visits_overdue",
    "actions_open", "actions_overdue", "documents_attention", "inspection_not_met", "inspection_none",
    "all",
)


def is_cooperative_viewer(user) -> bool:
    return bool(user.coop_roles() & {COOP_ADMIN, ADVISER})


def visible_locations(user):
    """Locations an adviser (hers; a lead adviser all) or the cooperative admin (all) may oversee."""
    roles = user.coop_roles()
    qs = Location.objects.exclude(status=Location.Status.OFFBOARDED)
    if COOP_ADMIN in roles or user.is_lead_adviser:
        return qs
    if ADVISER in roles:
        return qs.filter(adviser_assignments__adviser=user)
    return qs.none()


def location_for(user, slug: str) -> Location:
    return get_object_or_404(visible_locations(user), slug=slug)


def visits_visible_to(user):
    return Visit.objects.filter(location__in=visible_locations(user)).select_related("location", "adviser",
                                                                                       "checklist")


def actions_visible_to(user):
    return FollowUpAction.objects.filter(location__in=visible_locations(user)).select_related("location")


def inspections_visible_to(user):
    return Inspection.objects.filter(location__in=visible_locations(user)).select_related("location")


def documents_visible_to(user):
    return QualityDocument.objects.filter(location__in=visible_locations(user)).select_related("location",
                                                                                                 "doc_type")


def advisers():
    return User.objects.filter(cooperative_roles__role=CooperativeRole.Role.ADVISER).order_by("full_name")


def current_documents(location: Location, today: date) -> list[dict]:
    """Each document type with its version in force (or None), all versions and the status."""
    types = list(QualityDocumentType.objects.all())
    versions = list(QualityDocument.objects.filter(location=location).select_related("doc_type")
                    .order_by("doc_type_id", "-effective_date", "-version"))
    rows = []
    for doc_type in types:
        own = [v for v in versions if v.doc_type_id == doc_type.pk]
        in_force = next((v for v in own if v.effective_date <= today), None)
        status = rules.document_status(today=today, effective_date=in_force and in_force.effective_date,
                                       review_date=in_force and in_force.review_date)
        if not own and not doc_type.required:
            continue
        rows.append({"type": doc_type, "current": in_force, "versions": own, "status": status,
                     "attention": doc_type.required and rules.needs_attention(status)})
    return rows


def current_document_for_parents(location: Location, code: str, today: date) -> QualityDocument | None:
    return (QualityDocument.objects.filter(location=location, doc_type__code=code, doc_type__for_parents=True,
                                           effective_date__lte=today)
            .order_by("-effective_date", "-version").first())


def parent_locations(user):
    return Location.objects.filter(memberships__user=user, memberships__role=Membership.Role.PARENT,
                                   memberships__is_active=True, status=Location.Status.ACTIVE).distinct()


def visit_rows(location: Location, year: int, today: date) -> list[dict]:
    """The two visits of `year` of one location (a missing plan included) with their status."""
    visits = {v.visit_type: v for v in Visit.objects.filter(location=location, year=year)
              .select_related("adviser")}
    rows = []
    for visit_type in rules.VISIT_TYPES:
        visit = visits.get(visit_type)
        rows.append({"visit_type": visit_type, "visit": visit, "status": _visit_status(visit, visit_type, year, today)})
    return rows


def _visit_status(visit, visit_type, year, today) -> str:
    if visit is None:
        return rules.visit_status(today=today, year=year, visit_type=visit_type)
    scheduled = visit.scheduled_at if not isinstance(visit, dict) else visit["scheduled_at"]
    completed = visit.completed_at if not isinstance(visit, dict) else visit["completed_at"]
    deadline = visit.deadline if not isinstance(visit, dict) else visit["deadline"]
    from django.utils import timezone

    return rules.visit_status(today=today, year=year, visit_type=visit_type,
                              scheduled_on=timezone.localtime(scheduled).date() if scheduled else None,
                              completed=completed is not None, deadline=deadline)


# The dashboard ------------------------------------------------------------------------------------------


@dataclass
class Filters:
    year: int
    adviser: int | None = None
    region: str = ""
    kind: str = ""

    def query(self) -> str:
        from urllib.parse import urlencode

        params = {"year": self.year, "adviser": self.adviser or "", "region": self.region, "kind": self.kind}
        return urlencode({k: v for k, v in params.items() if v not in ("", None)})


@dataclass
class Row:
    id: int
    name: str
    slug: str
    kind: str
    region: str
    licensed_places: int
    lrk_numbers: dict
    children: int = 0
    complaints: int | None = None
    visits: dict = field(default_factory=dict)  # visit type -> status
    open_actions: int = 0
    overdue_actions: int = 0
    documents: dict = field(default_factory=dict)  # document type code -> status
    inspection_on: date | None = None
    inspection_met: bool | None = None

    @property
    def occupancy(self) -> int | None:
        return rules.occupancy_percent(self.children, self.licensed_places)

    @property
    def kind_label(self) -> str:
        return Location.Kind(self.kind).label if self.kind in Location.Kind.values else self.kind

    @property
    def documents_attention(self) -> list[str]:
        return [code for code, status in self.documents.items() if rules.needs_attention(status)]

    def in_tile(self, tile: str) -> bool:
        if tile.startswith("visits_"):
            return tile.removeprefix("visits_") in self.visits.values()
        return {
            "actions_open": self.open_actions > 0,
            "actions_overdue": self.overdue_actions > 0,
            "documents_attention": bool(self.documents_attention),
            "inspection_not_met": self.inspection_met is False,
            "inspection_none": self.inspection_on is None,
            "all": True,
        }[tile]

    @property
    def attention(self) -> int:
        """How much needs attention, to sort the list: overdue first."""
        return (3 * list(self.visits.values()).count(rules.OVERDUE) + 2 * self.overdue_actions
                + len(self.documents_attention) + (2 if self.inspection_met is False else 0))


@dataclass
class Dashboard:
    filters: Filters
    today: date
    rows: list[Row]
    document_types: list
    complaints_available: bool

    def count(self, tile: str) -> int:
        return sum(1 for row in self.rows if row.in_tile(tile))

    def visit_count(self, status: str) -> int:
        return sum(list(row.visits.values()).count(status) for row in self.rows)

    @property
    def tiles(self) -> dict[str, int]:
        return {
            "visits_due": self.visit_count(rules.DUE),
            "visits_planned": self.visit_count(rules.PLANNED),
            "visits_done": self.visit_count(rules.DONE),
            "visits_overdue": self.visit_count(rules.OVERDUE),
            "actions_open": sum(r.open_actions for r in self.rows),
            "actions_overdue": sum(r.overdue_actions for r in self.rows),
            "documents_attention": self.count("documents_attention"),
            "inspection_not_met": self.count("inspection_not_met"),
            "inspection_none": self.count("inspection_none"),
            "all": len(self.rows),
        }

    @property
    def licensed_places(self) -> int:
        return sum(r.licensed_places for r in self.rows)

    @property
    def children(self) -> int:
        return sum(r.children for r in self.rows)

    @property
    def occupancy(self) -> int | None:
        return rules.occupancy_percent(self.children, self.licensed_places)

    @property
    def complaints(self) -> int:
        return sum(r.complaints or 0 for r in self.rows)

    def rows_in(self, tile: str) -> list[Row]:
        if tile not in TILES:
            raise Http404
        return [row for row in self.rows if row.in_tile(tile)]

    def attention_rows(self, limit: int = 25) -> list[Row]:
        rows = [row for row in self.rows if row.attention]
        rows.sort(key=lambda r: (-r.attention, r.name))
        return rows[:limit]


def complaints_available() -> bool:
    from advisory.figures import _complaints_table

    return _complaints_table() is not None


def dashboard(user, filters: Filters, today: date, only: list[int] | None = None) -> Dashboard:
    """Every location in view as a `Row` (lists, CSV, API); `only`: just these location ids."""
    locations = filtered_locations(user, filters)
    if only is not None:
        locations = locations.filter(pk__in=only)
    ids = locations.values("pk")
    doc_types = list(QualityDocumentType.objects.filter(required=True))
    rows: dict[int, Row] = {}
    for values in locations.order_by("name").values(
            "pk", "name", "slug", "kind", "region", "licensed_places", "lrk_numbers",
            "advisory_figures__children_under_contract", "advisory_figures__complaints",
            "advisory_figures__complaints_year"):
        row = Row(id=values["pk"], name=values["name"], slug=values["slug"], kind=values["kind"],
                  region=values["region"], licensed_places=values["licensed_places"],
                  lrk_numbers=values["lrk_numbers"] or {},
                  children=values["advisory_figures__children_under_contract"] or 0)
        if values["advisory_figures__complaints_year"] == filters.year:
            row.complaints = values["advisory_figures__complaints"]
        for visit_type in rules.VISIT_TYPES:
            row.visits[visit_type] = rules.visit_status(today=today, year=filters.year, visit_type=visit_type)
        for doc_type in doc_types:
            row.documents[doc_type.code] = rules.DOC_MISSING
        rows[row.id] = row
    for visit in Visit.objects.filter(year=filters.year, location__in=ids).values(
            "location_id", "visit_type", "scheduled_at", "completed_at", "deadline"):
        row = rows.get(visit["location_id"])
        if row is not None:
            row.visits[visit["visit_type"]] = _visit_status(visit, visit["visit_type"], filters.year, today)
    for counts in (FollowUpAction.objects.filter(location__in=ids, status=FollowUpAction.Status.OPEN)
                   .values("location_id").order_by()
                   .annotate(open=Count("pk"), overdue=Count("pk", filter=Q(due_date__lt=today)))):
        row = rows.get(counts["location_id"])
        if row is not None:
            row.open_actions, row.overdue_actions = counts["open"], counts["overdue"]
    codes = {t.pk: t.code for t in doc_types}
    for doc in (QualityDocument.objects.filter(location__in=ids, doc_type__required=True, effective_date__lte=today)
                .order_by("location_id", "doc_type_id", "-effective_date", "-version")
                .distinct("location_id", "doc_type_id")
                .values("location_id", "doc_type_id", "effective_date", "review_date")):
        row = rows.get(doc["location_id"])
        if row is not None and doc["doc_type_id"] in codes:
            row.documents[codes[doc["doc_type_id"]]] = rules.document_status(
                today=today, effective_date=doc["effective_date"], review_date=doc["review_date"])
    for inspection in (Inspection.objects.filter(location__in=ids).order_by("location_id", "-inspected_on", "-pk")
                       .distinct("location_id").values("location_id", "inspected_on", "met_requirements")):
        row = rows.get(inspection["location_id"])
        if row is not None:
            row.inspection_on, row.inspection_met = inspection["inspected_on"], inspection["met_requirements"]
    return Dashboard(filters=filters, today=today, rows=list(rows.values()), document_types=doc_types,
                     complaints_available=complaints_available())


def regions_of(user) -> list[str]:
    return list(visible_locations(user).exclude(region="").order_by("region")
                .values_list("region", flat=True).distinct())


def location_or_404(request) -> Location:
    location = getattr(request, "location", None)
    if location is None:
        raise Http404
    return location


# The dashboard page: tiles and the attention list computed by PostgreSQL --------------------------------

def _visit_status_sql(exists: str, completed: str, scheduled: str, deadline: str) -> str:
    """The SQL of `rules.visit_status` for one visit's columns (NULL where there is no visit)."""
    return (f"CASE WHEN NOT {exists} THEN NULL WHEN {completed} IS NOT NULL THEN 'done' "
            f"WHEN {scheduled} IS NOT NULL THEN CASE WHEN {scheduled} < %(today_start)s THEN 'overdue' "
            f"ELSE 'planned' END WHEN {deadline} < %(today)s THEN 'overdue' ELSE 'due' END")


def _kept_or_read(visit_type: str, alias: str) -> str:
    """A visit's status from the kept row where it holds the year in view, else from the visit itself."""
    kept = _visit_status_sql(f"s.{visit_type}_visit", f"s.{visit_type}_completed_at", f"s.{visit_type}_scheduled_at",
                         f"s.{visit_type}_deadline")
    read = _visit_status_sql(f"({alias}.location_id IS NOT NULL)", f"{alias}.completed_at", f"{alias}.scheduled_at",
                         f"{alias}.deadline")
    return f"CASE WHEN s.visits_year = %(year)s THEN {kept} ELSE {read} END"


def _documents_hold(alias: str) -> str:
    """Whether the kept row `alias` holds today's current documents (today within its days)."""
    return (f"(({alias}.documents_from IS NULL OR {alias}.documents_from <= %(today)s) "
            f"AND ({alias}.documents_until IS NULL OR %(today)s < {alias}.documents_until))")


# Per location in view, from its kept row (advisory.LocationState) where that holds the day and year in view,
# else from the records: the few locations whose kept row is of another year or whose documents changed since.
PER_LOCATION_SQL = """
WITH loc AS (
    {locations}
), other_year AS (
    -- The visits of the year in view, of locations whose kept row holds another year's (every location with a
    -- visit has a kept row).
    SELECT v.location_id, v.visit_type, v.completed_at, v.scheduled_at, v.deadline
    FROM advisory_locationstate ks
    JOIN advisory_visit v ON v.location_id = ks.location_id AND v.year = %(year)s
    WHERE ks.visits_year IS DISTINCT FROM %(year)s
), stale AS (
    -- The locations whose kept current documents are not today's (a version took effect since, or the row was
    -- kept on a later day): their documents read here, as the kept row would have them for today.
    SELECT cur.location_id, count(*) FILTER (WHERE cur.review_date >= %(today)s) AS docs_ok
    FROM (SELECT DISTINCT ON (d.location_id, d.doc_type_id) d.location_id, d.review_date
          FROM advisory_qualitydocument d
          JOIN advisory_locationstate ks ON ks.location_id = d.location_id
               AND NOT """ + _documents_hold("ks") + """
          WHERE d.effective_date <= %(today)s
            AND d.doc_type_id IN (SELECT id FROM advisory_qualitydocumenttype WHERE required)
          ORDER BY d.location_id, d.doc_type_id, d.effective_date DESC, d.version DESC) cur
    GROUP BY cur.location_id
), per AS (
    SELECT loc.id, loc.name, loc.licensed_places, loc.children, loc.complaints_now AS complaints,
           COALESCE(""" + _kept_or_read("pedagogical", "pv") + """, %(ped_missing)s) AS ped,
           COALESCE(""" + _kept_or_read("business", "bv") + """, %(bus_missing)s) AS bus,
           COALESCE(s.open_actions, 0) AS open_actions,
           -- the kept dates are sorted: width_bucket counts those up to yesterday, i.e. before today
           COALESCE(width_bucket(%(yesterday)s::date, s.open_due_dates), 0) AS overdue_actions,
           %(required)s - COALESCE(CASE
               WHEN stale.location_id IS NOT NULL THEN stale.docs_ok
               WHEN """ + _documents_hold("s") + """
               THEN cardinality(s.document_reviews) - width_bucket(%(yesterday)s::date, s.document_reviews)
               END, 0) AS docs_attention,
           s.inspection_met, COALESCE(s.inspected, FALSE) AS inspected
    FROM loc
    LEFT JOIN advisory_locationstate s ON s.location_id = loc.id
    LEFT JOIN other_year pv ON pv.location_id = loc.id AND pv.visit_type = 'pedagogical'
    LEFT JOIN other_year bv ON bv.location_id = loc.id AND bv.visit_type = 'business'
    LEFT JOIN stale ON stale.location_id = loc.id
), scored AS (
    SELECT per.*, 3 * ((ped = 'overdue')::int + (bus = 'overdue')::int) + 2 * overdue_actions + docs_attention
                  + 2 * (inspection_met IS FALSE)::int AS score
    FROM per
"""
SUMMARY_SQL = PER_LOCATION_SQL + """), totals AS (
    SELECT COUNT(*) AS total, COALESCE(SUM(licensed_places), 0) AS places, COALESCE(SUM(children), 0) AS children,
           COALESCE(SUM(complaints), 0) AS complaints,
           COALESCE(SUM((ped = 'due')::int + (bus = 'due')::int), 0) AS visits_due,
           COALESCE(SUM((ped = 'planned')::int + (bus = 'planned')::int), 0) AS visits_planned,
           COALESCE(SUM((ped = 'done')::int + (bus = 'done')::int), 0) AS visits_done,
           COALESCE(SUM((ped = 'overdue')::int + (bus = 'overdue')::int), 0) AS visits_overdue,
           COALESCE(SUM(open_actions), 0) AS actions_open, COALESCE(SUM(overdue_actions), 0) AS actions_overdue,
           COUNT(*) FILTER (WHERE docs_attention > 0) AS documents_attention,
           COUNT(*) FILTER (WHERE inspection_met IS FALSE) AS inspection_not_met,
           COUNT(*) FILTER (WHERE NOT inspected) AS inspection_none
    FROM scored
)
SELECT totals.*, (SELECT ARRAY(SELECT id FROM scored WHERE score > 0 ORDER BY score DESC, name, id LIMIT %(limit)s))
FROM totals
"""
# Each tile's rows in SQL, as `Row.in_tile` says in Python (tests/advisory compare them).
TILE_CONDITIONS = {
    **{f"visits_{status}": f"(ped = '{status}' OR bus = '{status}')"
       for status in (rules.DUE, rules.PLANNED, rules.DONE, rules.OVERDUE)},
    "actions_open": "open_actions > 0", "actions_overdue": "overdue_actions > 0",
    "documents_attention": "docs_attention > 0", "inspection_not_met": "inspection_met IS FALSE",
    "inspection_none": "NOT inspected", "all": "TRUE",
}
TILE_PAGE_SQL = PER_LOCATION_SQL + """)
SELECT (SELECT COUNT(*) FROM scored WHERE {condition}),
       ARRAY(SELECT id FROM scored WHERE {condition} ORDER BY name, id LIMIT %(limit)s OFFSET %(offset)s)
"""
SUMMARY_COLUMNS = ["all", "places", "children", "complaints", "visits_due", "visits_planned", "visits_done",
                   "visits_overdue", "actions_open", "actions_overdue", "documents_attention", "inspection_not_met",
                   "inspection_none", "attention_ids"]


@dataclass
class Summary:
    tiles: dict
    licensed_places: int
    children: int
    complaints: int
    attention_ids: list[int]

    @property
    def occupancy(self) -> int | None:
        return rules.occupancy_percent(self.children, self.licensed_places)


def _per_location_statement(template: str, user, filters: Filters, today: date) -> tuple[str, dict]:
    """`template` (PER_LOCATION_SQL and a final SELECT) for the locations `user` sees through `filters`."""
    from datetime import datetime, time

    from django.utils import timezone

    # The locations in view with their figures (id, name, licensed_places, children, complaints): the ORM's
    # filters of `filtered_locations`, one scan; an assignment is unique, so the adviser's join repeats none.
    locations = (filtered_locations(user, filters).order_by()
                 .annotate(children=Coalesce("advisory_figures__children_under_contract", 0),
                           complaints_now=Case(When(advisory_figures__complaints_year=filters.year,
                                                    then="advisory_figures__complaints"), default=0))
                 .values("id", "name", "licensed_places", "children", "complaints_now"))
    locations_sql, locations_params = locations.query.sql_with_params()
    required = QualityDocumentType.objects.filter(required=True).count()
    params = {
        "year": filters.year, "today": today, "yesterday": today - timedelta(days=1),
        "today_start": timezone.make_aware(datetime.combine(today, time.min)),
        "ped_missing": rules.visit_status(today=today, year=filters.year, visit_type=rules.PEDAGOGICAL),
        "bus_missing": rules.visit_status(today=today, year=filters.year, visit_type=rules.BUSINESS),
        "required": required,
    }
    # The location query has positional parameters; inline them as named ones.
    names = []
    for index, value in enumerate(locations_params):
        params[f"loc_{index}"] = value
        names.append(f"%(loc_{index})s")
    locations_sql = locations_sql.replace("%%", "%%%%") % tuple(names) if names else locations_sql
    return template.replace("{locations}", locations_sql), params


def tile_page(user, filters: Filters, today: date, tile: str, *, offset: int, limit: int) -> tuple[int, list[int]]:
    """How many locations in view are in `tile`, and the ids of `limit` of them from `offset`, by name.

    One SQL statement, like `summary`: a list behind a tile at 20,000 locations builds rows for one page only.
    """
    from django.db import connection

    if tile not in TILE_CONDITIONS:
        raise Http404
    template = TILE_PAGE_SQL.replace("{condition}", TILE_CONDITIONS[tile])
    sql, params = _per_location_statement(template, user, filters, today)
    params.update(limit=limit, offset=offset)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        count, ids = cursor.fetchone()
    return int(count), list(ids or [])


def filtered_locations(user, filters: Filters):
    locations = visible_locations(user)
    if filters.kind:
        locations = locations.filter(kind=filters.kind)
    if filters.region:
        locations = locations.filter(region=filters.region)
    if filters.adviser:
        locations = locations.filter(pk__in=Location.objects.filter(
            adviser_assignments__adviser_id=filters.adviser).values("pk"))
    return locations


def summary(user, filters: Filters, today: date, limit: int = 25) -> Summary:
    """The dashboard's tiles and the ids of the locations that most need attention, in one SQL statement.

    The same statuses as `advisory.rules` (visit_status, document_status), expressed in SQL so that the page
    does not build a Python object per location, from one kept row per location (`LocationState`) rather than
    all its records (see tests/perf/test_bench_dashboard.py). tests/advisory checks it agrees with `dashboard()`.
    """
    from django.db import connection

    sql, params = _per_location_statement(SUMMARY_SQL, user, filters, today)
    params["limit"] = limit
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        values = dict(zip(SUMMARY_COLUMNS, cursor.fetchone(), strict=True))
    tiles = {key: int(values[key]) for key in SUMMARY_COLUMNS
             if key not in ("places", "children", "complaints", "attention_ids")}
    return Summary(tiles=tiles, licensed_places=int(values["places"]), children=int(values["children"]),
                   complaints=int(values["complaints"]), attention_ids=list(values["attention_ids"] or []))


def filing_states(user, today: date) -> list[dict]:
    """Per location in view, its duties that are due or done — the filings, the annual complaint report and the
    quality documents' review dates: what, period, due date and done or late — never a file or a figure of it.
    From the public tables the locations write (advisory.FilingState by billing.filings, complaint_reports.
    ReportStatus with each complaint report), through the same rules as the location's own calendar
    (billing.filings.duties); a fixed number of queries."""
    from jurisdictions import policy

    from advisory.models import FilingState
    from billing.filings import duties, kinds
    from billing.filings import rules as filing_rules
    from complaint_reports.models import ReportStatus

    horizon = today + timedelta(days=31)
    locations = {location.pk: location for location in visible_locations(user)}
    rows = []
    for state in (FilingState.objects.filter(location_id__in=list(locations), due_date__lte=horizon)
                  .order_by("due_date", "kind")):
        status = filing_rules.state(filing_rules.DELIVERED if state.delivered_on else filing_rules.TODO,
                                    state.due_date, today)
        rows.append({"location": locations[state.location_id],
                     "kind": kinds.KINDS[state.kind].label if state.kind in kinds.KINDS else state.kind, "detail": "",
                     "period_start": state.period_start, "period_end": state.period_end,
                     "due_date": state.due_date, "state": status, "delivered_on": state.delivered_on})
    sent: dict[int, dict] = {}
    for location_id, year, sent_on in ReportStatus.objects.filter(location_id__in=list(locations)).values_list(
            "location_id", "year", "sent_to_ggd_on"):
        sent.setdefault(location_id, {})[year] = sent_on
    versions: dict[int, list] = {}
    for version in duties.document_versions(QualityDocument.objects.filter(location_id__in=list(locations))
                                            .select_related("doc_type")):
        versions.setdefault(version.location_id, []).append(version)
    for location in locations.values():
        since = filing_rules.duties_since(today, location.opening_date)
        found = duties.complaint_report_duties(policy(location.jurisdiction).complaint_report, since, today,
                                               sent.get(location.pk, {}))
        found += duties.document_review_duties(versions.get(location.pk, []), since, today)
        rows += [{"location": location, "kind": duty.label, "detail": duty.detail, "period_start": duty.period_start,
                  "period_end": duty.period_end, "due_date": duty.due_date, "state": duty.state,
                  "delivered_on": duty.done_on} for duty in found if duty.due_date <= horizon]
    rows.sort(key=lambda row: (row["location"].name, row["due_date"], str(row["kind"])))
    return rows
