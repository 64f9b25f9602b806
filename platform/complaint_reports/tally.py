"""A location's complaint figures for a year kept in one row (`ComplaintTally`), by a trigger in the database.

Why: the cooperative report at 20,000 locations grouped 100,000 complaint rows on every view. The tally holds
per location and year what the report adds up — per subject the complaints, judged, judged in time,
escalated, handling days and measures; per outcome and per state a count — so the report sums one row per
location. A statement trigger on `ComplaintFact` recounts the location-years
a statement touched (insert, update, delete, the rebuild's bulk writes and a deleted location alike): no
write path can forget it, and the recount is from the facts, never an increment that could drift.

"Due" depends on the day the report is read (judged, or the deadline passed), so it is not stored: the report
subtracts the complaints still open with their deadline ahead, few at any time, read from the facts through a
partial index.

The columns are generated from the complaint rules' fixed lists (subjects, states, outcomes); the facts table
refuses any other value, so no complaint falls outside the tally.
"""
from tenants.complaints import rules

SUBJECTS = rules.SUBJECTS
STATES = rules.STATES
OUTCOMES = rules.OUTCOMES
# Per subject: the figure and its SQL over the facts of one location-year (`f`).
PER_SUBJECT = {
    "complaints": "count(*) FILTER (WHERE {s})",
    "judged": "count(*) FILTER (WHERE {s} AND f.judged_on IS NOT NULL)",
    "on_time": "count(*) FILTER (WHERE {s} AND f.judged_on <= f.deadline)",
    "escalated": "count(*) FILTER (WHERE {s} AND f.escalated)",
    "handling_days": "coalesce(sum(f.judged_on - f.received_on) FILTER (WHERE {s} AND f.judged_on IS NOT NULL), 0)",
    "measures": "coalesce(sum(f.measures) FILTER (WHERE {s}), 0)",
}
FACT_TABLE = "complaint_reports_complaintfact"
TALLY_TABLE = "complaint_reports_complainttally"
LOCATION_TABLE = "cooperative_location"
# What the report groups and filters by, copied from the location so that the report reads no location row:
# kept by the recount and, when the location changes, by a row trigger on the location.
# Each is written for a location row named {row}: `l` in the recount, the trigger's NEW on the location.
LOCATION_COLUMNS = {"kind": "{row}.kind", "region": "{row}.region", "active": "{row}.status <> 'offboarded'"}


def subject_column(subject: str, figure: str) -> str:
    return f"{subject}_{figure}"


def outcome_column(outcome: str) -> str:
    return f"outcome_{outcome}"


def state_column(state: str) -> str:
    return f"state_{state}"


def counted_columns() -> list[str]:
    """Every stored count, in table order."""
    return ([subject_column(s, figure) for s in SUBJECTS for figure in PER_SUBJECT]
            + [outcome_column(o) for o in OUTCOMES] + [state_column(s) for s in STATES])


def _recount_select(keys: str) -> str:
    """SELECT of the tally rows of the location-years in `keys` (a relation with location_id and year), in the
    order of counted_columns()."""
    figures = {}
    for s in SUBJECTS:
        where = f"f.subject = '{s}'"
        figures |= {subject_column(s, figure): sql.format(s=where) for figure, sql in PER_SUBJECT.items()}
    figures |= {outcome_column(o): f"count(*) FILTER (WHERE f.outcome = '{o}')" for o in OUTCOMES}
    figures |= {state_column(s): f"count(*) FILTER (WHERE f.status = '{s}')" for s in STATES}
    selected = ", ".join([f"{sql.format(row='l')} AS {column}" for column, sql in LOCATION_COLUMNS.items()]
                         + [f"{figures[column]} AS {column}" for column in counted_columns()])
    return (f"SELECT f.location_id, f.year, {selected} FROM {FACT_TABLE} f "
            f"JOIN (SELECT DISTINCT location_id, year FROM {keys}) k "
            f"ON k.location_id = f.location_id AND k.year = f.year JOIN {LOCATION_TABLE} l ON l.id = f.location_id "
            f"GROUP BY f.location_id, f.year, l.id")


def recount_sql(keys: str) -> list[str]:
    """Statements that make the tally rows of the location-years in `keys` match the facts: upsert the counts,
    remove a row whose location-year has no complaint left."""
    columns = [*LOCATION_COLUMNS, *counted_columns()]
    upsert = (f"INSERT INTO {TALLY_TABLE} (location_id, year, {', '.join(columns)}) {_recount_select(keys)} "
              f"ON CONFLICT (year, location_id) DO UPDATE SET "
              + ", ".join(f"{c} = EXCLUDED.{c}" for c in columns))
    remove = (f"DELETE FROM {TALLY_TABLE} t USING (SELECT DISTINCT location_id, year FROM {keys}) k "
              f"WHERE t.location_id = k.location_id AND t.year = k.year AND NOT EXISTS ("
              f"SELECT 1 FROM {FACT_TABLE} f WHERE f.location_id = k.location_id AND f.year = k.year)")
    return [upsert, remove]


# Concurrent complaint writes of one location wait for each other here, so each recount sees the other's facts.
# A statement over many locations (the rebuild, a bulk load) takes one lock for all instead of one per location,
# which would fill the lock table; the writers of a few locations share that one, so the two exclude each other.
MANY_LOCATIONS = 16
_LOCK = f"""
  IF (SELECT count(DISTINCT location_id) FROM changed) > {MANY_LOCATIONS} THEN
    PERFORM pg_advisory_xact_lock(hashtext('{TALLY_TABLE}'), 0);
  ELSE
    PERFORM pg_advisory_xact_lock_shared(hashtext('{TALLY_TABLE}'), 0);
    PERFORM pg_advisory_xact_lock(hashtext('{TALLY_TABLE}'), (k.location_id % 2147483647)::int + 1)
      FROM (SELECT DISTINCT location_id FROM changed ORDER BY location_id) k;
  END IF;"""


def trigger_sql() -> str:
    """The trigger function and its four statement triggers (an update recounts the old and the new keys)."""
    body = "\n".join(f"  {statement};" for statement in recount_sql("changed"))
    triggers = [("insert", "INSERT", "NEW TABLE AS changed"), ("delete", "DELETE", "OLD TABLE AS changed"),
                ("update_old", "UPDATE", "OLD TABLE AS changed"), ("update_new", "UPDATE", "NEW TABLE AS changed")]
    created = "\n".join(
        f"CREATE TRIGGER complaint_tally_{name} AFTER {event} ON {FACT_TABLE} REFERENCING {transition} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION complaint_tally_recount();" for name, event, transition in triggers)
    return (f"CREATE OR REPLACE FUNCTION complaint_tally_recount() RETURNS trigger LANGUAGE plpgsql AS $$\n"
            f"BEGIN{_LOCK}\n{body}\n  RETURN NULL;\nEND $$;\n{created}\n{location_trigger_sql()}")


def location_trigger_sql() -> str:
    """A location that changes kind, region or status carries its tally rows along."""
    copied = ", ".join(f"{column} = {sql.format(row='NEW')}" for column, sql in LOCATION_COLUMNS.items())
    changed = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in ("kind", "region", "status"))
    return (f"CREATE OR REPLACE FUNCTION complaint_tally_follow_location() RETURNS trigger LANGUAGE plpgsql AS $$\n"
            f"BEGIN\n  UPDATE {TALLY_TABLE} SET {copied} WHERE location_id = NEW.id;\n  RETURN NULL;\nEND $$;\n"
            f"CREATE TRIGGER complaint_tally_follow_location AFTER UPDATE OF kind, region, status ON {LOCATION_TABLE} "
            f"FOR EACH ROW WHEN ({changed}) EXECUTE FUNCTION complaint_tally_follow_location();")


def drop_trigger_sql() -> str:
    return "\n".join([f"DROP TRIGGER IF EXISTS complaint_tally_{name} ON {FACT_TABLE};"
                      for name in ("insert", "delete", "update_old", "update_new")]
                     + [f"DROP TRIGGER IF EXISTS complaint_tally_follow_location ON {LOCATION_TABLE};",
                        "DROP FUNCTION IF EXISTS complaint_tally_recount();",
                        "DROP FUNCTION IF EXISTS complaint_tally_follow_location();"])


def backfill_sql() -> list[str]:
    """Tally rows for the facts already stored (the migration that brings the tally)."""
    return recount_sql(FACT_TABLE)[:1]
