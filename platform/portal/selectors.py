"""The parent's overview across locations: every child with its location, today's plan, the next closing
days and the open tasks.

The data stays in each location's schema. The overview opens only the schemas of the parent's own
memberships, and makes a fixed number of queries in each: the query count grows with the locations the
parent belongs to, never with the number of locations on the platform.
"""
import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, lru_cache
from zoneinfo import ZoneInfo

from django.db import connection
from django.utils import timezone
from django_tenants.utils import schema_context
from jurisdictions import policy

from accounts.roles import PARENT
from cooperative.models import Location
from cooperative.selectors import locations_of_member
from portal import texts

CLOSING_DAYS_SHOWN = 3
CLOSING_DAYS_AHEAD = 90
CLOSED_DAYS_CACHE_SECONDS = 300
KIND_LABELS = dict(Location.Kind.choices)


@dataclass
class ChildToday:
    child: object
    plan: str  # "care", "absent", "extra", "closed", "none"
    start: object = None
    end: object = None
    absence: str = ""
    handover_id: int | None = None
    arrived: object = None  # local time of today's first check-in
    left: object = None  # local time of today's last check-out, once the child has gone home
    here: bool = False  # checked in and not yet out

    @property
    def now_text(self):
        return texts.child_now(self)

    @property
    def plan_text(self):
        return texts.child_plan(self)


@dataclass
class Task:
    kind: str  # contract, mandate, invoice, hours, survey, change_request
    label: str
    url: str
    due: date | None = None

    @property
    def text(self):
        return texts.task_text(self.kind, self.label)

    @property
    def due_text(self):
        return texts.due_text(self.due) if self.due else ""


@dataclass
class LocationOverview:
    location: Location
    today: date
    children: list[ChildToday] = field(default_factory=list)
    closing_days: list = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    unread_messages: int = 0
    unread_announcements: int = 0

    @property
    def kind_label(self) -> str:
        """The location's get_kind_display(), without building its choices anew on every call."""
        return str(KIND_LABELS.get(self.location.kind, self.location.kind))

    @property
    def closing_days_text(self):
        return texts.closing_days_text(self.closing_days) if self.closing_days else ""


def location_zone(location: Location) -> ZoneInfo:
    return ZoneInfo(location.time_zone or policy(location.jurisdiction).time_zone)


def location_today(location: Location) -> date:
    return timezone.localdate(timezone=location_zone(location))


def _local_time(moment, zone: ZoneInfo):
    return moment.astimezone(zone).time().replace(second=0, microsecond=0) if moment else None


def parent_locations(user):
    return list(locations_of_member(user, [PARENT]).filter(status=Location.Status.ACTIVE))


def _open_schema(schema_name):
    """The one door through which the portal enters a location's schema (a test watches it)."""
    return schema_context(schema_name)


def location_path(name: str, *args, default: str = "/") -> str:
    """A page's path on a location host (reversed in the location URLconf; `default` if it does not exist). The
    same for every location and parent, so the last few hundred are kept (most pages ask for the same ones)."""
    from django.urls import get_script_prefix

    return _location_path(name, args, default, get_script_prefix())


@lru_cache(maxsize=512)
def _location_path(name: str, args: tuple, default: str, _script_prefix: str) -> str:
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse(name, args=args, urlconf="config.urls_location")
    except NoReverseMatch:
        return default


def next_closed_days(location: Location, today: date) -> list:
    """The location's closed days from today for CLOSING_DAYS_AHEAD days, also across the turn of the year
    (the calendar's own reckoning, tenants.calendar.selectors.closed_days_between)."""
    from tenants.calendar import selectors as calendar

    return calendar.closed_days_between(today, today + timedelta(days=CLOSING_DAYS_AHEAD), location)


def calendar_version_key(schema_name: str) -> str:
    return f"portal:calendar-version:{schema_name}"


def cached_closed_days(location: Location, today: date) -> list:
    """next_closed_days, kept for CLOSED_DAYS_CACHE_SECONDS per location and day in the cache: the same for
    every parent of the location. Any change to the location's calendar bumps its version (portal.signals),
    so a new closure shows at once."""
    return _closed_days(location, today, _closed_days_in_cache([(location, today)]))


def _closed_days_in_cache(locations: list[tuple[Location, date]]) -> dict[str, tuple[str, list | None]]:
    """For each location (and its today): its cache key and what the cache holds under it (None: nothing) — two
    round trips to the cache for all of them, the calendar versions and then the closed days."""
    from django.core.cache import cache

    versions = cache.get_many([calendar_version_key(location.schema_name) for location, _today in locations])
    keys = {location.schema_name: f"portal:closed:{location.schema_name}:"
                                  f"{versions.get(calendar_version_key(location.schema_name), 0)}:{today.isoformat()}"
            for location, today in locations}
    found = cache.get_many(list(keys.values()))
    return {schema: (key, found.get(key)) for schema, key in keys.items()}


def _closed_days(location: Location, today: date, in_cache: dict[str, tuple[str, list | None]]) -> list:
    """The location's closed days from `in_cache` (_closed_days_in_cache), or read from its schema and kept."""
    from django.core.cache import cache

    key, found = in_cache[location.schema_name]
    if found is None:
        with _open_schema(location.schema_name):
            found = next_closed_days(location, today)
        cache.set(key, found, CLOSED_DAYS_CACHE_SECONDS)
    return found


@dataclass(frozen=True)
class OpenCoopSurvey:
    """The little of an open cooperative survey the overview needs: its link and its title."""

    pk: int
    title: str


@cache
def _parent_locations_statement() -> str:
    from accounts.models import Membership
    from portal.models import CoopSurvey

    quote = connection.ops.quote_name
    columns = ", ".join(f"l.{quote(field.column)}" for field in Location._meta.concrete_fields)
    return f"""
SELECT {columns}, (SELECT coalesce(json_agg(json_build_array(s.id, s.title) ORDER BY s.opens_on DESC, s.id DESC), '[]')
               FROM {quote(CoopSurvey._meta.db_table)} s
              WHERE s.opens_on <= %(today)s AND (s.closes_on IS NULL OR s.closes_on >= %(today)s))::text AS coop_surveys
  FROM {quote(Location._meta.db_table)} l
 WHERE l.status = %(active)s AND EXISTS (
       SELECT 1 FROM {quote(Membership._meta.db_table)} m
        WHERE m.location_id = l.id AND m.user_id = %(user)s AND m.role = %(parent)s AND m.is_active)
 ORDER BY l.name, l.id"""


def parent_locations_with_coop_surveys(user, today: date) -> tuple[list[Location], list[OpenCoopSurvey]]:
    """parent_locations and the cooperative's surveys open on `today` (tenants.surveys.selectors.
    open_coop_surveys: the same condition and order) in one statement, the surveys riding along with each
    location row as JSON text. Plain SQL, each row made a Location as the ORM makes it (Location.from_db, with
    the fields' converters): composed in the ORM, or read through `raw()`, it cost more than PostgreSQL took to
    answer."""
    with connection.cursor() as cursor:
        cursor.execute(_parent_locations_statement(), {
            "today": today, "active": Location.Status.ACTIVE.value, "user": user.pk, "parent": PARENT})
        rows = cursor.fetchall()
    if not rows:
        return [], []
    names, converters = _location_fields()
    locations = []
    for row in rows:
        values = list(row[:-1])
        for index, convert, expression in converters:
            values[index] = convert(values[index], expression, connection)
        locations.append(Location.from_db(connection.alias, names, values))
    return locations, [OpenCoopSurvey(pk, title) for pk, title in json.loads(rows[0][-1])]


@cache
def _location_fields() -> tuple[list[str], list[tuple]]:
    """Location's concrete fields in the statement's order, and the converters the ORM applies to their values
    (the backend's and the field's own, e.g. JSON text to a dict): (column index, converter, expression)."""
    converters = []
    for index, model_field in enumerate(Location._meta.concrete_fields):
        expression = model_field.get_col(Location._meta.db_table)
        for convert in connection.ops.get_db_converters(expression) + expression.get_db_converters(connection):
            converters.append((index, convert, expression))
    return [model_field.attname for model_field in Location._meta.concrete_fields], converters


def parent_overview(user, locations=None, *, before_reading=None) -> list[LocationOverview]:
    """Each of her locations' part. `before_reading(locations)` is called once her locations are known and before
    anything in their schemas is read (frontend.kept_pages notes their versions there)."""
    from tenants.surveys.selectors import open_coop_surveys

    if locations is None:
        locations, coop_surveys = parent_locations_with_coop_surveys(user, timezone.localdate())
    else:
        coop_surveys = open_coop_surveys(timezone.localdate()) if locations else []
    if before_reading is not None:
        before_reading(locations)
    if not locations:
        return []
    result = []
    todays = [(location, location_today(location)) for location in locations]
    closed_in_cache = _closed_days_in_cache(todays)
    # The location's statement names its schema's tables itself, so the schema is entered only when its
    # closing days are not in the cache: no search path is set (nor set back) for the page.
    for location, today in todays:
        overview = _location_overview(user, location, today, coop_surveys, closed_in_cache)
        if overview.children:  # no child's place runs there today: she is no parent there any more
            result.append(overview)
    return result


@dataclass(frozen=True)
class ChildName:
    """The little of a child the overview shows (the full record stays in the location)."""

    pk: int
    first_name: str
    last_name: str

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


def _location_overview(user, location: Location, today: date, coop_surveys, closed_in_cache) -> LocationOverview:
    """One location's part, from one SQL statement on its schema's tables (portal.overview_query) plus the
    cached closing days."""
    from portal import overview_query
    from tenants.attendance import rules as attendance_rules
    from tenants.attendance.models import Absence
    from tenants.contracts import rules as contract_rules

    zone = location_zone(location)
    overview = LocationOverview(location=location, today=today)
    rows = overview_query.read(user.pk, today, location.schema_name)
    children = [ChildName(c["id"], c["first_name"], c["last_name"]) for c in rows["children"]]
    if not children:
        return overview
    base = location.url.rstrip("/")
    names = {c.pk: c.full_name for c in children}

    closed = _closed_days(location, today, closed_in_cache)
    overview.closing_days = closed[:CLOSING_DAYS_SHOWN]
    closed_today = bool(closed) and closed[0].date == today

    planned = {}
    for contract in rows["contracts"]:
        signed = [v for v in contract["versions"] if v["signed"] and v["effective_from"] <= today]
        if contract["status"] == "active" and signed and contract["start_date"] <= today:
            version = signed[-1]
            weeks, _errors = contract_rules.parse_schedule(version["schedule_type"], version["schedule"])
            care_day = contract_rules.schedule_for_date(weeks, version["effective_from"], today)
            if care_day is not None:
                planned[contract["child_id"]] = care_day
        unsigned = [v for v in contract["versions"] if not v["signed"]]
        if unsigned:
            overview.tasks.append(Task("contract", names.get(contract["child_id"], ""),
                                       base + location_path("contract-page", contract["id"]),
                                       unsigned[-1]["effective_from"]))

    absences, extras = rows["absences"], rows["extras"]
    for child in children:
        item = ChildToday(child=child, plan="none", handover_id=rows["handovers"].get(child.pk))
        stay = rows["stays"].get(child.pk)
        if stay is not None:
            item.here = stay["here"]
            item.arrived = _local_time(stay["arrived"], zone)
            item.left = _local_time(stay["left"], zone)
        if closed_today:
            item.plan = "closed"
        elif child.pk in absences:
            kind = absences[child.pk]
            item.plan, item.absence = "absent", str(Absence.Kind(kind).label) if kind in Absence.Kind.values else kind
        else:
            booked = _booking(child.pk, planned.get(child.pk), extras.get(child.pk), rows["swaps"])
            if booked is not None:
                item.plan = "extra" if booked.source == attendance_rules.EXTRA_DAY else "care"
                item.start, item.end = booked.start, booked.end
        overview.children.append(item)

    for invoice in rows["invoices"]:
        overview.tasks.append(Task("invoice", invoice["child_name"] or names.get(invoice["child_id"], ""),
                                   base + location_path("billing-invoice-page", invoice["id"]), invoice["due_date"]))
    if rows["contracts"] and not rows["has_mandate"]:
        overview.tasks.append(Task("mandate", names.get(rows["contracts"][0]["child_id"], ""),
                                   base + location_path("payments-mandate")))
    for contract_id, child_id in rows["hours"]:
        overview.tasks.append(Task("hours", names.get(child_id, ""),
                                   base + location_path("hours-approval") + f"?contract={contract_id}"))
    for survey in rows["surveys"]:
        overview.tasks.append(Task("survey", survey["title"], base + location_path("survey-answer-page", survey["id"])))
    for survey in coop_surveys:
        if survey.pk not in rows["answered_coop"]:
            overview.tasks.append(Task("survey", survey.title, base + location_path("survey-answer-coop", survey.pk)))
    overview.tasks.extend(_change_request_tasks(rows["change_requests"], names, base))
    overview.unread_messages = rows["unread_messages"]
    overview.unread_announcements = rows["unread_announcements"]
    return overview


def _booking(child_id: int, care_day, extra_day, swaps: list[dict]):
    """How the child is booked today (tenants.attendance.rules.booking, the register's own answer) from
    the overview's rows: the contract's care day, today's accepted extra day and swaps from or to today."""
    from tenants.attendance import rules as attendance_rules

    mine = [swap for swap in swaps if swap["child_id"] == child_id]
    swapped_to = next(((swap["start"], swap["end"]) for swap in mine if not swap["given_up"]), None)
    return attendance_rules.booking((care_day.start, care_day.end) if care_day else None,
                                    given_up=any(swap["given_up"] for swap in mine), swapped_to=swapped_to,
                                    extra_day=extra_day)


def _change_request_tasks(requests: list[tuple[int, int]], names: dict, base: str) -> list[Task]:
    """The parent's open contract change requests, each linking to its page (status and, later, the answer)."""
    return [Task("change_request", names.get(child_id, ""), base + location_path("contract-change-request", pk))
            for pk, child_id in requests]


# --- cooperative survey results ------------------------------------------------------------------


def coop_survey_results(survey) -> list:
    """Results per kind of location from the public tallies: two queries, whatever the number of locations.
    A kind with fewer than 5 responses shows nothing."""
    from django.db.models import Sum

    from portal.models import SurveyScoreTally, SurveyTally
    from tenants.surveys import rules as survey_rules

    responses = dict(SurveyTally.objects.filter(survey=survey).values_list("location_kind")
                     .annotate(n=Sum("responses")))
    counts: dict[str, dict[int, dict[int, int]]] = {}
    for row in (SurveyScoreTally.objects.filter(survey=survey).values("location_kind", "position")
                .annotate(s1=Sum("s1"), s2=Sum("s2"), s3=Sum("s3"), s4=Sum("s4"), s5=Sum("s5"))):
        counts.setdefault(row["location_kind"], {})[row["position"]] = {s: row[f"s{s}"] for s in survey_rules.SCALE}
    labels = dict(Location.Kind.choices)
    return [survey_rules.combine(str(labels.get(kind, kind)), responses.get(kind, 0), counts.get(kind, {}))
            for kind in Location.Kind.values if kind in responses]


def deletion_requests_for_location(location):
    from portal.models import DeletionRequest

    return DeletionRequest.objects.filter(location=location).select_related("user")


def deletion_requests_of(user):
    from portal.models import DeletionRequest

    return DeletionRequest.objects.filter(user=user).select_related("location")
